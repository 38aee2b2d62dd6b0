// 修改密码 change-password dialog, reachable from the user menu (and forced when mustChangePassword).
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../lib/errors.ts';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({
  open,
  forced = false,
  onClose,
  onDone,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
  onDone?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.auth.changePassword(v.oldPassword, v.newPassword);
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      onDone?.();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        form.setFields([{ name: 'oldPassword', errors: [e.message || t('auth.oldPasswordWrong')] }]);
      } else if (e instanceof ApiError && e.status === 422 && e.details.length) {
        form.setFields(
          e.details.map((d) => ({ name: d.field === 'oldPassword' ? 'oldPassword' : 'newPassword', errors: [d.message] })),
        );
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
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      closable={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} data-testid="change-password-form">
        <Form.Item
          name="oldPassword"
          label={t('auth.oldPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="cp-old" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: 8, message: t('auth.passwordTooShort', { min: 8 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="cp-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="cp-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
