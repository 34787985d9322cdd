import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationView, applicationsApi } from '../../api/applications.js';
import type { PublicCallView } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Countdown } from '../../components/Countdown.js';
import { SaveFailed } from '../../components/feedback.js';
import { zonedTime } from '../../components/time.js';
import { fieldErrors } from '../../i18n/errors.js';
import { type DraftValues, draftBody, draftValues } from './draft.js';
import { STEP_KEYS, stepStatuses } from './progress.js';
import { AttachmentsStep } from './steps/AttachmentsStep.js';
import { BudgetStep } from './steps/BudgetStep.js';
import { CheckStep } from './steps/CheckStep.js';
import { ConsortiumStep } from './steps/ConsortiumStep.js';
import { ObjectivesStep, SummaryStep, WorkPlanStep } from './steps/ContentSteps.js';
import { InvitationsStep } from './steps/InvitationsStep.js';

/**
 * The applicant's multi-step form over one draft (or a returned application). Every step change saves
 * the draft; all steps stay mounted (hidden), so one save always sends every section.
 */
export function Wizard({
  app,
  call,
  onSaved,
  onSubmitted,
}: {
  app: ApplicationView;
  call: PublicCallView;
  onSaved(view: ApplicationView): void;
  onSubmitted(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftValues>();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // What the saved draft still lacks, step by step: a step gets its ✓ only when nothing is missing in it.
  // Asked again after every save: two saves may carry the same updatedAt (a clock's resolution).
  const [saves, setSaves] = useState(0);
  const check = useApi(() => applicationsApi.eligibility(app.id), [app.id, app.updatedAt, saves]);
  const statuses = stepStatuses(step, check.data?.problems);
  const titles = [
    t('Summary'),
    t('Objectives and indicators'),
    t('Work plan and milestones'),
    t('Consortium'),
    t('Budget'),
    t('Attachments'),
    t('Confirmations'),
    t('Check and submit'),
  ];

  /** Saves every section; true when the server took it. */
  const save = async (quiet = false): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      const view = await applicationsApi.save(app.id, draftBody(form.getFieldsValue(true) as DraftValues));
      form.setFieldsValue(draftValues(view));
      onSaved(view);
      setSaves((n) => n + 1);
      if (!quiet) message.success(t('Draft saved'));
      return true;
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors(t, err));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const go = async (next: number) => {
    if (next === step) return;
    if (await save(true)) setStep(next);
  };
  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      if (!(await save(true))) return;
      const receipt = await applicationsApi.submit(app.id);
      message.success(t('Submitted: receipt {{no}}', { no: receipt.receiptNo }));
      onSubmitted();
    } catch (err) {
      setError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const returned =
    app.state === 'returned' ? app.screenings.findLast((s) => s.outcome === 'return') : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="application-wizard">
      {returned ? (
        <Alert
          type="warning"
          showIcon
          data-testid="returned-reasons"
          title={t('Returned for correction by the program office')}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{returned.reasons}</div>
              {app.resubmitDeadline ? (
                <div>
                  {t('Resubmit by {{time}}', { time: zonedTime(app.resubmitDeadline, locale) })} ·{' '}
                  <Countdown until={app.resubmitDeadline} />
                </div>
              ) : null}
            </>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('Submission closes {{time}}', { time: zonedTime(call.closesAt, locale) })}
          description={
            <Countdown until={call.closesAt} serverNow={call.serverNow} testId="wizard-countdown" />
          }
        />
      )}
      <Card>
        <Steps
          size="small"
          current={step}
          onChange={go}
          items={titles.map((title, i) => ({
            title,
            key: STEP_KEYS[i],
            status: statuses[i],
          }))}
          data-testid="wizard-steps"
        />
      </Card>
      <Card
        title={titles[step]}
        extra={
          <Button icon={<SaveOutlined />} onClick={() => save()} loading={saving} data-testid="save-draft">
            {t('Save draft')}
          </Button>
        }
      >
        {error ? <SaveFailed error={error} /> : null}
        <Form<DraftValues> form={form} layout="vertical" initialValues={draftValues(app)}>
          {[
            <SummaryStep key="summary" call={call} />,
            <ObjectivesStep key="objectives" />,
            <WorkPlanStep key="work-plan" />,
            <ConsortiumStep key="consortium" app={app} />,
            <BudgetStep key="budget" app={app} />,
            <AttachmentsStep key="attachments" app={app} call={call} onChanged={() => save(true)} />,
            <InvitationsStep
              key="confirmations"
              app={app}
              onChanged={() => save(true)}
              beforeInvite={() => save(true)}
            />,
            step === 7 ? <CheckStep key="check" app={app} submitting={submitting} onSubmit={submit} /> : null,
          ].map((node, i) => (
            <div
              key={STEP_KEYS[i]}
              style={{ display: i === step ? undefined : 'none' }}
              data-testid={`step-${STEP_KEYS[i]}`}
            >
              {node}
            </div>
          ))}
        </Form>
        <Space style={{ marginTop: 16 }}>
          {step > 0 ? (
            <Button onClick={() => go(step - 1)} disabled={saving} data-testid="wizard-prev">
              {t('Previous')}
            </Button>
          ) : null}
          {step < STEP_KEYS.length - 1 ? (
            <Button type="primary" onClick={() => go(step + 1)} loading={saving} data-testid="wizard-next">
              {t('Next')}
            </Button>
          ) : null}
        </Space>
      </Card>
    </Space>
  );
}
