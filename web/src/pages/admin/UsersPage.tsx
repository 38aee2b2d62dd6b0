// 用户管理 users: list (admin; coordinator read-only in scope) and a create-user dialog.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { LockOutlined, PlusOutlined, SearchOutlined, DownloadOutlined } from '@ant-design/icons';
import { api, ApiError, ROLES, type Role, type User, type UserInput } from '../../api/index.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usccRule } from '../../lib/validators.ts';

const DEPT_ROLES: readonly Role[] = ['dept_head', 'inspector'];

interface Filters {
  keyword?: string;
  role?: Role;
  regionCode?: string;
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserInput & { confirm: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const regionCode = Form.useWatch('regionCode', form);
  const [deptKeyword, setDeptKeyword] = useState('');
  const depts = useAsync(
    () =>
      role && DEPT_ROLES.includes(role)
        ? api.departments({ regionCode: regionCode || me.regionCode, keyword: deptKeyword || undefined, pageSize: 50 })
        : Promise.resolve(null),
    `${role}|${regionCode}|${deptKeyword}`,
  );

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const input: UserInput = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        role: v.role,
        regionCode: v.regionCode,
        departmentId: DEPT_ROLES.includes(v.role) ? v.departmentId : undefined,
        enterpriseUscc: v.role === 'enterprise_officer' ? v.enterpriseUscc?.trim().toUpperCase() : undefined,
      };
      await api.users.create(input);
      message.success(t('users.created', { name: input.displayName }));
      form.resetFields();
      onCreated();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.details.length) {
        const names = ['username', 'displayName', 'password', 'role', 'regionCode', 'departmentId', 'enterpriseUscc'];
        form.setFields(
          e.details.filter((d) => names.includes(d.field)).map((d) => ({ name: d.field as keyof UserInput, errors: [d.message] })),
        );
        const other = e.details.filter((d) => !names.includes(d.field));
        setError(other.length ? other.map((d) => d.message).join('；') : e.message);
      } else if (e instanceof ApiError && e.status === 409) {
        form.setFields([{ name: 'username', errors: [e.message] }]);
      } else {
        setError(errorMessage(e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ regionCode: me.regionCode }} data-testid="user-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={[
                { required: true, message: t('validation.required', { field: t('users.username') }) },
                { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('users.usernameRule') },
              ]}
            >
              <Input autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('users.displayName') }) }]}>
              <Input data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              rules={[
                { required: true, message: t('auth.passwordRequired') },
                { min: 8, message: t('auth.passwordTooShort', { min: 8 }) },
                { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: t('auth.passwordTooWeak') },
              ]}
              extra={t('users.passwordHint')}
            >
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('validation.select', { field: t('users.role') }) }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} data-testid="user-role" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('field.regionCode')} rules={[{ required: true, message: t('validation.select', { field: t('field.regionCode') }) }]}>
              <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {role && DEPT_ROLES.includes(role) && (
            <Col xs={24} md={12}>
              <Form.Item name="departmentId" label={t('users.department')} rules={[{ required: true, message: t('validation.select', { field: t('users.department') }) }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setDeptKeyword }}
                  loading={depts.loading}
                  options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.regionName})` }))}
                  data-testid="user-department"
                />
              </Form.Item>
            </Col>
          )}
          {role === 'enterprise_officer' && (
            <Col xs={24} md={12}>
              <Form.Item
                name="enterpriseUscc"
                label={t('users.enterpriseUscc')}
                normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                rules={[usccRule(t)]}
                required
              >
                <Input maxLength={18} className="aj-mono" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const t = useT();
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Filters>();
  const key = JSON.stringify({ filters, page, pageSize });
  const { data, error, loading, reload } = useAsync(() => api.users.list({ ...filters, page, pageSize }), key);
  const isAdmin = me.role === 'admin';

  const columns = useMemo(
    () => [
      { title: t('users.username'), dataIndex: 'username', width: 140, render: (v: string) => <span className="aj-mono">{v}</span> },
      {
        title: t('users.displayName'),
        dataIndex: 'displayName',
        width: 140,
        render: (v: string, r: User) => (
          <Space size={4}>
            {v}
            {r.lockedUntil && new Date(r.lockedUntil) > new Date() && (
              <Tag color="red" icon={<LockOutlined />}>
                {t('users.locked')}
              </Tag>
            )}
          </Space>
        ),
      },
      { title: t('users.role'), dataIndex: 'role', width: 130, render: (r: Role) => <Tag color="blue">{t(`role.${r}` as MessageKey)}</Tag> },
      { title: t('field.regionCode'), dataIndex: 'regionName', width: 140 },
      {
        title: t('users.unit'),
        key: 'unit',
        width: 220,
        render: (_: unknown, r: User) => r.departmentName ?? r.enterpriseName ?? '—',
      },
      { title: t('field.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
    ],
    [t],
  );

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        sub={isAdmin ? undefined : t('users.readOnly')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void api.users.exportXlsx(filters)} data-testid="users-export">
              {t('common.export')}
            </Button>
            {isAdmin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="user-create">
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" className="aj-filter-card">
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setFilters({ keyword: v.keyword?.trim() || undefined, role: v.role, regionCode: v.regionCode });
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="keyword" label={t('users.keyword')}>
                <Input allowClear data-testid="users-keyword" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="role" label={t('users.role')}>
                <Select allowClear placeholder={t('common.all')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
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
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 920 }}
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('users.scopeNote', { region: me.regionName })}
      </Typography.Paragraph>
      {isAdmin && <CreateUserModal open={open} onClose={() => setOpen(false)} onCreated={reload} />}
    </div>
  );
}
