// 一企一档 one file per enterprise: header, then tabs for basic data, 厂中厂, inspections, hazards,
// cases, credit (filled by later modules) and the change history.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, List, Result, Skeleton, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { api, ApiError, type Enterprise, type EnterpriseRef, type HistoryEntry } from '../../api/index.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { useIsMobile } from '../../lib/hooks.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime, fmtValue } from '../../lib/format.ts';
import { fieldLabel, REGISTRY_WRITERS } from '../../lib/fields.ts';
import { RiskTag } from '../../components/RiskTag.tsx';
import { VisitCard } from '../visits/VisitCard.tsx';

function EnterpriseLink({ e }: { e: EnterpriseRef }) {
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/registry/${e.id}`}>{e.name}</Link>
      <Typography.Text type="secondary" className="aj-mono">
        {e.uscc}
      </Typography.Text>
    </Space>
  );
}

function HistoryTab({ id }: { id: string }) {
  const t = useT();
  const { label } = useDict();
  const { data, error, loading } = useAsync(() => api.enterprises.history(id), id);
  const DICT_FIELDS: Record<string, Parameters<typeof label>[0]> = {
    riskLevel: 'riskLevels',
    creditGrade: 'creditGrades',
    standardizationLevel: 'standardizationLevels',
    industryDomain: 'industryDomains',
    smallVenueCategory: 'smallVenueCategories',
  };
  const show = (field: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    const kind = DICT_FIELDS[field];
    if (kind && typeof v === 'string' && v) return label(kind, v);
    return fmtValue(v);
  };
  if (loading) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={errorMessage(error, t)} />;
  if (!data || data.length === 0) return <Empty description={t('detail.history.empty')} />;
  const sorted = [...data].sort((a, b) => (a.at < b.at ? 1 : -1));
  const actionColor: Record<HistoryEntry['action'], string> = { create: 'green', update: 'blue', import: 'purple' };
  return (
    <Timeline
      data-testid="enterprise-history"
      items={sorted.map((h) => ({
        color: actionColor[h.action] ?? 'gray',
        content: (
          <div>
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{fmtDateTime(h.at)}</Typography.Text>
              <Tag color={actionColor[h.action]}>{t(`history.action.${h.action}` as MessageKey)}</Tag>
              <span>
                {h.actor.displayName} <Typography.Text type="secondary">({h.actor.username})</Typography.Text>
              </span>
            </Space>
            {h.changes.length > 0 ? (
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                scroll={{ x: 480 }}
                dataSource={h.changes}
                columns={[
                  { title: t('history.field'), dataIndex: 'field', width: 180, render: (f: string) => fieldLabel(f, t) },
                  { title: t('history.before'), key: 'before', render: (_: unknown, c) => <span className="aj-before">{show(c.field, c.before)}</span> },
                  { title: t('history.after'), key: 'after', render: (_: unknown, c) => <span className="aj-after">{show(c.field, c.after)}</span> },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{h.action === 'update' ? t('history.noChanges') : t('history.created')}</Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** 联合检查日历 every department's published visits to this enterprise, with the items and documents to prepare. */
function CalendarTab({ id }: { id: string }) {
  const t = useT();
  const { data, error, loading } = useAsync(() => api.visits.ofEnterprise(id), `visits-${id}`);
  if (loading) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={errorMessage(error, t)} />;
  const items = [...(data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  if (items.length === 0) return <Empty description={t('detail.calendar.empty')} />;
  return (
    <div className="aj-card-list" data-testid="enterprise-calendar" data-total={items.length}>
      {items.map((v) => (
        <VisitCard key={v.id} v={v} showEnterprise={false} />
      ))}
    </div>
  );
}

function BasicTab({ e }: { e: Enterprise }) {
  const t = useT();
  const mobile = useIsMobile();
  const { label } = useDict();
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Descriptions
      bordered
      layout={mobile ? 'vertical' : 'horizontal'}
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={[
        { key: 'uscc', label: t('field.uscc'), children: <span className="aj-mono">{e.uscc}</span> },
        { key: 'name', label: t('field.name'), children: e.name },
        { key: 'region', label: t('field.regionCode'), children: `${e.regionPath.map((p) => p.name).join(' / ')} (${e.regionCode})` },
        { key: 'address', label: t('field.address'), children: e.address || '—', span: { xs: 1, md: 2, xl: 3 } },
        { key: 'industryDomain', label: t('field.industryDomain'), children: label('industryDomains', e.industryDomain) },
        { key: 'industryCode', label: t('field.industryCode'), children: e.industryCode || '—' },
        { key: 'employees', label: t('field.employees'), children: e.employees },
        { key: 'riskLevel', label: t('field.riskLevel'), children: <RiskTag level={e.riskLevel} /> },
        { key: 'creditGrade', label: t('field.creditGrade'), children: label('creditGrades', e.creditGrade) },
        { key: 'standardizationLevel', label: t('field.standardizationLevel'), children: label('standardizationLevels', e.standardizationLevel) },
        { key: 'keyEnterprise', label: t('field.keyEnterprise'), children: yes(e.keyEnterprise) },
        { key: 'labourIntensive', label: t('field.labourIntensive'), children: yes(e.labourIntensive) },
        { key: 'smallVenueCategory', label: t('field.smallVenueCategory'), children: e.smallVenueCategory ? label('smallVenueCategories', e.smallVenueCategory) : '—' },
        { key: 'legalRepresentative', label: t('field.legalRepresentative'), children: e.legalRepresentative || '—' },
        { key: 'legalRepresentativePhone', label: t('field.legalRepresentativePhone'), children: e.legalRepresentativePhone || '—' },
        { key: 'safetyOfficer', label: t('field.safetyOfficer'), children: e.safetyOfficer || '—' },
        { key: 'safetyOfficerPhone', label: t('field.safetyOfficerPhone'), children: e.safetyOfficerPhone || '—' },
        { key: 'createdAt', label: t('field.createdAt'), children: fmtDateTime(e.createdAt) },
        { key: 'updatedAt', label: t('field.updatedAt'), children: fmtDateTime(e.updatedAt) },
      ]}
    />
  );
}

function TenancyTab({ e }: { e: Enterprise }) {
  const t = useT();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('detail.landlord')}>
        {e.landlord ? <EnterpriseLink e={e.landlord} /> : <Typography.Text type="secondary">{t('detail.noLandlord')}</Typography.Text>}
      </Card>
      <Card size="small" title={t('detail.tenants', { n: e.tenants.length })}>
        {e.tenants.length ? (
          <List dataSource={e.tenants} renderItem={(x) => <List.Item key={x.id}><EnterpriseLink e={x} /></List.Item>} />
        ) : (
          <Typography.Text type="secondary">{t('detail.noTenants')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}

export default function EnterpriseDetailPage() {
  const t = useT();
  const me = useMe();
  const { label } = useDict();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [tab, setTab] = useState('basic');
  const { data: e, error, loading } = useAsync(() => api.enterprises.get(id), id);
  const canWrite = (REGISTRY_WRITERS as readonly string[]).includes(me.role);

  if (loading && !e) return <Card><Skeleton active /></Card>;
  if (error || !e) {
    const status = error instanceof ApiError && (error.status === 404 || error.status === 403) ? error.status : 'error';
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={errorMessage(error, t)}
        extra={<Button onClick={() => navigate('/registry')}>{t('detail.backToList')}</Button>}
      />
    );
  }

  const empty = (key: MessageKey) => <Empty description={t(key)} />;

  return (
    <div data-testid="enterprise-detail" data-enterprise-id={e.id}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/registry">{t('menu.registry')}</Link> }, { title: e.name }]}
      />
      <Card className="aj-detail-head">
        <div className="aj-page-header" style={{ marginBottom: 0 }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="enterprise-name">
              {e.name}
            </Typography.Title>
            <div className="aj-detail-meta">
              <span className="aj-mono">{e.uscc}</span>
              <span>{e.regionPath.map((p) => p.name).join(' / ')}</span>
              <span>{label('industryDomains', e.industryDomain)}</span>
            </div>
            <div className="aj-tags-line" style={{ marginTop: 8 }}>
              <RiskTag level={e.riskLevel} />
              {e.keyEnterprise && <Tag color="purple">{t('enterprise.key')}</Tag>}
              {e.labourIntensive && <Tag color="cyan">{t('enterprise.labourIntensive')}</Tag>}
              <Tag>{t('field.creditGrade')}: {label('creditGrades', e.creditGrade)}</Tag>
              <Tag>{t('field.standardizationLevel')}: {label('standardizationLevels', e.standardizationLevel)}</Tag>
              {e.landlord && <Tag color="geekblue">{t('detail.isTenant')}</Tag>}
              {e.tenants.length > 0 && <Tag color="geekblue">{t('detail.hasTenants', { n: e.tenants.length })}</Tag>}
            </div>
          </div>
          <Space wrap className="aj-page-extra">
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/registry/${e.id}/edit`)} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        </div>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden={false}
          items={[
            { key: 'basic', label: t('detail.tab.basic'), children: <BasicTab e={e} /> },
            { key: 'tenancy', label: t('detail.tab.tenancy'), children: <TenancyTab e={e} /> },
            { key: 'calendar', label: t('detail.tab.calendar'), children: tab === 'calendar' ? <CalendarTab id={String(e.id)} /> : null },
            { key: 'inspections', label: t('detail.tab.inspections'), children: empty('detail.noInspections') },
            { key: 'hazards', label: t('detail.tab.hazards'), children: empty('detail.noHazards') },
            { key: 'cases', label: t('detail.tab.cases'), children: empty('detail.noCases') },
            { key: 'credit', label: t('detail.tab.credit'), children: empty('detail.noCredit') },
            { key: 'history', label: t('detail.tab.history'), children: tab === 'history' ? <HistoryTab id={String(e.id)} /> : null },
          ]}
        />
      </Card>
    </div>
  );
}
