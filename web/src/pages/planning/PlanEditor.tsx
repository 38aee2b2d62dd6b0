// 修改计划 edit a draft (or returned) plan: title, period, each entry's window and inspectors, remove entries, add an
// enterprise from the register. Saved with PUT /plans/:id (an entry with its id changes in place, without is added, one
// not sent is removed); a 422 names fields like `entries.3.enterpriseId` (三级计划 plan.held_by_higher_level) — shown
// beside that entry.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, type EnterpriseSummary, type ErrorDetail, type PlanDetail } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { errorMessage } from '../../lib/errors.ts';

interface EditEntry {
  key: string;
  id?: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  window: [Dayjs, Dayjs] | null;
  inspectorsNeeded: number;
  items?: number[];
  requiredQualifications?: string[];
}

type Range = [Dayjs, Dayjs];
const D = 'YYYY-MM-DD';
let seq = 0;

function fromPlan(p: PlanDetail): EditEntry[] {
  return p.entries.map((e) => ({
    key: `e${e.id}`,
    id: e.id,
    enterpriseId: e.enterpriseId,
    enterpriseName: e.enterpriseName,
    uscc: e.uscc,
    window: [dayjs(e.window.start), dayjs(e.window.end)],
    inspectorsNeeded: e.inspectorsNeeded,
    items: e.items.map((i) => i.id),
    requiredQualifications: e.requiredQualifications,
  }));
}

export function PlanEditor({ plan, onCancel, onSaved }: { plan: PlanDetail; onCancel: () => void; onSaved: (p: PlanDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [title, setTitle] = useState(plan.title);
  const [period, setPeriod] = useState<Range | null>([dayjs(plan.period.start), dayjs(plan.period.end)]);
  const [entries, setEntries] = useState<EditEntry[]>(() => fromPlan(plan));
  const [saving, setSaving] = useState(false);
  /** The refusal of the last save: its message, and its details by entry key (or by field when not an entry's). */
  const [err, setErr] = useState<{ text: string; byEntry: Map<string, string[]>; byField: Map<string, string[]>; other: ErrorDetail[] } | null>(null);

  // 企业检索 search the register for an enterprise to add
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<EnterpriseSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const searchTimer = useRef<number | null>(null);
  useEffect(() => {
    if (searchTimer.current) window.clearTimeout(searchTimer.current);
    const kw = search.trim();
    if (!kw) {
      setFound([]);
      return;
    }
    let alive = true;
    searchTimer.current = window.setTimeout(() => {
      setSearching(true);
      api.enterprises
        .list({ keyword: kw, pageSize: 20 })
        .then((r) => {
          if (alive) setFound(r.items);
        })
        .catch(() => {
          if (alive) setFound([]);
        })
        .finally(() => {
          if (alive) setSearching(false);
        });
    }, 300);
    return () => {
      alive = false;
    };
  }, [search]);

  const inPlan = useMemo(() => new Set(entries.map((e) => e.enterpriseId)), [entries]);

  const update = (key: string, patch: Partial<EditEntry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const remove = (key: string) => setEntries((list) => list.filter((e) => e.key !== key));
  const addEnterprise = (id: number) => {
    const ent = found.find((f) => f.id === id);
    if (!ent || inPlan.has(id)) return;
    setEntries((list) => [
      ...list,
      { key: `n${++seq}`, enterpriseId: ent.id, enterpriseName: ent.name, uscc: ent.uscc, window: period ? [period[0], period[1]] : null, inspectorsNeeded: 2 },
    ]);
    setSearch('');
    setFound([]);
  };

  const save = async () => {
    if (!period) {
      setErr({ text: t('plans.edit.periodRequired'), byEntry: new Map(), byField: new Map(), other: [] });
      return;
    }
    const sent = entries;
    const missing = sent.find((e) => !e.window);
    if (missing) {
      setErr({ text: t('plans.edit.windowRequired'), byEntry: new Map([[missing.key, [t('plans.edit.windowRequired')]]]), byField: new Map(), other: [] });
      return;
    }
    setSaving(true);
    setErr(null);
    try {
      const p = await api.plans.update(plan.id, {
        title: title.trim() || undefined,
        period: { start: period[0].format(D), end: period[1].format(D) },
        entries: sent.map((e) => ({
          id: e.id,
          enterpriseId: e.enterpriseId,
          window: { start: e.window![0].format(D), end: e.window![1].format(D) },
          items: e.items,
          inspectorsNeeded: e.inspectorsNeeded,
          requiredQualifications: e.requiredQualifications,
        })),
      });
      message.success(t('plans.edit.saved'));
      onSaved(p);
    } catch (e) {
      const byEntry = new Map<string, string[]>();
      const byField = new Map<string, string[]>();
      const other: ErrorDetail[] = [];
      for (const d of e instanceof ApiError ? e.details : []) {
        const hit = /^entries\.(\d+)(?:\.|$)/.exec(d.field);
        const entry = hit ? sent[Number(hit[1])] : undefined;
        const top = /^(title|period)(?:\.|$)/.exec(d.field)?.[1];
        if (entry) byEntry.set(entry.key, [...(byEntry.get(entry.key) ?? []), d.message]);
        else if (top) byField.set(top, [...(byField.get(top) ?? []), d.message]);
        else other.push(d);
      }
      setErr({ text: errorMessage(e, t), byEntry, byField, other });
    } finally {
      setSaving(false);
    }
  };

  const entryErrors = (e: EditEntry) =>
    err?.byEntry.get(e.key)?.map((m, i) => (
      <div key={i}>
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="plan-edit-entry-error">
          {m}
        </Typography.Text>
      </div>
    ));
  const fieldError = (f: 'title' | 'period') => {
    const list = err?.byField.get(f);
    return list ? { validateStatus: 'error' as const, help: <span data-testid={`plan-edit-${f}-error`}>{list.join('；')}</span> } : {};
  };

  const enterpriseCell = (e: EditEntry) => (
    <div>
      <span>{e.enterpriseName}</span> {e.id === undefined && <Tag color="green">{t('plans.edit.new')}</Tag>}
      <div>
        <Typography.Text type="secondary" className="aj-mono" style={{ fontSize: 12 }}>
          {e.uscc}
        </Typography.Text>
      </div>
      {entryErrors(e)}
    </div>
  );
  const windowCell = (e: EditEntry) => (
    <DatePicker.RangePicker
      value={e.window}
      onChange={(v) => update(e.key, { window: v && v[0] && v[1] ? [v[0], v[1]] : null })}
      status={err?.byEntry.has(e.key) ? 'error' : undefined}
      style={{ width: mobile ? '100%' : 250 }}
      data-testid="plan-edit-window"
    />
  );
  const inspectorsCell = (e: EditEntry) => (
    <InputNumber
      min={2}
      max={20}
      precision={0}
      value={e.inspectorsNeeded}
      onChange={(v) => update(e.key, { inspectorsNeeded: typeof v === 'number' ? v : 2 })}
      style={{ width: 80 }}
      data-testid="plan-edit-inspectors"
    />
  );
  const removeCell = (e: EditEntry) => (
    <Popconfirm title={t('plans.edit.removeConfirm', { name: e.enterpriseName })} onConfirm={() => remove(e.key)}>
      <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('plans.edit.remove')} data-testid="plan-edit-remove" />
    </Popconfirm>
  );

  const columns: TableProps<EditEntry>['columns'] = [
    { title: t('collision.col.enterprise'), key: 'enterprise', render: (_: unknown, e) => enterpriseCell(e) },
    { title: t('plans.detail.window'), key: 'window', width: 270, render: (_: unknown, e) => windowCell(e) },
    { title: t('plans.edit.inspectorsNeeded'), key: 'inspectors', width: 110, render: (_: unknown, e) => inspectorsCell(e) },
    { title: '', key: 'remove', width: 56, render: (_: unknown, e) => removeCell(e) },
  ];

  return (
    <div data-testid="plan-editor">
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('plans.edit.title')} {...fieldError('title')}>
            <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="plan-edit-title" />
          </Form.Item>
          <Form.Item label={t('plans.col.period')} {...fieldError('period')} style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker
              value={period}
              onChange={(v) => setPeriod(v && v[0] && v[1] ? [v[0], v[1]] : null)}
              style={{ width: mobile ? '100%' : 280 }}
              data-testid="plan-edit-period"
            />
          </Form.Item>
        </Form>
        {err && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="plan-edit-error"
            title={err.text}
            description={
              err.byEntry.size || err.other.length ? (
                <div>
                  {err.byEntry.size > 0 && <div>{t('plans.edit.entryErrors', { n: err.byEntry.size })}</div>}
                  {err.other.map((d, i) => (
                    <div key={i}>
                      {d.field}: {d.message}
                    </div>
                  ))}
                </div>
              ) : undefined
            }
          />
        )}
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={t('plans.detail.entries', { n: entries.length })}
        extra={
          !mobile && (
            <Space>
              <Button onClick={onCancel} data-testid="plan-edit-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="plan-edit-save">
                {t('common.save')}
              </Button>
            </Space>
          )
        }
      >
        <Select<number>
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          value={null}
          placeholder={t('plans.edit.addPlaceholder')}
          style={{ width: '100%', marginBottom: 12 }}
          loading={searching}
          notFoundContent={search.trim() ? (searching ? t('plans.edit.searching') : t('plans.edit.noMatch')) : t('plans.edit.typeToSearch')}
          onChange={(v) => addEnterprise(v)}
          options={found.map((f) => ({
            value: f.id,
            disabled: inPlan.has(f.id),
            label: `${f.name} · ${f.regionName}${inPlan.has(f.id) ? ` (${t('plans.edit.already')})` : ''}`,
          }))}
          data-testid="plan-edit-add"
        />
        {mobile ? (
          <div className="aj-card-list">
            {entries.map((e) => (
              <Card key={e.key} size="small" data-testid="plan-edit-entry" data-enterprise-id={e.enterpriseId}>
                <div className="aj-list-card-head">
                  <div style={{ minWidth: 0 }}>{enterpriseCell(e)}</div>
                  {removeCell(e)}
                </div>
                <div style={{ marginTop: 8 }}>{windowCell(e)}</div>
                <Space style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{t('plans.edit.inspectorsNeeded')}</Typography.Text>
                  {inspectorsCell(e)}
                </Space>
              </Card>
            ))}
            {entries.length === 0 && <Empty />}
          </div>
        ) : (
          <Table<EditEntry>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={entries}
            scroll={{ x: 760 }}
            onRow={(e) => ({ 'data-testid': 'plan-edit-entry', 'data-enterprise-id': e.enterpriseId }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
        {mobile && (
          <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onCancel} data-testid="plan-edit-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="plan-edit-save">
              {t('common.save')}
            </Button>
          </Space>
        )}
      </Card>
    </div>
  );
}
