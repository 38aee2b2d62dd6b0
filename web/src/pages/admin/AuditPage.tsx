// 审计日志 audit log (hash-chained) with a "verify chain" button.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Table, Tag, Tooltip, Typography, Space } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined, DownloadOutlined } from '@ant-design/icons';
import { api, type AuditEntry, type AuditVerify } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

interface Filters {
  entityType?: string;
  entityId?: string;
  actor?: string;
}

function actorName(a: AuditEntry['actor']): string {
  if (!a) return '—';
  if (typeof a === 'string') return a;
  return a.displayName ? `${a.displayName} (${a.username})` : a.username;
}

export default function AuditPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const key = JSON.stringify({ filters, page, pageSize });
  const { data, error, loading } = useAsync(() => api.audit.list({ ...filters, page, pageSize }), key);

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    try {
      setVerify(await api.audit.verify());
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        sub={t('audit.subtitle')}
        extra={
          me.role === 'admin' && (
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => void api.audit.exportXlsx(filters)} data-testid="audit-export">
                {t('common.export')}
              </Button>
              <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
                {t('audit.verify')}
              </Button>
            </Space>
          )
        }
      />
      {verify && (
        <Alert
          data-testid="audit-verify-result"
          data-ok={String(verify.ok)}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable
          title={verify.ok ? t('audit.verifyOk', { count: verify.count }) : t('audit.verifyBad', { count: verify.count, seq: verify.firstBad?.seq ?? '?' })}
          description={!verify.ok && verify.firstBad ? t('audit.verifyReason', { reason: verify.firstBad.reason }) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small" className="aj-filter-card">
        <Form
          layout="vertical"
          onFinish={(v: Filters) => {
            setFilters({ entityType: v.entityType?.trim() || undefined, entityId: v.entityId?.trim() || undefined, actor: v.actor?.trim() || undefined });
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item name="entityType" label={t('audit.entityType')}>
                <Input allowClear placeholder={t('audit.entityTypePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="entityId" label={t('audit.entityId')}>
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="seq"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => fmtDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actor', width: 160, render: (v: AuditEntry['actor']) => actorName(v) },
          { title: t('audit.action'), dataIndex: 'action', width: 110, render: (v: string) => <Tag>{v}</Tag> },
          { title: t('audit.entity'), key: 'entity', width: 160, render: (_: unknown, r) => `${r.entityType} #${r.entityId}` },
          { title: t('audit.summary'), dataIndex: 'summary' },
          {
            title: t('audit.hash'),
            dataIndex: 'hash',
            width: 130,
            render: (v: string) => (
              <Tooltip title={<span className="aj-mono">{v}</span>}>
                <Typography.Text className="aj-mono" copyable={{ text: v }}>
                  {v?.slice(0, 10)}…
                </Typography.Text>
              </Tooltip>
            ),
          },
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
