// 部门 departments with a supervision duty (三管三必须), by line and level.
import { useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Select, Button, Table, Tag } from 'antd';
import { SearchOutlined, DownloadOutlined } from '@ant-design/icons';
import { api, type Department } from '../../api/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

interface Filters {
  keyword?: string;
  line?: string;
  level?: string;
  regionCode?: string;
}

export default function DepartmentsPage() {
  const { t, locale } = useI18n();
  const { label, options } = useDict();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const key = JSON.stringify({ filters, page, pageSize });
  const { data, error, loading } = useAsync(() => api.departments({ ...filters, page, pageSize }), key);

  return (
    <div>
      <PageHeader
        title={t('departments.title')}
        sub={t('departments.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void api.departmentsExport(filters)} data-testid="departments-export">
            {t('common.export')}
          </Button>
        }
      />
      <Card size="small" className="aj-filter-card">
        <Form
          layout="vertical"
          onFinish={(v: Filters) => {
            setFilters({ keyword: v.keyword?.trim() || undefined, line: v.line, level: v.level, regionCode: v.regionCode });
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="keyword" label={t('departments.keyword')}>
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="line" label={t('departments.line')}>
                <Select allowClear placeholder={t('common.all')} options={options('lines')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="level" label={t('departments.level')}>
                <Select allowClear placeholder={t('common.all')} options={options('departmentLevels')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="regionCode" label={t('field.regionCode')}>
                <RegionTreeSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} /> : null}
      <Table<Department>
        data-testid="departments-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 860 }}
        columns={[
          { title: t('departments.code'), dataIndex: 'code', width: 120, render: (v: string) => <span className="aj-mono">{v}</span> },
          { title: t('departments.name'), dataIndex: 'name', width: 240, render: (v: string, r) => (locale === 'en-US' && r.nameEn ? r.nameEn : v) },
          { title: t('departments.line'), dataIndex: 'line', width: 140, render: (v: string) => <Tag>{label('lines', v)}</Tag> },
          { title: t('departments.level'), dataIndex: 'level', width: 100, render: (v: string) => label('departmentLevels', v) },
          { title: t('field.regionCode'), dataIndex: 'regionName', width: 140 },
          { title: t('departments.inspectors'), dataIndex: 'inspectorCount', width: 100, align: 'right' },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => {
            setPage(ps !== pageSize ? 1 : p);
            setPageSize(ps);
          },
        }}
      />
    </div>
  );
}
