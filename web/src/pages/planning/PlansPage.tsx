// 检查计划 plans in the user's scope: state, level, period; the actions the role may take on each.
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Empty, Form, Pagination, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type DeptLevel, type PlanQuery, type PlanStatus, type PlanSummary } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ACTION_KEY, allowedActions, levelKey, PlanStatusTag } from './planUi.tsx';
import { usePlanAction } from './usePlanAction.tsx';

const STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'approved', 'published'];
const LEVELS: readonly DeptLevel[] = ['city', 'district', 'town'];

export default function PlansPage() {
  const t = useT();
  const me = useMe();
  const { label } = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const query = useMemo<PlanQuery>(() => {
    const status = sp.get('status') as PlanStatus | null;
    const level = sp.get('level') as DeptLevel | null;
    return {
      status: status && STATUSES.includes(status) ? status : undefined,
      level: level && LEVELS.includes(level) ? level : undefined,
      page: Number(sp.get('page')) || 1,
      pageSize: 20,
    };
  }, [sp]);
  const { data, error, loading, reload } = useAsync(() => api.plans.list(query), JSON.stringify(query));
  const { act, busy } = usePlanAction(() => reload());
  const canCreate = ['admin', 'coordinator', 'dept_head', 'inspector'].includes(me.role);

  const set = (k: string, v?: string | number) => {
    const next = new URLSearchParams(sp);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    if (k !== 'page') next.delete('page');
    setSp(next);
  };

  const actions = (p: PlanSummary) => (
    <Space wrap size={4}>
      {allowedActions(p, me).map((a) => (
        <Button
          key={a}
          size="small"
          type={a === 'return' ? 'default' : 'primary'}
          danger={a === 'return'}
          loading={busy === `${p.id}:${a}`}
          onClick={(e) => {
            e.stopPropagation();
            act(p.id, a);
          }}
          data-testid={`plan-${a}`}
        >
          {t(ACTION_KEY[a])}
        </Button>
      ))}
    </Space>
  );

  const columns: TableProps<PlanSummary>['columns'] = [
    {
      title: t('plans.col.title'),
      key: 'title',
      width: 300,
      render: (_: unknown, p) => (
        <div>
          <Link to={`/plans/${p.id}`} data-testid="plan-link">
            {p.title}
          </Link>
          {p.returnNote && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('plans.returned', { note: p.returnNote })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: t('plans.col.status'), key: 'status', width: 100, render: (_: unknown, p) => <PlanStatusTag status={p.status} /> },
    { title: t('plans.col.department'), key: 'department', width: 220, render: (_: unknown, p) => p.department.name },
    { title: t('plans.col.level'), key: 'level', width: 90, render: (_: unknown, p) => <Tag>{t(levelKey(p.level))}</Tag> },
    { title: t('field.regionCode'), dataIndex: 'regionName', key: 'region', width: 110 },
    { title: t('plans.col.period'), key: 'period', width: 200, render: (_: unknown, p) => `${p.period.start} ~ ${p.period.end}` },
    { title: t('plans.col.entries'), dataIndex: 'entryCount', key: 'entries', width: 90, align: 'right' },
    { title: t('field.updatedAt'), key: 'updatedAt', width: 150, render: (_: unknown, p) => fmtDateTime(p.updatedAt) },
    { title: t('plans.col.actions'), key: 'actions', width: 200, fixed: 'right', render: (_: unknown, p) => actions(p) },
  ];

  return (
    <div data-testid="plans-page">
      <PageHeader
        title={t('plans.title')}
        sub={t('plans.subtitle')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.plans.exportXlsx({ ...query, page: undefined, pageSize: undefined } as Omit<typeof query, 'page' | 'pageSize'>)}
              data-testid="plans-export"
            >
              {t('common.export')}
            </Button>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')} data-testid="plan-create">
                {t('plans.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" className="aj-filter-card">
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={12} sm={8} lg={6}>
              <Form.Item label={t('plans.filter.status')} style={{ marginBottom: 0 }}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.status}
                  onChange={(v?: string) => set('status', v)}
                  options={STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
                  data-testid="plans-filter-status"
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={6}>
              <Form.Item label={t('plans.filter.level')} style={{ marginBottom: 0 }}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.level}
                  onChange={(v?: string) => set('level', v)}
                  options={LEVELS.map((s) => ({ value: s, label: t(levelKey(s)) }))}
                  data-testid="plans-filter-level"
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} style={{ marginBottom: 16 }} /> : null}
      <div data-testid="plans-table" data-total={data?.total ?? ''}>
        {mobile ? (
          <Spin spinning={loading}>
            <div className="aj-card-list">
              {(data?.items ?? []).map((p) => (
                <Card key={p.id} size="small" className="aj-list-card" data-testid="plan-row" onClick={() => navigate(`/plans/${p.id}`)}>
                  <div className="aj-list-card-head">
                    <span className="aj-list-card-title">{p.title}</span>
                    <PlanStatusTag status={p.status} />
                  </div>
                  <div className="aj-list-card-meta">
                    {p.department.name} · {t(levelKey(p.level))} · {label('lines', p.line)}
                  </div>
                  <div className="aj-list-card-meta">
                    {p.period.start} ~ {p.period.end} · {t('plans.col.entries')} {p.entryCount}
                  </div>
                  {p.returnNote && <Typography.Text type="danger">{t('plans.returned', { note: p.returnNote })}</Typography.Text>}
                  <div style={{ marginTop: 8 }}>{actions(p)}</div>
                </Card>
              ))}
              {!loading && (data?.items.length ?? 0) === 0 && <Empty description={t('plans.empty')} />}
            </div>
            <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} current={query.page} pageSize={20} total={data?.total ?? 0} onChange={(page) => set('page', page)} />
          </Spin>
        ) : (
          <Table<PlanSummary>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1400 }}
            onRow={() => ({ 'data-testid': 'plan-row' }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('plans.empty')} /> }}
            pagination={{ current: query.page, pageSize: 20, total: data?.total ?? 0, onChange: (page) => set('page', page), showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </div>
    </div>
  );
}
