import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, List, Popconfirm, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type ApplicationView, applicationsApi } from '../../../api/applications.js';
import { ApiError } from '../../../api/client.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';
import { reasonText, ruleLabel } from '../eligibilityText.js';

const PARTS: Record<string, string> = {
  titleZh: tk('Chinese title'),
  titleEn: tk('English title'),
  summaryZh: tk('Chinese summary'),
  summaryEn: tk('English summary'),
  fieldId: tk('Technology field'),
  objectives: tk('Objectives and indicators'),
  indicators: tk('Indicator'),
  workPlan: tk('Work plan and milestones'),
  milestones: tk('Work-plan milestone'),
  consortium: tk('Consortium'),
  contactPersonId: tk('Contact person'),
  requestedMinor: tk('Requested amount'),
  organisationId: tk('Organisation'),
  attachments: tk('Attachments'),
  budget: tk('Budget'),
};

/** "Consortium 2 · Contact person" for /consortium/1/contactPersonId. */
export function describePointer(t: TFunction, pointer: string): string {
  return pointer
    .split('/')
    .filter((p) => p && p !== 'content')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : PARTS[p] ? t(PARTS[p]) : p))
    .join(' · ');
}

/**
 * Step 8: every eligibility rule of the call with its outcome and reason, what is still missing, and the
 * submission (the server's clock decides whether it is in time).
 */
export function CheckStep({
  app,
  submitting,
  onSubmit,
}: {
  app: ApplicationView;
  submitting: boolean;
  onSubmit(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const check = useApi(() => applicationsApi.eligibility(app.id), [app.id, app.updatedAt]);
  const e = check.data;
  const ready = e?.eligible && e.problems.length === 0;
  const resubmit = app.state === 'returned';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="check-step">
      <Space>
        <Typography.Text type="secondary">{t('Checked on the last saved draft')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={check.reload} loading={check.loading}>
          {t('Check again')}
        </Button>
      </Space>
      {check.error ? <Alert type="error" showIcon title={errorText(t, check.error)} /> : null}
      {e ? (
        <>
          <List
            size="small"
            bordered
            header={<Typography.Text strong>{t('Eligibility rules')}</Typography.Text>}
            dataSource={e.outcomes}
            locale={{ emptyText: t('No eligibility rules') }}
            data-testid="eligibility-outcomes"
            renderItem={(o) => (
              <List.Item data-testid={`outcome-${o.kind}`} data-passed={String(o.passed)}>
                <Space align="start">
                  {o.passed ? (
                    <CheckCircleFilled style={{ color: '#16a34a' }} aria-label={t('Passed')} />
                  ) : (
                    <CloseCircleFilled style={{ color: '#dc2626' }} aria-label={t('Failed')} />
                  )}
                  <span>
                    <Typography.Text strong>{ruleLabel(t, o.kind)}</Typography.Text>
                    {': '}
                    {reasonText(t, o, app.currency, locale)}
                  </span>
                </Space>
              </List.Item>
            )}
          />
          <List
            size="small"
            bordered
            header={<Typography.Text strong>{t('Still missing or wrong')}</Typography.Text>}
            dataSource={e.problems}
            locale={{ emptyText: t('Nothing: the application is complete') }}
            data-testid="submission-problems"
            renderItem={(p) => (
              <List.Item>
                <span>
                  {describePointer(t, p.pointer) ? (
                    <Typography.Text strong>{describePointer(t, p.pointer)}: </Typography.Text>
                  ) : null}
                  {errorText(t, new ApiError(400, { code: p.code }))}
                </span>
              </List.Item>
            )}
          />
        </>
      ) : null}
      <Popconfirm
        title={
          resubmit
            ? t('Resubmit? The corrected version is frozen as a new version.')
            : t('Submit? The submitted version is frozen and can no longer be changed.')
        }
        okText={resubmit ? t('Resubmit') : t('Submit')}
        cancelText={t('Cancel')}
        onConfirm={onSubmit}
        disabled={!ready}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!ready}
          loading={submitting}
          data-testid="submit-application"
        >
          {resubmit ? t('Resubmit') : t('Submit')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
