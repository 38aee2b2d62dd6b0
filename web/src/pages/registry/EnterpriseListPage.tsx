// 企业档案 enterprise list: filters kept in the URL, server-side paging and sorting, export, create, import.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Pagination, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownOutlined, DownloadOutlined, PlusOutlined, UpOutlined, ReloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { api, type EnterpriseFilters, type EnterpriseQuery, type EnterpriseSort, type EnterpriseSummary } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { REGISTRY_WRITERS } from '../../lib/fields.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const FILTER_KEYS = [
  'keyword',
  'regionCode',
  'industryDomain',
  'riskLevel',
  'creditGrade',
  'standardizationLevel',
  'keyEnterprise',
  'labourIntensive',
] as const;
const SORTS: readonly EnterpriseSort[] = ['name', 'uscc', 'regionCode', 'riskLevel', 'creditGrade', 'employees', 'updatedAt'];
const PAGE_SIZES = [10, 20, 50, 100];

function readQuery(sp: URLSearchParams): EnterpriseQuery {
  const q: EnterpriseQuery = {};
  for (const k of FILTER_KEYS) {
    const v = sp.get(k);
    if (v) (q as Record<string, string>)[k] = v;
  }
  const page = Number(sp.get('page'));
  const pageSize = Number(sp.get('pageSize'));
  q.page = Number.isInteger(page) && page > 0 ? page : 1;
  q.pageSize = PAGE_SIZES.includes(pageSize) ? pageSize : 20;
  const sort = sp.get('sort') as EnterpriseSort | null;
  if (sort && SORTS.includes(sort)) {
    q.sort = sort;
    q.order = sp.get('order') === 'desc' ? 'desc' : 'asc';
  }
  return q;
}

function writeQuery(q: EnterpriseQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'page' && v === 1) continue;
    if (k === 'pageSize' && v === 20) continue;
    sp.set(k, String(v));
  }
  return sp;
}

function filtersOf(q: EnterpriseQuery): EnterpriseFilters {
  const f: EnterpriseFilters = {};
  for (const k of FILTER_KEYS) if (q[k]) (f as Record<string, string>)[k] = q[k];
  return f;
}

export default function EnterpriseListPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const { label, options } = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => readQuery(sp), [sp]);
  const [form] = Form.useForm<EnterpriseFilters>();
  const [exporting, setExporting] = useState(false);
  const advancedActive = (['regionCode', 'industryDomain', 'creditGrade', 'standardizationLevel', 'keyEnterprise', 'labourIntensive'] as const).some((k) => query[k]);
  const [moreOpen, setMoreOpen] = useState(advancedActive);
  // On a phone only keyword and risk show until "more filters" is opened.
  const showAll = !mobile || moreOpen;
  const canWrite = (REGISTRY_WRITERS as readonly string[]).includes(me.role);

  const key = writeQuery(query).toString();
  const { data, error, loading, reload } = useAsync(() => api.enterprises.list(query), key);

  const apply = (next: EnterpriseQuery) => setSp(writeQuery(next));

  const onSearch = (v: EnterpriseFilters) => {
    const f: EnterpriseFilters = {};
    for (const k of FILTER_KEYS) {
      const val = v[k];
      if (val !== undefined && val !== null && String(val).trim() !== '') (f as Record<string, string>)[k] = String(val).trim();
    }
    apply({ ...f, page: 1, pageSize: query.pageSize, sort: query.sort, order: query.order });
  };

  const onReset = () => {
    form.resetFields();
    form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
    apply({ pageSize: query.pageSize });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await api.enterprises.exportXlsx({ ...filtersOf(query), sort: query.sort, order: query.order });
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setExporting(false);
    }
  };

  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  const sortOrderOf = (col: EnterpriseSort) =>
    query.sort === col ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableProps<EnterpriseSummary>['columns'] = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: 'left',
      width: 260,
      render: (_: unknown, r) => (
        <div>
          <Link to={`/registry/${r.id}`} data-testid="enterprise-link">
            {r.name}
          </Link>
          <div className="aj-tags-line">
            {r.keyEnterprise && <Tag color="purple">{t('enterprise.key')}</Tag>}
            {r.labourIntensive && <Tag color="cyan">{t('enterprise.labourIntensive')}</Tag>}
          </div>
        </div>
      ),
    },
    { title: t('field.uscc'), dataIndex: 'uscc', key: 'uscc', sorter: true, sortOrder: sortOrderOf('uscc'), width: 190, render: (v: string) => <span className="aj-mono">{v}</span> },
    { title: t('field.regionCode'), dataIndex: 'regionName', key: 'regionCode', sorter: true, sortOrder: sortOrderOf('regionCode'), width: 140 },
    { title: t('field.industryDomain'), dataIndex: 'industryDomain', key: 'industryDomain', width: 140, render: (v: string) => label('industryDomains', v) },
    { title: t('field.employees'), dataIndex: 'employees', key: 'employees', sorter: true, sortOrder: sortOrderOf('employees'), width: 120, align: 'right' },
    { title: t('field.riskLevel'), dataIndex: 'riskLevel', key: 'riskLevel', sorter: true, sortOrder: sortOrderOf('riskLevel'), width: 190, render: (v: string) => <RiskTag level={v} /> },
    { title: t('field.creditGrade'), dataIndex: 'creditGrade', key: 'creditGrade', sorter: true, sortOrder: sortOrderOf('creditGrade'), width: 150, render: (v: string) => label('creditGrades', v) },
    { title: t('field.standardizationLevel'), dataIndex: 'standardizationLevel', key: 'standardizationLevel', width: 150, render: (v: string) => label('standardizationLevels', v) },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, sortOrder: sortOrderOf('updatedAt'), width: 150, render: (v: string) => fmtDateTime(v) },
  ];

  const onTableChange: TableProps<EnterpriseSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const col = s?.columnKey as EnterpriseSort | undefined;
    const next: EnterpriseQuery = { ...filtersOf(query), page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 };
    if (s?.order && col && SORTS.includes(col)) {
      next.sort = col;
      next.order = s.order === 'descend' ? 'desc' : 'asc';
      if (col !== query.sort || next.order !== query.order) next.page = 1;
    }
    if (next.pageSize !== query.pageSize) next.page = 1;
    apply(next);
  };

  const filterCol = { xs: 24, sm: 12, lg: 8, xl: 6 };

  return (
    <div>
      <PageHeader
        title={t('registry.title')}
        sub={t('registry.subtitle')}
        extra={
          <Space wrap>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/registry/new')} data-testid="enterprise-create">
                {t('registry.create')}
              </Button>
            )}
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/registry/import')} data-testid="enterprise-import">
                {t('registry.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="enterprise-export">
              {t('common.export')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="aj-filter-card">
        <Form
          form={form}
          layout="vertical"
          initialValues={filtersOf(query)}
          onFinish={onSearch}
          key={FILTER_KEYS.map((k) => query[k] ?? '').join('|')}
          className="aj-filter-form"
        >
          <Row gutter={16}>
            <Col {...filterCol}>
              <Form.Item name="keyword" label={t('registry.filter.keyword')}>
                <Input allowClear placeholder={t('registry.filter.keywordPlaceholder')} data-testid="filter-keyword" />
              </Form.Item>
            </Col>
            <Col {...filterCol} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="regionCode" label={t('field.regionCode')}>
                <RegionTreeSelect data-testid="filter-region" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...filterCol} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="industryDomain" label={t('field.industryDomain')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options('industryDomains')} placeholder={t('common.all')} data-testid="filter-industry" />
              </Form.Item>
            </Col>
            <Col {...filterCol}>
              <Form.Item name="riskLevel" label={t('field.riskLevel')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  data-testid="filter-risk"
                  options={(['red', 'orange', 'yellow', 'blue'] as const).map((c) => ({
                    value: c,
                    label: <RiskTag level={c} />,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col {...filterCol} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="creditGrade" label={t('field.creditGrade')}>
                <Select allowClear options={options('creditGrades')} placeholder={t('common.all')} data-testid="filter-credit" />
              </Form.Item>
            </Col>
            <Col {...filterCol} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="standardizationLevel" label={t('field.standardizationLevel')}>
                <Select allowClear options={options('standardizationLevels')} placeholder={t('common.all')} data-testid="filter-standardization" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12} lg={8} xl={6} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="keyEnterprise" label={t('enterprise.key')}>
                <Select allowClear options={yesNo} placeholder={t('common.all')} data-testid="filter-key" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12} lg={8} xl={6} style={showAll ? undefined : { display: 'none' }}>
              <Form.Item name="labourIntensive" label={t('enterprise.labourIntensive')}>
                <Select allowClear options={yesNo} placeholder={t('common.all')} data-testid="filter-labour" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
              {t('common.search')}
            </Button>
            <Button onClick={onReset} icon={<ReloadOutlined />} data-testid="filter-reset">
              {t('common.reset')}
            </Button>
            {mobile && (
              <Button type="link" onClick={() => setMoreOpen((x) => !x)} icon={moreOpen ? <UpOutlined /> : <DownOutlined />} data-testid="filter-more">
                {moreOpen ? t('registry.filter.less') : t('registry.filter.more')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>

      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      <div data-testid="enterprise-table" data-total={data?.total ?? ''} data-loading={loading ? 'true' : 'false'}>
        {mobile ? (
          <Spin spinning={loading}>
            <div className="aj-card-list">
              {(data?.items ?? []).map((r) => (
                <Card key={r.id} size="small" className="aj-list-card" data-testid="enterprise-row" onClick={() => navigate(`/registry/${r.id}`)}>
                  <div className="aj-list-card-head">
                    <Link to={`/registry/${r.id}`} onClick={(e) => e.stopPropagation()} className="aj-list-card-title">
                      {r.name}
                    </Link>
                    <RiskTag level={r.riskLevel} />
                  </div>
                  <div className="aj-list-card-meta aj-mono">{r.uscc}</div>
                  <div className="aj-list-card-meta">
                    {r.regionName} · {label('industryDomains', r.industryDomain)} · {t('registry.employeesCount', { n: r.employees })}
                  </div>
                  <div className="aj-tags-line">
                    {r.keyEnterprise && <Tag color="purple">{t('enterprise.key')}</Tag>}
                    {r.labourIntensive && <Tag color="cyan">{t('enterprise.labourIntensive')}</Tag>}
                    <Tag>{t('field.creditGrade')}: {label('creditGrades', r.creditGrade)}</Tag>
                  </div>
                </Card>
              ))}
              {!loading && (data?.items.length ?? 0) === 0 && <Empty description={t('registry.empty')} />}
            </div>
            <Pagination
              simple
              style={{ marginTop: 12, textAlign: 'center' }}
              current={query.page}
              pageSize={query.pageSize}
              total={data?.total ?? 0}
              onChange={(page) => apply({ ...query, page })}
            />
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 8 }}>
              {t(data?.capped ? 'common.totalAbout' : 'common.total', { total: (data?.total ?? 0).toLocaleString() })}
            </Typography.Paragraph>
          </Spin>
        ) : (
          <Table<EnterpriseSummary>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1500 }}
            onChange={onTableChange}
            onRow={() => ({ 'data-testid': 'enterprise-row' }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('registry.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t(data?.capped ? 'common.totalAbout' : 'common.total', { total: total.toLocaleString() }),
            }}
          />
        )}
      </div>
    </div>
  );
}
