import { Alert, App, Button, Card, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MyCheckInvitations, projectChecksApi } from '../../../api/project-checks.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { SEAT_COLORS, SEAT_LABELS } from '../../../components/review-labels.js';
import { zonedTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';
import { CHECK_KIND_LABELS } from './checks.labels.js';

type Invitation = MyCheckInvitations['items'][number];

/**
 * The expert's open invitations to check panels, answered as in application review: accept, or decline
 * with a reason. `onAnswered` runs after each answer (an accepted seat on a check under review has its
 * scorecard now).
 */
export function CheckInvitations({ onAnswered }: { onAnswered(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => projectChecksApi.myInvitations(), []);
  const [declining, setDeclining] = useState<Invitation>();
  const [reason, setReason] = useState('');
  const answer = (p: Promise<unknown>) =>
    p
      .then(() => {
        list.reload();
        onAnswered();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  if (list.error) return <Alert type="error" showIcon title={errorText(t, list.error)} />;
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-check-invitations">
      <Typography.Title level={5}>{t('checkInvitations.title')}</Typography.Title>
      {items.map((i) => (
        <Card
          key={i.checkId}
          size="small"
          data-testid="my-check-invitation"
          title={
            <Space>
              <Tag color={SEAT_COLORS.invited}>{t(SEAT_LABELS.invited)}</Tag>
              {i.projectCode} {pick(i.projectTitleZh, i.projectTitleEn, locale)}
            </Space>
          }
          extra={
            <Space>
              <Button
                type="primary"
                onClick={() => answer(projectChecksApi.answer(i.checkId, { answer: 'accept' }))}
              >
                {t('Accept')}
              </Button>
              <Button onClick={() => setDeclining(i)}>{t('invitation.decline')}</Button>
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {t(CHECK_KIND_LABELS[i.kind])} · {t('Due')} {i.dueOn}
            {i.respondBy ? ` · ${t('Answer by {{at}}', { at: zonedTime(i.respondBy, locale) })}` : null}
          </Typography.Text>
        </Card>
      ))}
      <Modal
        open={!!declining}
        title={t('Decline the invitation')}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setDeclining(undefined)}
        onOk={() => {
          const seat = declining!;
          setDeclining(undefined);
          setReason('');
          answer(projectChecksApi.answer(seat.checkId, { answer: 'decline', reason: reason.trim() }));
        }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('Why you cannot review it')}
          aria-label={t('Why you cannot review it')}
        />
      </Modal>
    </Space>
  );
}
