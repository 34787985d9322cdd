import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ServiceRequest, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { saveFile } from '../../components/save-file.js';
import { LOG_LABELS, REQUEST_STATE_COLORS, REQUEST_STATE_LABELS } from '../../components/service-labels.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { UseVoucher } from '../vouchers/UseVoucher.js';
import { RequestActions, SurveyForm } from './RequestActions.js';

/** One request: what was asked, the quote, the report, the rating, the timeline and the caller's moves. */
export function RequestDrawer({
  id,
  enterprise,
  onClose,
  onChanged,
}: {
  id: string;
  /** Opened by the enterprise that asked (which answers the impact survey). */
  enterprise: boolean;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const loaded = useApi(() => servicesApi.request(id), [id]);
  const r = loaded.data;
  // The request a move returns is the request as it now is (the same view as the read): shown at once,
  // never reloaded, so the buttons are the new state's from the moment the move is answered.
  const changed = (next: ServiceRequest) => {
    loaded.set(next);
    onChanged();
  };
  const download = () =>
    servicesApi
      .report(id)
      .then(saveFile)
      .catch((e) => message.error(errorText(t, e)));
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={r ? pickFilled(r.service.nameZh, r.service.nameEn, locale) : ''}
    >
      {loaded.error ? <LoadFailed error={loaded.error} /> : null}
      {!r ? (
        <Centered />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="request-drawer">
          <Space wrap>
            <Tag color={REQUEST_STATE_COLORS[r.state]} data-testid="request-state">
              {t(REQUEST_STATE_LABELS[r.state])}
            </Tag>
            {r.overdue ? <Tag color="red">{t('Overdue')}</Tag> : null}
          </Space>
          {r.lastReason ? (
            <Alert type="info" showIcon title={t('Reason: {{reason}}', { reason: r.lastReason })} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('Request number')}>{r.number}</Descriptions.Item>
            <Descriptions.Item label={t('What is needed')}>{r.description}</Descriptions.Item>
            <Descriptions.Item label={t('Quantity')}>{r.quantity}</Descriptions.Item>
            <Descriptions.Item label={t('Wanted by')}>{r.wantedBy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('Quote')}>
              {r.quote ? (
                <span data-testid="request-quote">
                  {money(r.quote.priceMinor, r.quote.currency, locale)} ·{' '}
                  {t('delivery by {{date}}', { date: r.quote.dueOn })}
                  {r.quote.terms ? ` · ${r.quote.terms}` : ''}
                </span>
              ) : (
                t('Not quoted yet')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('Report')}>
              {r.report ? (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={download}
                  data-testid="request-report"
                >
                  {r.report.fileName}
                </Button>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            {r.rating ? (
              <Descriptions.Item label={t('Rating')}>
                <Rate disabled value={r.rating} /> {r.ratingComment}
              </Descriptions.Item>
            ) : null}
            {r.survey ? (
              <Descriptions.Item label={t('Impact survey')}>
                {r.survey.answered
                  ? t('Answered')
                  : r.survey.due
                    ? t('Due since {{date}}', { date: r.survey.dueOn })
                    : t('Due on {{date}}', { date: r.survey.dueOn })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <UseVoucher r={r} enterprise={enterprise} />
          <RequestActions r={r} onMoved={changed} />
          {enterprise && r.survey?.due && !r.survey.answered ? (
            <SurveyForm r={r} onAnswered={changed} />
          ) : null}
          <Typography.Title level={5}>{t('Timeline')}</Typography.Title>
          <Timeline
            items={(r.transitions ?? []).map((x) => ({
              content: (
                <span>
                  {t(LOG_LABELS[x.action] ?? x.action)} · {formatTime(x.at, locale)}
                  {x.reason ? ` · ${x.reason}` : ''}
                </span>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
