import { DownloadOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { type ApplicationView, applicationsApi } from '../../api/applications.js';
import { callsApi } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { fileOptions } from '../../components/file-options.js';
import { pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { orgName } from '../../components/org-labels.js';
import { ApplicationStateTag } from '../../components/StateTags.js';
import { saveFile } from '../../components/save-file.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { ApplicationDetails, TransitionsCard } from './ApplicationDetails.js';
import { AvoidExpertsCard } from './AvoidExpertsCard.js';
import { JourneySteps } from './JourneySteps.js';
import { Wizard } from './Wizard.js';

/** /applications/:id[?version=n]: the wizard while the applicant may edit, else the frozen record. */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const versionNo = params.get('version') ? Number(params.get('version')) : undefined;
  const loaded = useApi(() => applicationsApi.get(id, versionNo), [id, versionNo]);
  const [app, setApp] = useState<ApplicationView>();
  useEffect(() => setApp(loaded.data), [loaded.data]);
  const call = useApi(() => (app ? callsApi.publicCall(app.callId) : Promise.resolve(null)), [app?.callId]);
  if (loaded.error) return <LoadFailed error={loaded.error} />;
  if (call.error) return <LoadFailed error={call.error} />;
  if (!app || app.id !== id || !call.data) return <Centered />;
  const editing = app.access.canEdit && versionNo === undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="application-page">
      <Card size="small">
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
              {pick(app.titleZh, app.titleEn, locale) || t('Untitled application')}
            </Typography.Title>
            <ApplicationStateTag state={app.state} />
          </Space>
          <Typography.Text type="secondary">
            <Link to={`/calls/${app.callId}`}>{pick(app.callTitleZh, app.callTitleEn, locale)}</Link> ·{' '}
            {app.callCode} · {t('Lead')}: {orgName(app.lead, locale)} · {t('Requested')}:{' '}
            {money(app.requestedTotalMinor, app.currency, locale)}
          </Typography.Text>
          {app.versions.length > 0 ? (
            <Space wrap>
              {/* A real label, so the select has an accessible name (axe: an unlabelled combobox is critical). */}
              <label htmlFor="application-version">{t('Version')}</label>
              <Select<number | 'current'>
                id="application-version"
                size="small"
                value={versionNo ?? 'current'}
                style={{ minWidth: 220 }}
                data-testid="version-select"
                onChange={(v) => setParams(v === 'current' ? {} : { version: String(v) })}
                options={[
                  { value: 'current', label: t('Current (version {{n}})', { n: app.versionNo }) },
                  ...app.versions
                    .filter((v) => v.frozenAt)
                    .map((v) => ({
                      value: v.versionNo,
                      label: t('Version {{n}}, submitted {{time}}', {
                        n: v.versionNo,
                        time: zonedTime(v.frozenAt, locale),
                      }),
                    })),
                ]}
              />
            </Space>
          ) : null}
        </Space>
      </Card>
      {editing ? (
        <Wizard app={app} call={call.data} onSaved={setApp} onSubmitted={loaded.reload} />
      ) : (
        <>
          <JourneySteps app={app} />
          <ReceiptCard app={app} versionNo={versionNo} />
          {app.access.canWithdraw ? <WithdrawButton app={app} onDone={loaded.reload} /> : null}
          {app.withdrawReason ? (
            <Alert type="info" showIcon title={t('Withdrawn')} description={app.withdrawReason} />
          ) : null}
          <ApplicationDetails app={app} attachmentSpecs={call.data.requiredAttachments} />
        </>
      )}
      <AvoidExpertsCard applicationId={app.id} />
      <TransitionsCard app={app} />
    </Space>
  );
}

/** The receipt of the shown (or latest) submitted version: number, time, checksum; downloadable. */
function ReceiptCard({ app, versionNo }: { app: ApplicationView; versionNo?: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const receipt = useApi(
    () => (app.receiptNo ? applicationsApi.receipt(app.id, versionNo) : Promise.resolve(null)),
    [app.id, app.receiptNo, versionNo],
  );
  const r = receipt.data;
  if (!r) return null;
  return (
    <Card
      size="small"
      title={t('Receipt')}
      data-testid="receipt"
      extra={
        <Space wrap>
          <Button
            icon={<PrinterOutlined />}
            onClick={() =>
              applicationsApi
                .formPdf(app.id, { versionNo: r.versionNo, ...fileOptions(locale) })
                .then(saveFile)
                .catch((err: unknown) => message.error(errorText(t, err)))
            }
          >
            {t('Print application form (PDF)')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            data-testid="download-receipt"
            onClick={() =>
              applicationsApi
                .receiptFile(app.id, r.versionNo)
                .then(saveFile)
                .catch((err: unknown) => message.error(errorText(t, err)))
            }
          >
            {t('Download')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('Receipt number')}>
          <span data-testid="receipt-no">{r.receiptNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('Submitted at')}>{zonedTime(r.submittedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('Version')}>{r.versionNo}</Descriptions.Item>
        <Descriptions.Item label={t('Checksum (SHA-256)')} span={3}>
          <Typography.Text code copyable data-testid="receipt-checksum">
            {r.checksum}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function WithdrawButton({ app, onDone }: { app: ApplicationView; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await applicationsApi.withdraw(app.id, reason);
      message.success(t('Application withdrawn'));
      setOpen(false);
      onDone();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div>
        <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="withdraw">
          {t('Withdraw')}
        </Button>
      </div>
      <Modal
        open={open}
        title={t('Withdraw the application')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('Withdraw')}
        okButtonProps={{ danger: true }}
        cancelText={t('Cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('Reason')}
            rules={[{ required: true, whitespace: true, message: t('Give a reason') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
