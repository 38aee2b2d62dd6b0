// 登录 login: username/password, server errors (wrong password, 423 locked), demo accounts card.
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { FileSearchOutlined, LockOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { api, ApiError, type DemoInfo } from '../../api/index.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [demo, setDemo] = useState<DemoInfo | null>(null);

  useEffect(() => {
    api
      .demo()
      .then(setDemo)
      .catch(() => setDemo(null));
  }, []);

  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';

  if (me) return <Navigate to={target} replace />;

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(target, { replace: true });
    } catch (e) {
      const locked = e instanceof ApiError && e.status === 423;
      const text =
        e instanceof ApiError && e.status === 401 && !e.message
          ? t('auth.invalidCredentials')
          : locked && !e.message
            ? t('auth.locked')
            : errorMessage(e, t);
      setError({ text, locked });
    } finally {
      setSubmitting(false);
    }
  };

  const fill = (username: string) => {
    form.setFieldsValue({ username, password: demo?.password ?? '' });
    setError(null);
  };

  return (
    <div className="aj-login">
      <div className="aj-login-lang">
        <LangSwitch light />
      </div>
      <div className="aj-login-inner">
        <div className="aj-login-brand">
          <SafetyCertificateFilled className="aj-login-logo" />
          <Typography.Title level={2} className="aj-login-title">
            {t('app.title')}
          </Typography.Title>
          <div className="aj-login-slogan">{t('auth.slogan')}</div>
        </div>
        <Card className="aj-login-card" variant="borderless">
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20 }}>
            {t('auth.loginTitle')}
          </Typography.Title>
          {error && (
            <Alert
              type={error.locked ? 'warning' : 'error'}
              showIcon
              title={error.text}
              description={error.locked ? t('auth.lockedHint') : undefined}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} size="large">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('auth.login')}
            </Button>
          </Form>
          {/* 公示 the published plans need no account */}
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Link to="/public/plans" data-testid="login-public-plans">
              <FileSearchOutlined /> {t('auth.publicPlans')}
            </Link>
          </div>
        </Card>
        {demo?.demo && demo.accounts.length > 0 && (
          <Card
            className="aj-login-card aj-demo-card"
            size="small"
            title={t('auth.demoTitle')}
            data-testid="demo-accounts"
            variant="borderless"
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {demo.password ? t('auth.demoHint', { password: demo.password }) : t('auth.demoHintNoPassword')}
            </Typography.Paragraph>
            <div className="aj-demo-list">
              {demo.accounts.map((a) => (
                <button
                  type="button"
                  key={a.username}
                  className="aj-demo-item"
                  onClick={() => fill(a.username)}
                  data-testid={`demo-${a.username}`}
                >
                  <span className="aj-demo-name">
                    {a.displayName} <Typography.Text type="secondary">{a.username}</Typography.Text>
                  </span>
                  <span>
                    <Tag color="blue">{t(`role.${a.role}` as MessageKey)}</Tag>
                    <Typography.Text type="secondary">{a.regionName}</Typography.Text>
                  </span>
                </button>
              ))}
            </div>
          </Card>
        )}
        <div className="aj-login-footer">{t('auth.footer')}</div>
      </div>
    </div>
  );
}
