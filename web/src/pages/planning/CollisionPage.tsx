// 联检碰撞 joint-inspection collision: pick region + period + seed, run (job with a progress bar), then review the
// figures, the joint visits (list and calendar), why each plan is where it is, move a visit, download task lists, publish.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { CalendarOutlined, DownloadOutlined, PlayCircleOutlined, QuestionCircleOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { api, ApiError, type CollisionRun, type MoveResult, type PlanExplain, type RunPlanRef, type RunVisit } from '../../api/index.ts';
import { isMessageKey, useT, type TFunction } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

interface RunForm {
  regionCode: string;
  period: [Dayjs, Dayjs];
  seed: number;
  holidays?: Dayjs[];
}

/** A server code (reason, status, rule) as a label; an unknown code shows as itself. */
function codeLabel(t: TFunction, prefix: 'collision.reason' | 'collision.status' | 'collision.rule', code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The days every plan of the visit allows (the intersection of their windows); null when they share none. */
function sharedWindow(v: RunVisit): { start: string; end: string } | null {
  let start = '';
  let end = '9999-12-31';
  for (const p of v.plans) {
    if (p.window.start > start) start = p.window.start;
    if (p.window.end < end) end = p.window.end;
  }
  return v.plans.length && start <= end ? { start, end } : null;
}

function itemCount(v: RunVisit): number {
  const ids = new Set<number>();
  for (const p of v.plans) for (const it of p.items) ids.add(it.id);
  return ids.size;
}

/** The visit's departments, teams and items, shared by the table, the phone cards and the calendar day list. */
function VisitBody({ v, onWhy }: { v: RunVisit; onWhy: (plan: string) => void }) {
  const t = useT();
  return (
    <div>
      <div className="aj-tags-line" style={{ marginBottom: 4 }}>
        {v.plans.map((p) => (
          <Tag key={p.id} color="blue" style={{ cursor: 'pointer' }} onClick={() => onWhy(p.id)} data-testid="visit-plan-tag">
            {p.department.name} · {p.id} <QuestionCircleOutlined />
          </Tag>
        ))}
      </div>
      {v.teams.map((tm) => (
        <div key={tm.department.id} className="aj-list-card-meta">
          {tm.department.name}：{tm.inspectors.map((i) => i.name).join('、')}
        </div>
      ))}
      <ItemsLine plans={v.plans} />
      {itemCount(v) === 0 && <Typography.Text type="secondary">{t('collision.noItems')}</Typography.Text>}
    </div>
  );
}

function ItemsLine({ plans }: { plans: RunPlanRef[] }) {
  const seen = new Map<number, { code: string; text: string; major: boolean }>();
  for (const p of plans) for (const it of p.items) seen.set(it.id, { code: it.code, text: it.text, major: it.majorHazard });
  if (seen.size === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
      {[...seen.entries()].slice(0, 8).map(([id, it]) => (
        <li key={id} style={{ fontSize: 13 }}>
          <span className="aj-mono">{it.code}</span> {it.text} {it.major && <Tag color="red">!</Tag>}
        </li>
      ))}
      {seen.size > 8 && <li style={{ fontSize: 13 }}>… +{seen.size - 8}</li>}
    </ul>
  );
}

export default function CollisionPage() {
  const t = useT();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const { label } = useDict();
  const [sp, setSp] = useSearchParams();
  const runId = Number(sp.get('run')) || null;
  const [form] = Form.useForm<RunForm>();
  const [job, setJob] = useState<{ id: string; done: number; total: number; phase?: string } | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [day, setDay] = useState<Dayjs | null>(null);
  const [calMonth, setCalMonth] = useState<Dayjs | null>(null);
  const [why, setWhy] = useState<{ plan: string; data?: PlanExplain; error?: string } | null>(null);
  const [moving, setMoving] = useState<RunVisit | null>(null);
  const [moveDate, setMoveDate] = useState<Dayjs | null>(null);
  const [moveResult, setMoveResult] = useState<MoveResult | null>(null);
  const [moveBusy, setMoveBusy] = useState(false);
  const [taskDept, setTaskDept] = useState<string | undefined>(undefined);
  const [downloading, setDownloading] = useState(false);
  const [publishing, setPublishing] = useState(false);
  // 发布被拒 a refused publish stays on screen (the server's message names the overlapping published run)
  const [publishError, setPublishError] = useState<{ code: string; text: string } | null>(null);
  const timer = useRef<number | null>(null);

  const runs = useAsync(() => api.collision.list({ pageSize: 50 }), 'runs');
  const run = useAsync<CollisionRun | null>(() => (runId ? api.collision.get(runId, { pageSize: 1000 }) : Promise.resolve(null)), String(runId));
  const r = run.data ?? null;

  useEffect(() => setPublishError(null), [runId]);

  useEffect(() => () => {
    if (timer.current) window.clearTimeout(timer.current);
  }, []);

  // Opening an earlier run fills the form with its region, period and seed (to re-run with another seed).
  useEffect(() => {
    if (r) form.setFieldsValue({ regionCode: r.regionCode, period: [dayjs(r.period.start), dayjs(r.period.end)], seed: r.seed });
  }, [r, form]);

  useEffect(() => {
    if (r && r.visits.length > 0 && !calMonth) setCalMonth(dayjs(r.visits[0]?.date));
  }, [r, calMonth]);

  const poll = (jobId: string, newRunId: number) => {
    api
      .jobStatus(jobId)
      .then((j) => {
        if (j.status === 'running') {
          setJob({ id: jobId, done: j.progress.done, total: j.progress.total, phase: j.progress.phase });
          timer.current = window.setTimeout(() => poll(jobId, newRunId), 500);
          return;
        }
        setJob(null);
        if (j.status === 'failed') setRunError(j.error?.message ?? t('error.generic'));
        setCalMonth(null);
        setDay(null);
        setSp({ run: String(newRunId) });
        runs.reload();
      })
      .catch((e: unknown) => {
        setJob(null);
        setRunError(errorMessage(e, t));
      });
  };

  const onRun = async (v: RunForm) => {
    setRunError(null);
    try {
      const res = await api.collision.start({
        regionCode: v.regionCode,
        start: v.period[0].format('YYYY-MM-DD'),
        end: v.period[1].format('YYYY-MM-DD'),
        seed: v.seed,
        holidays: v.holidays?.length ? v.holidays.map((d) => d.format('YYYY-MM-DD')) : undefined,
      });
      setJob({ id: res.jobId, done: 0, total: 1 });
      poll(res.jobId, res.runId);
    } catch (e) {
      setRunError(errorMessage(e, t));
    }
  };

  const openWhy = (plan: string) => {
    if (!r) return;
    setWhy({ plan });
    api.collision
      .explain(r.id, plan)
      .then((data) => setWhy({ plan, data }))
      .catch((e: unknown) => setWhy({ plan, error: errorMessage(e, t) }));
  };

  const doMove = async () => {
    if (!r || !moving || !moveDate) return;
    setMoveBusy(true);
    try {
      const res = await api.collision.move(r.id, moving.id, moveDate.format('YYYY-MM-DD'));
      setMoveResult(res);
      if (res.applied) {
        message.success(t('collision.moveApplied', { date: res.visit.date }));
        run.reload();
      }
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setMoveBusy(false);
    }
  };

  const doPublish = async () => {
    if (!r) return;
    setPublishing(true);
    setPublishError(null);
    try {
      const res = await api.collision.publish(r.id);
      message.success(t('collision.published', { n: res.visits }));
      run.reload();
      runs.reload();
    } catch (e) {
      setPublishError({ code: e instanceof ApiError ? e.code : '', text: errorMessage(e, t) });
    } finally {
      setPublishing(false);
    }
  };

  const doDownload = async () => {
    if (!r) return;
    setDownloading(true);
    try {
      await api.collision.taskList(r.id, taskDept);
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setDownloading(false);
    }
  };

  const byDay = useMemo(() => {
    const m = new Map<string, RunVisit[]>();
    for (const v of r?.visits ?? []) {
      const list = m.get(v.date) ?? [];
      list.push(v);
      m.set(v.date, list);
    }
    return m;
  }, [r]);

  const departments = useMemo(() => {
    const m = new Map<number, { code: string; name: string }>();
    for (const v of r?.visits ?? []) for (const tm of v.teams) m.set(tm.department.id, { code: tm.department.code, name: tm.department.name });
    return [...m.entries()].map(([id, d]) => ({ value: String(id), label: d.name }));
  }, [r]);

  const published = r?.status === 'published' || !!r?.publishedAt;

  const visitActions = (v: RunVisit) =>
    published ? null : (
      <Button
        size="small"
        icon={<CalendarOutlined />}
        data-testid="visit-move"
        onClick={(e) => {
          e.stopPropagation();
          setMoving(v);
          setMoveDate(dayjs(v.date));
          setMoveResult(null);
        }}
      >
        {t('collision.move')}
      </Button>
    );

  const columns: TableProps<RunVisit>['columns'] = [
    { title: t('collision.col.date'), dataIndex: 'date', key: 'date', width: 120, sorter: (a, b) => a.date.localeCompare(b.date), defaultSortOrder: 'ascend' },
    {
      title: t('collision.col.enterprise'),
      key: 'enterprise',
      width: 260,
      render: (_: unknown, v) => (
        <div>
          <div style={{ fontWeight: 500 }}>{v.enterprise.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.enterprise.address}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('collision.col.departments'),
      key: 'departments',
      width: 300,
      render: (_: unknown, v) => (
        <div className="aj-tags-line">
          {v.plans.map((p) => (
            <Tag key={p.id} color="blue" style={{ cursor: 'pointer' }} onClick={() => openWhy(p.id)} data-testid="visit-plan-tag">
              {p.department.name} · {p.id} <QuestionCircleOutlined />
            </Tag>
          ))}
        </div>
      ),
    },
    {
      title: t('collision.col.teams'),
      key: 'teams',
      width: 260,
      render: (_: unknown, v) =>
        v.teams.map((tm) => (
          <div key={tm.department.id} style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">{label('lines', tm.department.line)}：</Typography.Text>
            {tm.inspectors.map((i) => i.name).join('、')}
          </div>
        )),
    },
    {
      title: t('collision.col.items'),
      key: 'items',
      width: 110,
      render: (_: unknown, v) => (itemCount(v) ? t('collision.itemsCount', { n: itemCount(v) }) : '—'),
    },
    { title: '', key: 'actions', width: 110, fixed: 'right', render: (_: unknown, v) => visitActions(v) },
  ];

  const visitCards = (list: RunVisit[]) => (
    <div className="aj-card-list">
      {list.map((v) => (
        <Card key={v.id} size="small" data-testid="collision-visit" data-visit-id={v.id}>
          <div className="aj-list-card-head">
            <span className="aj-list-card-title">{v.enterprise.name}</span>
            <Tag>{v.date}</Tag>
          </div>
          <div className="aj-list-card-meta">{v.enterprise.address}</div>
          <VisitBody v={v} onWhy={openWhy} />
          <div style={{ marginTop: 8 }}>{visitActions(v)}</div>
        </Card>
      ))}
      {list.length === 0 && <Empty description={t('collision.noVisits')} />}
    </div>
  );

  const dayList = day ? (byDay.get(day.format('YYYY-MM-DD')) ?? []) : [];
  const s = r?.stats;
  const statCol = { xs: 12, sm: 8, lg: 4 };

  return (
    <div data-testid="collision-page">
      <PageHeader
        title={t('collision.title')}
        sub={t('collision.subtitle')}
        extra={
          <Select
            style={{ minWidth: mobile ? 220 : 320 }}
            placeholder={t('collision.history')}
            value={runId ?? undefined}
            loading={runs.loading}
            data-testid="collision-history"
            onChange={(v: number) => {
              setCalMonth(null);
              setDay(null);
              setSp({ run: String(v) });
            }}
            options={(runs.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${t('collision.runLabel', { id: x.id, region: x.regionName, start: x.period.start, end: x.period.end })}${x.publishedAt ? ' ✓' : ''}`,
            }))}
          />
        }
      />
      <Card size="small" className="aj-filter-card">
        <Form<RunForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void onRun(v)}
          initialValues={{ seed: 42, period: [dayjs().startOf('year'), dayjs().startOf('year').add(5, 'month').endOf('month')] }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="regionCode" label={t('collision.region')} rules={[{ required: true, message: t('collision.regionRequired') }]}>
                <RegionTreeSelect data-testid="collision-region" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="period" label={t('collision.period')} rules={[{ required: true }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} data-testid="collision-period" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item name="seed" label={t('collision.seed')}>
                <InputNumber min={0} max={2147483647} style={{ width: '100%' }} data-testid="collision-seed" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={16}>
              <Form.Item name="holidays" label={t('collision.holidays')} extra={t('collision.holidaysHint')}>
                <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} data-testid="collision-holidays" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={!!job} block data-testid="collision-run">
                  {t('collision.run')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {job && (
          <div data-testid="collision-progress">
            <Typography.Text type="secondary">
              {t('collision.running')} {job.phase ?? ''}
            </Typography.Text>
            <Progress percent={job.total ? Math.round((100 * job.done) / job.total) : 0} status="active" />
          </div>
        )}
        {runError && <Alert type="error" showIcon title={runError} style={{ marginTop: 8 }} />}
      </Card>

      {!runId && !job && <Empty description={t('collision.none')} style={{ marginTop: 32 }} />}
      {runId && run.loading && !r && <Card><Skeleton active /></Card>}
      {run.error ? <Alert type="error" showIcon title={errorMessage(run.error, t)} /> : null}

      {r && (
        <div data-testid="collision-result" data-run-id={r.id} data-status={r.status}>
          {r.error && <Alert type="error" showIcon title={t('collision.failed', { error: r.error })} style={{ marginBottom: 12 }} />}
          {s && (
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col {...statCol}>
                <Card size="small"><Statistic title={t('collision.stat.plans')} value={s.plans} data-testid="stat-plans" /></Card>
              </Col>
              <Col {...statCol}>
                <Card size="small"><Statistic title={t('collision.stat.dropped')} value={s.dropped} data-testid="stat-dropped" /></Card>
              </Col>
              <Col {...statCol}>
                <Card size="small"><Statistic title={t('collision.stat.visits')} value={s.visits} styles={{ content: { color: '#1f4e9c' } }} data-testid="stat-visits" /></Card>
              </Col>
              <Col {...statCol}>
                <Card size="small"><Statistic title={t('collision.stat.saved')} value={s.visitsSaved} styles={{ content: { color: '#389e0d' } }} data-testid="stat-saved" /></Card>
              </Col>
              <Col {...statCol}>
                <Card size="small">
                  <Statistic
                    title={
                      s.visits < s.lowerBound && s.unscheduled > 0 ? (
                        <Tooltip title={t('collision.lowerBoundHint', { n: s.unscheduled })}>
                          {t('collision.stat.lowerBound')} <QuestionCircleOutlined />
                        </Tooltip>
                      ) : (
                        t('collision.stat.lowerBound')
                      )
                    }
                    value={s.lowerBound}
                    data-testid="stat-lower-bound"
                  />
                </Card>
              </Col>
              <Col {...statCol}>
                <Card size="small"><Statistic title={t('collision.stat.unscheduled')} value={s.unscheduled} styles={{ content: { color: s.unscheduled ? '#cf1322' : undefined } }} data-testid="stat-unscheduled" /></Card>
              </Col>
            </Row>
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space wrap>
              <Select
                allowClear
                style={{ minWidth: 220 }}
                placeholder={t('collision.taskListDept')}
                options={departments}
                value={taskDept}
                onChange={(v?: string) => setTaskDept(v)}
                data-testid="tasklist-dept"
              />
              <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void doDownload()} data-testid="tasklist-download">
                {t('collision.taskList')}
              </Button>
              {published ? (
                <Tag color="green" data-testid="collision-published">{t('collision.publishedAt', { at: fmtDateTime(r.publishedAt) })}</Tag>
              ) : (
                <Popconfirm title={t('collision.publishConfirm')} onConfirm={() => void doPublish()}>
                  <Button type="primary" icon={<SendOutlined />} loading={publishing} disabled={r.visits.length === 0} data-testid="collision-publish">
                    {t('collision.publish')}
                  </Button>
                </Popconfirm>
              )}
              <Typography.Text type="secondary">
                {r.regionName} · {r.period.start} ~ {r.period.end} · seed {r.seed}
              </Typography.Text>
            </Space>
            {publishError && (
              <Alert
                type="error"
                showIcon
                closable={{ onClose: () => setPublishError(null) }}
                style={{ marginTop: 8 }}
                data-testid="collision-publish-error"
                data-code={publishError.code}
                title={publishError.code === 'run.overlaps_published' ? t('collision.publishOverlap') : t('collision.publishFailed')}
                description={publishError.text}
              />
            )}
          </Card>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'list',
                  label: t('collision.tab.list'),
                  children: (
                    <div data-testid="collision-visits">
                      {r.visitsTotal > r.visits.length && (
                        <Typography.Paragraph type="secondary">{t('collision.shown', { shown: r.visits.length, total: r.visitsTotal })}</Typography.Paragraph>
                      )}
                      {mobile ? (
                        visitCards(r.visits)
                      ) : (
                        <Table<RunVisit>
                          rowKey="id"
                          size="small"
                          columns={columns}
                          dataSource={r.visits}
                          scroll={{ x: 1150 }}
                          onRow={(v) => ({ 'data-testid': 'collision-visit', 'data-visit-id': v.id }) as React.HTMLAttributes<HTMLElement>}
                          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
                        />
                      )}
                    </div>
                  ),
                },
                {
                  key: 'calendar',
                  label: t('collision.tab.calendar'),
                  children: (
                    <div data-testid="collision-calendar">
                      <Calendar
                        fullscreen={!mobile}
                        value={calMonth ?? undefined}
                        onPanelChange={(d) => setCalMonth(d)}
                        onSelect={(d, info) => {
                          setCalMonth(d);
                          if (info.source === 'date') setDay(d);
                        }}
                        cellRender={(d, info) => {
                          if (info.type !== 'date') return info.originNode;
                          const n = byDay.get(d.format('YYYY-MM-DD'))?.length ?? 0;
                          if (!n) return null;
                          return mobile ? (
                            <Badge count={n} size="small" color="#1f4e9c" />
                          ) : (
                            <Tag color="blue" data-testid="calendar-count">{t('collision.dayCount', { n })}</Tag>
                          );
                        }}
                      />
                      {day && (
                        <div style={{ marginTop: 12 }} data-testid="calendar-day">
                          <Typography.Title level={5}>{t('collision.visitsOn', { date: day.format('YYYY-MM-DD'), n: dayList.length })}</Typography.Title>
                          {visitCards(dayList)}
                        </div>
                      )}
                    </div>
                  ),
                },
                {
                  key: 'dropped',
                  label: t('collision.tab.dropped', { n: r.dropped.length }),
                  children: (
                    <List
                      data-testid="collision-dropped"
                      dataSource={r.dropped}
                      locale={{ emptyText: <Empty /> }}
                      renderItem={(d) => (
                        <List.Item
                          key={d.plan.id}
                          actions={[<Button key="why" size="small" icon={<QuestionCircleOutlined />} onClick={() => openWhy(d.plan.id)}>{t('collision.why')}</Button>]}
                        >
                          <List.Item.Meta
                            title={`${d.enterprise.name} · ${d.plan.department.name} ${d.plan.id}`}
                            description={`${t('collision.col.keptPlan')}: ${d.keptPlan.department.name} ${d.keptPlan.id} — ${d.explanation}`}
                          />
                        </List.Item>
                      )}
                    />
                  ),
                },
                {
                  key: 'unscheduled',
                  label: t('collision.tab.unscheduled', { n: r.unscheduled.length }),
                  children: (
                    <List
                      data-testid="collision-unscheduled"
                      dataSource={r.unscheduled}
                      locale={{ emptyText: <Empty /> }}
                      renderItem={(d) => (
                        <List.Item
                          key={d.plan.id}
                          actions={[<Button key="why" size="small" icon={<QuestionCircleOutlined />} onClick={() => openWhy(d.plan.id)}>{t('collision.why')}</Button>]}
                        >
                          <List.Item.Meta
                            title={
                              <span>
                                {d.enterprise.name} · {d.plan.department.name} {d.plan.id}{' '}
                                <Tag color="orange" data-testid="unscheduled-reason" data-reason={d.reason}>
                                  {codeLabel(t, 'collision.reason', d.reason)}
                                </Tag>
                              </span>
                            }
                            description={d.explanation}
                          />
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </div>
      )}

      <Drawer
        open={!!why}
        onClose={() => setWhy(null)}
        title={why ? t('collision.whyTitle', { plan: why.plan }) : ''}
        size={mobile ? 'default' : 'large'}
        placement={mobile ? 'bottom' : 'right'}
        styles={mobile ? { wrapper: { height: '70vh' } } : undefined}
        data-testid="why-drawer"
      >
        {why && !why.data && !why.error && <Skeleton active />}
        {why?.error && <Alert type="error" showIcon title={why.error} />}
        {why?.data && (
          <div data-testid="why-text">
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'status', label: t('plans.col.status'), children: codeLabel(t, 'collision.status', why.data.status) },
                ...(why.data.reason ? [{ key: 'reason', label: t('collision.col.reason'), children: codeLabel(t, 'collision.reason', why.data.reason) }] : []),
                ...(why.data.keptPlan ? [{ key: 'kept', label: t('collision.col.keptPlan'), children: why.data.keptPlan }] : []),
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{why.data.text}</Typography.Paragraph>
          </div>
        )}
      </Drawer>

      <Modal
        open={!!moving}
        title={moving ? t('collision.moveTitle', { visit: `${moving.id} ${moving.enterprise.name}` }) : ''}
        onCancel={() => setMoving(null)}
        onOk={() => void doMove()}
        okText={t('collision.move')}
        cancelText={t('common.cancel')}
        confirmLoading={moveBusy}
        okButtonProps={{ disabled: !moveDate, 'data-testid': 'move-ok' } as React.ComponentProps<typeof Button>}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('collision.moveDate')}</Typography.Text>
          <DatePicker
            value={moveDate}
            onChange={(d) => {
              setMoveDate(d);
              setMoveResult(null);
            }}
            disabledDate={(d) => {
              const w = moving ? sharedWindow(moving) : null;
              const iso = d.format('YYYY-MM-DD');
              return !!w && (iso < w.start || iso > w.end);
            }}
            style={{ width: '100%' }}
            data-testid="move-date"
          />
          {moving && sharedWindow(moving) && (
            <Typography.Text type="secondary" data-testid="move-window">
              {t('collision.moveWindow', sharedWindow(moving) ?? { start: '', end: '' })}
            </Typography.Text>
          )}
          {moveResult && !moveResult.applied && (
            <Alert
              type="warning"
              showIcon
              data-testid="move-violations"
              title={t('collision.moveRejected')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {moveResult.violations.map((v, i) => (
                    <li key={i}>
                      <Tag data-rule={v.rule}>{codeLabel(t, 'collision.rule', v.rule)}</Tag>
                      {v.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {moveResult?.applied && (
            <Alert
              type="success"
              showIcon
              data-testid="move-applied"
              title={t('collision.moveApplied', { date: moveResult.visit.date })}
              description={moveResult.restaffed.length ? t('collision.restaffed', {
                      // department codes → names, from the moved visit's teams and plans
                      list: moveResult.restaffed
                        .map((code) => [...moveResult.visit.teams.map((tm) => tm.department), ...moveResult.visit.plans.map((p) => p.department)].find((d) => d.code === code)?.name ?? code)
                        .join('、'),
                    }) : undefined}
            />
          )}
        </Space>
      </Modal>
    </div>
  );
}
