import { Alert, App, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type MyReview, reviewRunsApi } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { SEAT_COLORS, SEAT_LABELS } from '../../../components/review-labels.js';
import { zonedTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';

/** /my-reviews: the expert's invitations (accept, or decline with a reason) and accepted reviews. */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => reviewRunsApi.myReviews(), []);
  // The workbench's links narrow the list: invitations to answer, or accepted seats still to score.
  const [params, setParams] = useSearchParams();
  const only = params.get('state');
  const [declining, setDeclining] = useState<MyReview>();
  const [reason, setReason] = useState('');
  const answer = (p: Promise<unknown>) =>
    p.then(list.reload).catch((err: unknown) => message.error(errorText(t, err)));
  if (list.error) return <Alert type="error" showIcon title={errorText(t, list.error)} />;
  const all = list.data?.items ?? [];
  const items =
    only === 'invited'
      ? all.filter((r) => r.state === 'invited')
      : only === 'to_score'
        ? all.filter((r) => r.state === 'accepted' && !r.scorecardSubmitted)
        : all;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-reviews">
      {only === 'invited' || only === 'to_score' ? (
        <Tag closable onClose={() => setParams({})} data-testid="my-reviews-filter" data-count={items.length}>
          {only === 'invited' ? t('Review invitations to answer') : t('Scorecards to submit')}: {items.length}
        </Tag>
      ) : null}
      {!list.loading && !items.length ? <Empty description={t('No review invitations yet')} /> : null}
      {items.map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid="my-review"
          title={
            <Space>
              <Tag color={SEAT_COLORS[r.state]}>{t(SEAT_LABELS[r.state])}</Tag>
              {r.applicationNumber} {pick(r.titleZh, r.titleEn, locale)}
            </Space>
          }
          extra={
            r.state === 'invited' ? (
              <Space>
                <Button
                  type="primary"
                  onClick={() => answer(reviewRunsApi.accept(r.id))}
                  data-testid="accept-review"
                >
                  {t('Accept')}
                </Button>
                <Button onClick={() => setDeclining(r)} data-testid="decline-review">
                  {t('invitation.decline')}
                </Button>
              </Space>
            ) : r.state === 'accepted' ? (
              <Link to={`/my-reviews/${r.id}`} data-testid="open-scorecard">
                {t('Open scorecard')}
              </Link>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            {pick(r.callTitleZh, r.callTitleEn, locale)} ({r.callCode}) ·{' '}
            {r.state === 'invited'
              ? t('Answer by {{at}}', { at: zonedTime(r.respondBy, locale) })
              : r.scoringClosesAt
                ? t('Scoring closes {{at}}', { at: zonedTime(r.scoringClosesAt, locale) })
                : null}
          </Typography.Paragraph>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>
            {pick(r.summaryZh, r.summaryEn, locale)}
          </Typography.Paragraph>
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
          answer(reviewRunsApi.decline(seat.id, reason.trim()));
        }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('Why you cannot review it')}
          data-testid="decline-reason"
        />
      </Modal>
    </Space>
  );
}
