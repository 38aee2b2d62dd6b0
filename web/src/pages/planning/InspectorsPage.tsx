// 执法人员库 / 专家库 inspectors (certificate, qualifications, daily capacity, unavailable days, 回避 conflicts) and the read-only expert pool.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Empty, Form, Input, InputNumber, Pagination, Row, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EditOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, type Expert, type Inspector, type InspectorFilters, type InspectorProfileInput } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { useIsMobile } from '../../lib/hooks.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const PROFILE_FIELDS = ['certificateNo', 'qualifications', 'dailyCapacity', 'unavailable', 'conflicts'] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

interface ProfileForm {
  certificateNo: string;
  qualifications: string[];
  dailyCapacity: number;
  unavailable: Dayjs[];
  conflicts: number[];
}

/** 编辑执法人员档案 the profile drawer: loads GET /inspectors/:id/profile, saves with PUT. */
function ProfileDrawer({ inspector, onClose, onSaved }: { inspector: Inspector | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { options } = useDict();
  const [form] = Form.useForm<ProfileForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [entKeyword, setEntKeyword] = useState('');
  const userId = inspector?.userId;
  const profile = useAsync(
    () =>
      userId === undefined
        ? Promise.resolve(null)
        : api.inspectors.profile(userId).then((p) => {
            form.setFieldsValue({
              certificateNo: p.certificateNo,
              qualifications: p.qualifications,
              dailyCapacity: p.dailyCapacity,
              unavailable: p.unavailable.map((d) => dayjs(d)),
              conflicts: p.conflicts,
            });
            setError(null);
            return p;
          }),
    String(userId ?? ''),
  );
  const ents = useAsync(
    () => (userId === undefined ? Promise.resolve(null) : api.enterprises.list({ keyword: entKeyword || undefined, pageSize: 20 })),
    `${userId ?? ''}|${entKeyword}`,
  );
  // Options: the enterprises already declared (their names come with the profile) and the search hits.
  const entOptions = useMemo(() => {
    const m = new Map<number, string>();
    for (const e of profile.data?.conflictEnterprises ?? []) m.set(e.id, e.name);
    for (const e of ents.data?.items ?? []) m.set(e.id, `${e.name} (${e.regionName})`);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [profile.data, ents.data]);

  const submit = async () => {
    if (userId === undefined) return;
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const input: InspectorProfileInput = {
        certificateNo: (v.certificateNo ?? '').trim(),
        qualifications: v.qualifications ?? [],
        dailyCapacity: v.dailyCapacity,
        unavailable: (v.unavailable ?? []).map((d) => d.format('YYYY-MM-DD')).sort(),
        conflicts: v.conflicts ?? [],
      };
      await api.inspectors.updateProfile(userId, input);
      message.success(t('inspectors.saved', { name: inspector?.name ?? '' }));
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.details.length) {
        // 'unavailable.3' / 'conflicts.0' belong to the whole field
        const base = (f: string) => f.split('.')[0] ?? f;
        const mine = e.details.filter((d) => (PROFILE_FIELDS as readonly string[]).includes(base(d.field)));
        const byField = new Map<ProfileField, string[]>();
        for (const d of mine) {
          const f = base(d.field) as ProfileField;
          byField.set(f, [...(byField.get(f) ?? []), d.message]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        const other = e.details.filter((d) => !mine.includes(d));
        setError(other.length ? other.map((d) => d.message).join('；') : mine.length ? null : e.message);
      } else {
        // 403: not the manager of this inspector
        setError(errorMessage(e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={inspector !== null}
      onClose={onClose}
      title={t('inspectors.profileTitle', { name: inspector?.name ?? '' })}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={!profile.data} onClick={() => void submit().catch(() => undefined)} data-testid="profile-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="profile-drawer"
    >
      {profile.error ? <Alert type="error" showIcon title={errorMessage(profile.error, t)} style={{ marginBottom: 16 }} /> : null}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="profile-error" />}
      <Spin spinning={profile.loading}>
        <Form form={form} layout="vertical" data-testid="profile-form">
          <Form.Item name="certificateNo" label={t('inspectors.certificateNo')}>
            <Input maxLength={40} className="aj-mono" data-testid="profile-certificate" />
          </Form.Item>
          <Form.Item name="qualifications" label={t('inspectors.qualifications')} extra={t('inspectors.qualificationsHint')}>
            <Select mode="multiple" allowClear options={options('industryDomains')} optionFilterProp="label" data-testid="profile-qualifications" />
          </Form.Item>
          <Form.Item
            name="dailyCapacity"
            label={t('inspectors.dailyCapacity')}
            rules={[
              { required: true, message: t('inspectors.dailyCapacityRule') },
              { type: 'integer', min: 1, max: 10, message: t('inspectors.dailyCapacityRule') },
            ]}
          >
            <InputNumber min={1} max={10} precision={0} style={{ width: 160 }} data-testid="profile-capacity" />
          </Form.Item>
          <Form.Item name="unavailable" label={t('inspectors.unavailable')} extra={t('inspectors.unavailableHint')}>
            <DatePicker multiple style={{ width: '100%' }} maxTagCount="responsive" data-testid="profile-unavailable" />
          </Form.Item>
          <Form.Item name="conflicts" label={t('inspectors.conflicts')} extra={t('inspectors.conflictsHint')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ filterOption: false, onSearch: setEntKeyword }}
              loading={ents.loading}
              options={entOptions}
              data-testid="profile-conflicts"
            />
          </Form.Item>
        </Form>
      </Spin>
    </Drawer>
  );
}

interface InspectorFilterForm {
  keyword?: string;
  departmentId?: number;
  qualification?: string;
}

function InspectorsTab() {
  const t = useT();
  const { label, options } = useDict();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<InspectorFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Inspector | null>(null);
  const [deptKeyword, setDeptKeyword] = useState('');
  const { data, error, loading, reload } = useAsync(() => api.inspectors.list({ ...filters, page, pageSize }), JSON.stringify({ filters, page, pageSize }));
  const depts = useAsync(() => api.departments({ keyword: deptKeyword || undefined, pageSize: 50 }), deptKeyword);

  const quals = (codes: string[]) =>
    codes.length ? (
      <Space wrap size={[0, 4]}>
        {codes.map((c) => (
          <Tag key={c}>{label('industryDomains', c)}</Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  const editButton = (r: Inspector) => (
    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="inspector-edit">
      {t('inspectors.editProfile')}
    </Button>
  );

  const columns: TableProps<Inspector>['columns'] = [
    { title: t('inspectors.col.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('inspectors.col.username'), dataIndex: 'username', key: 'username', width: 130, render: (v: string) => <span className="aj-mono">{v}</span> },
    { title: t('inspectors.department'), key: 'department', width: 220, render: (_: unknown, r) => r.department?.name ?? <Typography.Text type="secondary">{t('inspectors.noDepartment')}</Typography.Text> },
    { title: t('inspectors.col.certificateNo'), dataIndex: 'certificateNo', key: 'cert', width: 150, render: (v: string) => (v ? <span className="aj-mono">{v}</span> : '—') },
    { title: t('inspectors.col.qualifications'), key: 'quals', width: 240, render: (_: unknown, r) => quals(r.qualifications) },
    { title: t('inspectors.col.dailyCapacity'), dataIndex: 'dailyCapacity', key: 'cap', width: 110, align: 'right' },
    { title: t('inspectors.col.unavailable'), key: 'unavailable', width: 110, align: 'right', render: (_: unknown, r) => (r.unavailable.length ? t('inspectors.days', { n: r.unavailable.length }) : '—') },
    { title: t('inspectors.col.conflicts'), key: 'conflicts', width: 100, align: 'right', render: (_: unknown, r) => (r.conflicts.length ? t('inspectors.firms', { n: r.conflicts.length }) : '—') },
    { title: t('inspectors.col.actions'), key: 'actions', width: 130, fixed: 'right', render: (_: unknown, r) => editButton(r) },
  ];

  return (
    <div>
      <Card size="small" className="aj-filter-card">
        <Form
          layout="vertical"
          onFinish={(v: InspectorFilterForm) => {
            setFilters({ keyword: v.keyword?.trim() || undefined, departmentId: v.departmentId, qualification: v.qualification });
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="keyword" label={t('inspectors.keyword')}>
                <Input allowClear data-testid="inspectors-keyword" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="departmentId" label={t('inspectors.department')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  showSearch={{ filterOption: false, onSearch: setDeptKeyword }}
                  loading={depts.loading}
                  options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.regionName})` }))}
                  data-testid="inspectors-department"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="qualification" label={t('inspectors.qualification')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} options={options('industryDomains')} data-testid="inspectors-qualification" />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="inspectors-search">
              {t('common.search')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void api.inspectors.exportXlsx(filters)} data-testid="inspectors-export">
              {t('common.export')}
            </Button>
          </Space>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} style={{ marginBottom: 16 }} /> : null}
      <div data-testid="inspectors-table" data-total={data?.total ?? ''}>
        {mobile ? (
          <Spin spinning={loading}>
            <div className="aj-card-list">
              {(data?.items ?? []).map((r) => (
                <Card key={r.userId} size="small" className="aj-list-card" data-testid="inspector-row">
                  <div className="aj-list-card-head">
                    <span className="aj-list-card-title">{r.name}</span>
                    <Tag>{t('inspectors.perDay', { n: r.dailyCapacity })}</Tag>
                  </div>
                  <div className="aj-list-card-meta">
                    {r.department?.name ?? t('inspectors.noDepartment')}
                    {r.certificateNo ? ` · ${r.certificateNo}` : ''}
                  </div>
                  <div className="aj-list-card-meta">{quals(r.qualifications)}</div>
                  <div className="aj-list-card-meta">
                    {t('inspectors.col.unavailable')} {r.unavailable.length} · {t('inspectors.col.conflicts')} {r.conflicts.length}
                  </div>
                  <div style={{ marginTop: 8 }}>{editButton(r)}</div>
                </Card>
              ))}
              {!loading && (data?.items.length ?? 0) === 0 && <Empty description={t('inspectors.empty')} />}
            </div>
            <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} current={page} pageSize={pageSize} total={data?.total ?? 0} onChange={setPage} />
          </Spin>
        ) : (
          <Table<Inspector>
            rowKey="userId"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1300 }}
            onRow={() => ({ 'data-testid': 'inspector-row' }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('inspectors.empty')} /> }}
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
        )}
      </div>
      <ProfileDrawer inspector={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </div>
  );
}

interface ExpertFilters {
  keyword?: string;
  speciality?: string;
}

function ExpertsTab() {
  const t = useT();
  const { label, options } = useDict();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<ExpertFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, error, loading, reload } = useAsync(() => api.experts({ ...filters, page, pageSize }), JSON.stringify({ filters, page, pageSize }));

  const specs = (codes: string[]) => (
    <Space wrap size={[0, 4]}>
      {codes.map((c) => (
        <Tag key={c} color="blue">
          {label('expertSpecialities', c)}
        </Tag>
      ))}
    </Space>
  );
  const columns: TableProps<Expert>['columns'] = [
    { title: t('experts.col.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('experts.col.title'), dataIndex: 'title', key: 'title', width: 140 },
    { title: t('experts.col.employer'), dataIndex: 'employer', key: 'employer', width: 240 },
    { title: t('field.regionCode'), dataIndex: 'regionName', key: 'region', width: 120 },
    { title: t('experts.col.phone'), dataIndex: 'phone', key: 'phone', width: 140, render: (v: string) => <span className="aj-mono">{v}</span> },
    { title: t('experts.col.specialities'), key: 'specs', width: 280, render: (_: unknown, r) => specs(r.specialities) },
  ];

  return (
    <div>
      <Card size="small" className="aj-filter-card">
        <Form
          layout="vertical"
          onFinish={(v: ExpertFilters) => {
            setFilters({ keyword: v.keyword?.trim() || undefined, speciality: v.speciality });
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="keyword" label={t('experts.keyword')}>
                <Input allowClear data-testid="experts-keyword" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="speciality" label={t('experts.speciality')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} options={options('expertSpecialities')} data-testid="experts-speciality" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="experts-search">
            {t('common.search')}
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} style={{ marginBottom: 16 }} /> : null}
      <div data-testid="experts-table" data-total={data?.total ?? ''}>
        {mobile ? (
          <Spin spinning={loading}>
            <div className="aj-card-list">
              {(data?.items ?? []).map((r) => (
                <Card key={r.id} size="small" className="aj-list-card" data-testid="expert-row">
                  <div className="aj-list-card-head">
                    <span className="aj-list-card-title">{r.name}</span>
                    <Tag>{r.title}</Tag>
                  </div>
                  <div className="aj-list-card-meta">
                    {r.employer} · {r.regionName}
                  </div>
                  <div className="aj-list-card-meta aj-mono">{r.phone}</div>
                  <div className="aj-list-card-meta">{specs(r.specialities)}</div>
                </Card>
              ))}
              {!loading && (data?.items.length ?? 0) === 0 && <Empty description={t('experts.empty')} />}
            </div>
            <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} current={page} pageSize={pageSize} total={data?.total ?? 0} onChange={setPage} />
          </Spin>
        ) : (
          <Table<Expert>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1030 }}
            onRow={() => ({ 'data-testid': 'expert-row' }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('experts.empty')} /> }}
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
        )}
      </div>
    </div>
  );
}

export default function InspectorsPage() {
  const t = useT();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'experts' ? 'experts' : 'inspectors';
  return (
    <div data-testid="inspectors-page">
      <PageHeader title={t('inspectors.title')} sub={t('inspectors.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'experts' ? { tab: 'experts' } : {})}
        destroyOnHidden
        items={[
          { key: 'inspectors', label: <span data-testid="tab-inspectors">{t('inspectors.tab.inspectors')}</span>, children: <InspectorsTab /> },
          { key: 'experts', label: <span data-testid="tab-experts">{t('inspectors.tab.experts')}</span>, children: <ExpertsTab /> },
        ]}
      />
    </div>
  );
}
