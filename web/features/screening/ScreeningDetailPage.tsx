import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ChecklistItem } from '../../../common/calls.js';
import { applicationsApi } from '../../api/applications.js';
import { callsApi } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { orgName } from '../../components/org-labels.js';
import { ApplicationStateTag } from '../../components/StateTags.js';
import { WIDE } from '../../components/tables.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { ApplicationDetails, TransitionsCard } from '../applications/ApplicationDetails.js';

type Outcome = 'pass' | 'return' | 'reject';
type Answers = Record<string, { ok: boolean; note?: string | null }>;

/** /screening/:id: the frozen version, the call's checklist, and pass / return / reject with reasons. */
export default function ScreeningDetailPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const app = useApi(() => applicationsApi.get(id), [id]);
  const call = useApi(
    () => (app.data ? callsApi.manage(app.data.callId) : Promise.resolve(null)),
    [app.data?.callId],
  );
  const [answers, setAnswers] = useState<Answers>({});
  const [deciding, setDeciding] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  if (app.error) return <LoadFailed error={app.error} />;
  const a = app.data;
  if (!a || a.id !== id || !call.data) return <Centered />;
  const checklist = call.data.screeningChecklist;
  const last = a.screenings.at(-1);
  const answerOf = (key: string) => answers[key] ?? last?.answers.find((x) => x.key === key) ?? { ok: false };

  const decide = async (outcome: Outcome | null, reasons?: string) => {
    setBusy(true);
    try {
      await applicationsApi.screen(a.id, {
        answers: checklist.map((c) => ({
          key: c.key,
          ok: answerOf(c.key).ok,
          note: answerOf(c.key).note || null,
        })),
        outcome,
        reasons: reasons ?? null,
      });
      message.success(
        outcome === 'pass'
          ? t('Passed to review')
          : outcome === 'return'
            ? t('Returned for correction; the applicant is notified')
            : outcome === 'reject'
              ? t('Not accepted; the applicant is notified')
              : t('Checklist saved'),
      );
      setDeciding(null);
      setAnswers({});
      app.reload();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="screening-detail">
      <Card size="small">
        <Space orientation="vertical" size={4}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {pick(a.titleZh, a.titleEn, locale) || t('Untitled application')}
            </Typography.Title>
            <ApplicationStateTag state={a.state} />
          </Space>
          <Typography.Text type="secondary">
            <Link to={`/screening?call=${a.callId}`}>{pick(a.callTitleZh, a.callTitleEn, locale)}</Link> ·{' '}
            {t('Lead')}: {orgName(a.lead, locale)} · {t('Requested')}:{' '}
            {money(a.requestedTotalMinor, a.currency, locale)} · {t('Receipt number')}: {a.receiptNo ?? '—'} ·{' '}
            {t('Submitted at')}: {zonedTime(a.submittedAt, locale)} · {t('Version')} {a.versionNo}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('Screening checklist')}>
        <Table<ChecklistItem>
          scroll={WIDE}
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={checklist}
          data-testid="screening-checklist"
          columns={[
            { title: t('Item'), render: (_, c) => pick(c.labelZh, c.labelEn, locale) },
            {
              title: t('Met'),
              width: 80,
              render: (_, c) => (
                <Checkbox
                  checked={answerOf(c.key).ok}
                  disabled={!a.access.canScreen}
                  onChange={(e) =>
                    setAnswers((x) => ({ ...x, [c.key]: { ...answerOf(c.key), ok: e.target.checked } }))
                  }
                  data-testid={`check-${c.key}`}
                  aria-label={pick(c.labelZh, c.labelEn, locale)}
                />
              ),
            },
            {
              title: t('Note'),
              render: (_, c) => (
                <Input
                  aria-label={`${pick(c.labelZh, c.labelEn, locale)} · ${t('Note')}`}
                  value={answerOf(c.key).note ?? ''}
                  disabled={!a.access.canScreen}
                  maxLength={1000}
                  onChange={(e) =>
                    setAnswers((x) => ({ ...x, [c.key]: { ...answerOf(c.key), note: e.target.value } }))
                  }
                />
              ),
            },
          ]}
        />
        {a.access.canScreen ? (
          <Space wrap style={{ marginTop: 12 }} data-testid="screening-actions">
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDeciding('pass')}
              data-testid="screen-pass"
            >
              {t('Pass')}
            </Button>
            <Button
              icon={<RollbackOutlined />}
              onClick={() => setDeciding('return')}
              data-testid="screen-return"
            >
              {t('Return for correction')}
            </Button>
            <Button
              danger
              icon={<CloseOutlined />}
              onClick={() => setDeciding('reject')}
              data-testid="screen-reject"
            >
              {t('Reject')}
            </Button>
            <Button onClick={() => decide(null)} loading={busy && deciding === null}>
              {t('Save the checklist')}
            </Button>
          </Space>
        ) : null}
        {a.screenings
          .filter((s) => s.outcome)
          .map((s) => (
            <Alert
              key={s.at}
              style={{ marginTop: 12 }}
              type={s.outcome === 'pass' ? 'success' : 'warning'}
              title={`${zonedTime(s.at, locale)} · ${s.officerLabel}`}
              description={s.reasons ?? undefined}
            />
          ))}
      </Card>
      <ApplicationDetails app={a} attachmentSpecs={call.data.requiredAttachments} />
      <TransitionsCard app={a} />
      <DecisionDialog
        outcome={deciding}
        windowDays={call.data.resubmitWindowDays}
        busy={busy}
        onCancel={() => setDeciding(null)}
        onOk={(reasons) => decide(deciding, reasons)}
      />
    </Space>
  );
}

function DecisionDialog({
  outcome,
  windowDays,
  busy,
  onCancel,
  onOk,
}: {
  outcome: Outcome | null;
  windowDays: number;
  busy: boolean;
  onCancel(): void;
  onOk(reasons?: string): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reasons?: string }>();
  const needsReasons = outcome === 'return' || outcome === 'reject';
  const titles: Record<Outcome, string> = {
    pass: t('Pass the screening: the application goes to expert review'),
    return: t('Return for correction'),
    reject: t('Reject (not accepted)'),
  };
  return (
    <Modal
      open={outcome !== null}
      title={outcome ? titles[outcome] : ''}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('Confirm')}
      cancelText={t('Cancel')}
      okButtonProps={{ danger: outcome === 'reject' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onOk(v.reasons?.trim() || undefined)}
        data-testid="decision-form"
      >
        {outcome === 'return' ? (
          <Typography.Paragraph type="secondary">
            {t('The applicant may correct and resubmit within {{days}} days.', {
              days: windowDays,
              count: windowDays,
            })}
          </Typography.Paragraph>
        ) : null}
        {needsReasons ? (
          <Form.Item
            name="reasons"
            label={t('Reasons')}
            rules={[{ required: true, whitespace: true, message: t('Give the reasons') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} data-testid="decision-reasons" />
          </Form.Item>
        ) : (
          <Typography.Text>{t('The checklist answers are saved with the decision.')}</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
