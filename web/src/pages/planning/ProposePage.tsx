// 从建议生成计划: department, region, period, seed, sampling rate → the proposed entries with their reasons (listed by
// the rules or drawn at random, 双随机) → accept the selected ones → a draft plan.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { BulbOutlined, CheckOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Proposal, type ProposalEntry } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

interface ProposeForm {
  departmentId: number;
  regionCode?: string;
  period: [Dayjs, Dayjs];
  seed: string;
  ratePercent: number;
}

export default function ProposePage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const { label } = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposeForm>();
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const [proposal, setProposal] = useState<{ p: Proposal; input: ProposeForm } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [title, setTitle] = useState('');
  const ownOnly = me.role === 'inspector' || me.role === 'dept_head';
  const depts = useAsync(() => api.departments({ regionCode: ownOnly ? undefined : me.regionCode, pageSize: 200 }), 'depts');
  const deptOptions = useMemo(
    () =>
      (depts.data?.items ?? [])
        .filter((d) => !ownOnly || d.id === me.departmentId)
        .map((d) => ({ value: d.id, label: `${d.name}` })),
    [depts.data, ownOnly, me.departmentId],
  );

  const onPropose = async (v: ProposeForm) => {
    setBusy(true);
    setErr(null);
    try {
      const p = await api.planning.propose({
        departmentId: v.departmentId,
        regionCode: v.regionCode || undefined,
        period: { start: v.period[0].format('YYYY-MM-DD'), end: v.period[1].format('YYYY-MM-DD') },
        seed: v.seed,
        samplingRate: v.ratePercent / 100,
      });
      setProposal({ p, input: v });
      setSelected(p.entries.map((e) => e.enterpriseId));
      setTitle(`${p.department.name} ${p.period.start.slice(0, 4)} ${t('plans.title')}`);
    } catch (e) {
      setErr(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const onAccept = async () => {
    if (!proposal) return;
    const { p, input } = proposal;
    const keep = new Set(selected);
    setCreating(true);
    try {
      const plan = await api.plans.create({
        departmentId: p.department.id,
        regionCode: input.regionCode || undefined,
        title: title.trim() || undefined,
        period: p.period,
        draw: { seed: input.seed, samplingRate: input.ratePercent / 100 },
        entries: p.entries
          .filter((e) => keep.has(e.enterpriseId))
          .flatMap((e) =>
            e.windows.map((w) => ({ enterpriseId: e.enterpriseId, window: w, items: e.items, inspectorsNeeded: e.inspectorsNeeded, requiredQualifications: e.requiredQualifications })),
          ),
      });
      message.success(t('propose.created'));
      navigate(`/plans/${plan.id}`);
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setCreating(false);
    }
  };

  const selTag = (s: string) => <Tag color={s === 'listed' ? 'purple' : 'cyan'}>{s === 'listed' ? t('plans.selection.listed') : t('plans.selection.sampled')}</Tag>;
  const columns: TableProps<ProposalEntry>['columns'] = [
    {
      title: t('collision.col.enterprise'),
      key: 'name',
      width: 260,
      render: (_: unknown, e) => (
        <div>
          <Link to={`/registry/${e.enterpriseId}`} target="_blank">
            {e.enterpriseName}
          </Link>
          <div>
            <Typography.Text type="secondary" className="aj-mono" style={{ fontSize: 12 }}>
              {e.uscc}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('field.industryDomain'), key: 'domain', width: 120, render: (_: unknown, e) => label('industryDomains', e.industryDomain) },
    { title: t('field.riskLevel'), key: 'risk', width: 150, render: (_: unknown, e) => <RiskTag level={e.riskLevel} /> },
    { title: t('field.creditGrade'), key: 'credit', width: 90, render: (_: unknown, e) => label('creditGrades', e.creditGrade) },
    {
      title: t('plans.detail.reasons'),
      key: 'reasons',
      width: 320,
      render: (_: unknown, e) => (
        <div>
          {selTag(e.selection)}
          {e.reasons.map((r) => (
            <div key={r.code} style={{ fontSize: 13 }}>
              {r.text}
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t('plans.detail.window'),
      key: 'windows',
      width: 220,
      render: (_: unknown, e) => (
        <div>
          <Typography.Text type="secondary">{t('propose.timesPerYear', { n: e.timesPerYear })}</Typography.Text>
          {e.windows.map((w) => (
            <div key={w.start} style={{ fontSize: 13 }}>
              {w.start} ~ {w.end}
            </div>
          ))}
        </div>
      ),
    },
  ];

  const year = dayjs().year();
  return (
    <div data-testid="propose-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/plans">{t('menu.plans')}</Link> }, { title: t('propose.title') }]} />
      <PageHeader title={t('propose.title')} sub={t('plans.subtitle')} />
      <Card size="small" className="aj-filter-card">
        <Form<ProposeForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void onPropose(v)}
          initialValues={{
            departmentId: ownOnly ? (me.departmentId ?? undefined) : undefined,
            period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
            seed: String(year),
            ratePercent: 5,
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="departmentId" label={t('propose.department')} rules={[{ required: true, message: t('propose.departmentRequired') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} loading={depts.loading} options={deptOptions} data-testid="propose-department" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="regionCode" label={t('propose.region')}>
                <RegionTreeSelect data-testid="propose-region" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={10}>
              <Form.Item name="period" label={t('propose.period')} rules={[{ required: true, message: t('propose.periodRequired') }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} data-testid="propose-period" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={6}>
              <Form.Item name="seed" label={t('propose.seed')} rules={[{ required: true, message: t('propose.seedRequired') }]}>
                <Input maxLength={64} data-testid="propose-seed" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={6}>
              <Form.Item name="ratePercent" label={t('propose.rate')}>
                <InputNumber min={0} max={100} step={1} suffix="%" style={{ width: '100%' }} data-testid="propose-rate" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" icon={<BulbOutlined />} loading={busy} block data-testid="propose-run">
                  {t('propose.run')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {err && <Alert type="error" showIcon title={err} />}
      </Card>

      {proposal && (
        <Card data-testid="proposal" data-count={proposal.p.entries.length}>
          <Typography.Paragraph type="secondary" data-testid="proposal-counts">
            {t('propose.counts', proposal.p.counts)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('plans.detail.draw', {
              algorithm: proposal.p.draw.algorithm,
              seed: proposal.p.draw.seed,
              rate: proposal.p.draw.rate,
              pool: proposal.p.draw.poolSize,
              count: proposal.p.draw.count,
            })}
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12, width: '100%' }}>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('propose.planTitle')} style={{ width: mobile ? '100%' : 380 }} maxLength={200} data-testid="propose-title" />
            <Button type="primary" icon={<CheckOutlined />} loading={creating} disabled={selected.length === 0} onClick={() => void onAccept()} data-testid="propose-accept">
              {t('propose.accept')}
            </Button>
            <Typography.Text>{t('propose.selected', { n: selected.length })}</Typography.Text>
            {/* the table's header box only covers its current page; these cover every page */}
            <Button size="small" onClick={() => setSelected(proposal.p.entries.map((e) => e.enterpriseId))} data-testid="propose-select-all">
              {t('propose.selectAll')}
            </Button>
            <Button size="small" onClick={() => setSelected([])} disabled={selected.length === 0} data-testid="propose-select-none">
              {t('propose.selectNone')}
            </Button>
          </Space>
          <Table<ProposalEntry>
            rowKey="enterpriseId"
            size="small"
            columns={mobile ? columns.filter((c) => c.key === 'name' || c.key === 'reasons') : columns}
            dataSource={proposal.p.entries}
            scroll={{ x: mobile ? 520 : 1160 }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
            onRow={() => ({ 'data-testid': 'proposal-entry' }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('propose.none')} /> }}
            pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          />
          {proposal.p.held.length > 0 && (
            <List
              style={{ marginTop: 12 }}
              header={<Typography.Text strong>{t('propose.held', { n: proposal.p.held.length })}</Typography.Text>}
              size="small"
              dataSource={proposal.p.held}
              renderItem={(h) => (
                <List.Item key={`${h.enterpriseId}-${h.heldBy.entryId}`}>
                  {h.enterpriseName} — {h.heldBy.departmentName} ({h.heldBy.window.start} ~ {h.heldBy.window.end})
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  );
}
