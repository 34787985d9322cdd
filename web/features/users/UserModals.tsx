import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../../common/password-policy.js';
import { api } from '../../api/endpoints.js';
import type { RoleAssignment, UserView } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../i18n/errors.js';
import { RolesEditor } from './RolesEditor.js';

// One role picker per platform grows with the deployment; the dialog scrolls instead of the page.
const SCROLLING_BODY = { body: { maxHeight: '65vh', overflowY: 'auto' as const } };

interface ModalProps {
  open: boolean;
  onClose(): void;
  onDone(): void;
}

/** Checks the shared password policy before the round trip; the server enforces it anyway. */
const passwordRule = (t: (k: string) => string, username: () => string) => ({
  validator: async (_: unknown, v: string | undefined) => {
    const problem = v ? passwordProblem(v, username()) : null;
    if (problem) throw new Error(t(ERROR_MESSAGES[problem]));
  },
});

interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  isSystemAdmin: boolean;
  roles: RoleAssignment[];
}

export function CreateUserModal({
  open,
  onClose,
  onDone,
  platformIds,
}: ModalProps & { platformIds: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();

  const submit = async (v: NewUser) => {
    await api.createUser({ ...v, email: v.email?.trim() ? v.email.trim() : null });
    message.success(t('User {{name}} created', { name: v.username }));
    form.resetFields();
    onDone();
  };

  return (
    <FormModal<NewUser>
      open={open}
      title={t('New user')}
      okText={t('Create')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      initialValues={{ roles: [] }}
      briefError
      width={560}
      modal={{ destroyOnHidden: true, styles: SCROLLING_BODY }}
    >
      <Form.Item
        name="username"
        label={t('User name')}
        rules={[{ required: true, message: t('Enter a user name') }]}
        extra={t('Lower-case letters, digits, dot, underscore and hyphen; 2 to 63 characters')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('Display name')}
        rules={[{ required: true, message: t('Enter a display name') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('Email')}
        rules={[{ type: 'email', message: t('This value is invalid') }]}
      >
        <Input type="email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('Initial password')}
        extra={t('At least {{n}} characters, not containing the user name', { n: PASSWORD_MIN_LENGTH })}
        rules={[
          { required: true, message: t('Enter a password') },
          passwordRule(t, () => form.getFieldValue('username') ?? ''),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="roles" label={t('Roles')}>
        <RolesEditor platformIds={platformIds} />
      </Form.Item>
    </FormModal>
  );
}

export function EditRolesModal({
  user,
  onClose,
  onDone,
  platformIds,
  replacesAll,
}: Omit<ModalProps, 'open'> & {
  user: UserView | null;
  platformIds: string[];
  /** True for system admins: the server then replaces every role, so roles not shown here are sent back as they are. */
  replacesAll: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [roles, setRoles] = useState<RoleAssignment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = (r: RoleAssignment) => platformIds.includes(r.platformId);
  const current = roles ?? user?.roles.filter(shown) ?? [];
  // A platform admin's request may only name their own platforms; the server keeps roles elsewhere.
  const payload = replacesAll ? [...(user?.roles.filter((r) => !shown(r)) ?? []), ...current] : current;

  const close = () => {
    setRoles(null);
    setError(null);
    onClose();
  };
  const save = async () => {
    if (!user) return;
    setBusy(true);
    try {
      await api.setUserRoles(user.id, payload);
      message.success(t('Roles of {{name}} saved', { name: user.username }));
      setRoles(null);
      setError(null);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={t('Roles of {{name}}', { name: user?.displayName ?? '' })}
      okText={t('Save')}
      onOk={save}
      confirmLoading={busy}
      onCancel={close}
      destroyOnHidden
      width={560}
      styles={SCROLLING_BODY}
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <RolesEditor platformIds={platformIds} value={current} onChange={setRoles} />
    </Modal>
  );
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: Omit<ModalProps, 'open'> & { user: UserView | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    await api.resetUserPassword(user.id, password);
    message.success(t('Password of {{name}} reset; their sessions have ended', { name: user.username }));
    form.resetFields();
    onDone();
  };

  return (
    <FormModal<{ password: string }>
      open={!!user}
      title={t('Reset password of {{name}}', { name: user?.displayName ?? '' })}
      okText={t('Reset password')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      briefError
      modal={{ destroyOnHidden: true }}
    >
      <Form.Item
        name="password"
        label={t('New password')}
        extra={t('At least {{n}} characters, not containing the user name', { n: PASSWORD_MIN_LENGTH })}
        rules={[
          { required: true, message: t('Enter a password') },
          passwordRule(t, () => user?.username ?? ''),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
