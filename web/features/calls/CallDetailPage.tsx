import { CopyOutlined, EditOutlined, FieldTimeOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { type CallView, callsApi, type PublicCallView } from '../../api/calls.js';
import { ApiError } from '../../api/client.js';
import { canManageCalls, hasRole } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { fromUtc, toUtc, viewerZone } from '../../components/time.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { ApplyButton } from './ApplyButton.js';
import { CallDetails } from './CallDetails.js';
import { CopyCallDialog } from './CopyCallDialog.js';

/** /calls/:id: the call as applicants read it; for a draft, the officer's preview before publishing. */
export default function CallDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const staff = canManageCalls(user);
  const call = useApi(() => loadCall(id, staff), [id, staff]);
  const [extending, setExtending] = useState(false);
  const [copying, setCopying] = useState(false);
  const [busy, setBusy] = useState(false);
  if (call.error) return <LoadFailed error={call.error} />;
  const c = call.data;
  if (!c || c.id !== id) return <Centered />;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      call.reload();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const canApply = c.effectiveState === 'open' && hasRole(user, 'applicant');
  const access = 'access' in c ? c.access : null;

  const actions = (
    <Space wrap data-testid="call-actions">
      {access?.canEdit ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => navigate(`/calls/${c.id}/edit`)}
          data-testid="edit-call"
        >
          {t('Edit')}
        </Button>
      ) : null}
      {access?.canPublish ? (
        <Popconfirm
          title={t('Publish this call? Applicants will see it and it can no longer be edited.')}
          okText={t('Publish')}
          cancelText={t('Cancel')}
          onConfirm={() => act(() => callsApi.publishCall(c.id), t('Call published'))}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="publish-call">
            {t('Publish')}
          </Button>
        </Popconfirm>
      ) : null}
      {access?.canExtend ? (
        <Button icon={<FieldTimeOutlined />} onClick={() => setExtending(true)} data-testid="extend-call">
          {t('Extend the deadline')}
        </Button>
      ) : null}
      {access?.canClose ? (
        <Popconfirm
          title={t('Close this call now? No application can be submitted afterwards.')}
          okText={t('Close the call')}
          cancelText={t('Cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => act(() => callsApi.closeCall(c.id), t('Call closed'))}
        >
          <Button danger icon={<StopOutlined />} loading={busy} data-testid="close-call">
            {t('Close the call')}
          </Button>
        </Popconfirm>
      ) : null}
      {access?.canCopy ? (
        <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="copy-call">
          {t('Copy the call guide')}
        </Button>
      ) : null}
      {canApply ? <ApplyButton callId={c.id} /> : null}
    </Space>
  );

  return (
    <>
      {c.effectiveState === 'draft' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('Preview: this is how applicants will see the call once it is published.')}
          data-testid="call-preview"
        />
      ) : null}
      <CallDetails call={c} extra={actions} />
      {'access' in c && c.access.canCopy ? (
        <CopyCallDialog call={c} open={copying} onClose={() => setCopying(false)} />
      ) : null}
      {'access' in c ? (
        <ExtendDialog
          call={c}
          open={extending}
          onClose={() => setExtending(false)}
          onDone={() => {
            setExtending(false);
            message.success(t('Deadline extended; applicants are notified'));
            call.reload();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Staff read the full call (state, checklist, what they may do); everyone else, and staff of another
 * platform, the published call.
 */
async function loadCall(id: string, staff: boolean): Promise<CallView | PublicCallView> {
  if (!staff) return callsApi.publicCall(id);
  try {
    return await callsApi.manage(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return callsApi.publicCall(id);
    throw err;
  }
}

function ExtendDialog({
  call,
  open,
  onClose,
  onDone,
}: {
  call: CallView;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ closesAt: Dayjs; reason: string }>();
  const { submit, busy, error } = useSubmit(form, async (v: { closesAt: Dayjs; reason: string }) => {
    await callsApi.extendDeadline(call.id, toUtc(v.closesAt)!, v.reason);
    onDone();
  });
  return (
    <Modal
      open={open}
      title={t('Extend the deadline')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('Extend')}
      cancelText={t('Cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ closesAt: fromUtc(call.closesAt) }}
        data-testid="extend-form"
      >
        {error ? (
          <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item
          name="closesAt"
          label={t('New close time')}
          rules={[{ required: true, message: t('Choose a time') }]}
          extra={t('In your time zone ({{zone}}); stored in UTC', { zone: viewerZone() })}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('Reason')}
          rules={[{ required: true, whitespace: true, message: t('Give a reason') }]}
          extra={t('Every applicant of the call is notified with this reason')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
