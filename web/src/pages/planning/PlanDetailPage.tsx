// 计划详情 a plan: header with state and actions, the random draw record, the entries with reasons and items.
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, type PlanEntry } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { ACTION_KEY, allowedActions, levelKey, PlanStatusTag } from './planUi.tsx';
import { usePlanAction } from './usePlanAction.tsx';
import { PlanEditor } from './PlanEditor.tsx';

export default function PlanDetailPage() {
  const t = useT();
  const me = useMe();
  const { label } = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: p, error, loading, reload } = useAsync(() => api.plans.get(id), id);
  const { act, busy } = usePlanAction(() => reload());
  const [editing, setEditing] = useState(false);

  if (loading && !p) return <Card><Skeleton active /></Card>;
  if (error || !p) return <Result status="error" title={errorMessage(error, t)} extra={<Button onClick={() => navigate('/plans')}>{t('common.back')}</Button>} />;

  // 修改 only a draft (a returned plan is a draft again), by whoever may submit it
  const canEdit = p.status === 'draft' && allowedActions(p, me).includes('submit');
  if (editing && canEdit) {
    return (
      <div data-testid="plan-detail" data-plan-id={p.id} data-status={p.status} data-editing="true">
        <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/plans">{t('menu.plans')}</Link> }, { title: p.title }]} />
        <PlanEditor
          plan={p}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      </div>
    );
  }

  const selectionTag = (s: string) => <Tag color={s === 'listed' ? 'purple' : 'cyan'}>{s === 'listed' ? t('plans.selection.listed') : t('plans.selection.sampled')}</Tag>;
  const columns: TableProps<PlanEntry>['columns'] = [
    { title: 'ID', dataIndex: 'collisionId', key: 'cid', width: 80 },
    {
      title: t('collision.col.enterprise'),
      key: 'enterprise',
      width: 260,
      render: (_: unknown, e) => (
        <div>
          <Link to={`/registry/${e.enterpriseId}`}>{e.enterpriseName}</Link>
          <div>
            <Typography.Text type="secondary" className="aj-mono" style={{ fontSize: 12 }}>
              {e.uscc}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('field.industryDomain'), key: 'domain', width: 130, render: (_: unknown, e) => label('industryDomains', e.industryDomain) },
    { title: t('plans.detail.window'), key: 'window', width: 200, render: (_: unknown, e) => `${e.window.start} ~ ${e.window.end}` },
    {
      title: t('plans.detail.reasons'),
      key: 'reasons',
      width: 320,
      render: (_: unknown, e) => (
        <div>
          {selectionTag(e.selection)}
          {e.reasons.map((r) => (
            <div key={r.code} style={{ fontSize: 13 }}>
              {r.text}
            </div>
          ))}
        </div>
      ),
    },
    { title: t('plans.detail.items'), key: 'items', width: 90, render: (_: unknown, e) => (e.items.length ? t('collision.itemsCount', { n: e.items.length }) : '—') },
  ];

  return (
    <div data-testid="plan-detail" data-plan-id={p.id} data-status={p.status}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/plans">{t('menu.plans')}</Link> }, { title: p.title }]} />
      <Card>
        <div className="aj-page-header" style={{ marginBottom: 12 }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {p.title} <PlanStatusTag status={p.status} />
            </Typography.Title>
          </div>
          <Space wrap className="aj-page-extra">
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/plans')}>
              {t('common.back')}
            </Button>
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
            )}
            {allowedActions(p, me).map((a) => (
              <Button key={a} type={a === 'return' ? 'default' : 'primary'} danger={a === 'return'} loading={busy === `${p.id}:${a}`} onClick={() => act(p.id, a)} data-testid={`plan-${a}`}>
                {t(ACTION_KEY[a])}
              </Button>
            ))}
          </Space>
        </div>
        {p.returnNote && <Alert type="warning" showIcon title={t('plans.returned', { note: p.returnNote })} style={{ marginBottom: 12 }} />}
        <Descriptions
          size="small"
          bordered
          layout={mobile ? 'vertical' : 'horizontal'}
          column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
          items={[
            { key: 'dept', label: t('plans.col.department'), children: p.department.name },
            { key: 'level', label: t('plans.col.level'), children: t(levelKey(p.level)) },
            { key: 'line', label: t('departments.line'), children: label('lines', p.line) },
            { key: 'region', label: t('field.regionCode'), children: p.regionName },
            { key: 'period', label: t('plans.col.period'), children: `${p.period.start} ~ ${p.period.end}` },
            { key: 'entries', label: t('plans.col.entries'), children: p.entryCount },
            { key: 'updated', label: t('field.updatedAt'), children: fmtDateTime(p.updatedAt) },
            { key: 'published', label: t('plan.status.published'), children: fmtDateTime(p.publishedAt) },
          ]}
        />
        {p.draw && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="plan-draw">
            {t('plans.detail.draw', { algorithm: p.draw.algorithm, seed: p.draw.seed, rate: p.draw.rate, pool: p.draw.poolSize, count: p.draw.count })}
          </Typography.Paragraph>
        )}
      </Card>
      <Card style={{ marginTop: 16 }} title={t('plans.detail.entries', { n: p.entries.length })}>
        {mobile ? (
          <div className="aj-card-list">
            {p.entries.map((e) => (
              <Card key={e.id} size="small" data-testid="plan-entry">
                <div className="aj-list-card-head">
                  <Link to={`/registry/${e.enterpriseId}`} className="aj-list-card-title">
                    {e.enterpriseName}
                  </Link>
                  {selectionTag(e.selection)}
                </div>
                <div className="aj-list-card-meta">
                  {e.collisionId} · {e.window.start} ~ {e.window.end}
                </div>
                {e.reasons.map((r) => (
                  <div key={r.code} className="aj-list-card-meta">
                    {r.text}
                  </div>
                ))}
              </Card>
            ))}
            {p.entries.length === 0 && <Empty />}
          </div>
        ) : (
          <Table<PlanEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={p.entries}
            scroll={{ x: 1080 }}
            onRow={() => ({ 'data-testid': 'plan-entry' }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </div>
  );
}
