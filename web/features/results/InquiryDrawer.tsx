import { App, Button, Descriptions, Drawer, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryState } from '../../../common/results.js';
import { type Inquiry, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import {
  INQUIRY_COLORS,
  INQUIRY_KIND_LABELS,
  INQUIRY_STATE_LABELS,
  pickFilled,
} from '../../components/result-labels.js';
import { formatTime } from '../../components/time.js';
import { actorText } from '../../i18n/audit-labels.js';
import { errorText } from '../../i18n/errors.js';

/** One inquiry: the visitor's message, the history of its moves, and the moves it can make next. */
export function InquiryDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const loaded = useApi(() => resultsApi.inquiry(id), [id]);
  const [shown, setShown] = useState<Inquiry | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<InquiryState | null>(null);
  const d = shown ?? loaded.data;
  const move = async (to: InquiryState) => {
    setBusy(to);
    try {
      setShown(await resultsApi.move(id, to === 'closed' ? { to, reason: reason.trim() } : { to }));
      setReason('');
      onChanged();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Drawer open size="large" title={t('Inquiry')} onClose={onClose}>
      {loaded.error ? <LoadFailed error={loaded.error} /> : null}
      {!d ? (
        <Centered />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space>
            <Tag color={INQUIRY_COLORS[d.state]} data-testid="inquiry-state">
              {t(INQUIRY_STATE_LABELS[d.state])}
            </Tag>
            {d.closeReason ? <Typography.Text type="secondary">{d.closeReason}</Typography.Text> : null}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('Result')}>
              {pickFilled(d.result.titleZh, d.result.titleEn, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('Inquiry about')}>{t(INQUIRY_KIND_LABELS[d.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('Name')}>{d.name}</Descriptions.Item>
            <Descriptions.Item label={t('Organisation')}>{d.organisation}</Descriptions.Item>
            <Descriptions.Item label={t('E-mail')}>
              <a href={`mailto:${d.email}`}>{d.email}</a>
            </Descriptions.Item>
            {d.phone ? <Descriptions.Item label={t('Phone (optional)')}>{d.phone}</Descriptions.Item> : null}
            <Descriptions.Item label={t('Message')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {d.message}
              </Typography.Paragraph>
            </Descriptions.Item>
            {d.licenceId ? <Descriptions.Item label={t('Licence')}>{d.licenceId}</Descriptions.Item> : null}
          </Descriptions>
          {d.next.length ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('Move to')}</Typography.Text>
              {d.next.includes('closed') ? (
                <Input
                  placeholder={t('Reason for closing')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={1000}
                />
              ) : null}
              <Space wrap>
                {d.next.map((to) => (
                  <Button
                    key={to}
                    type={to === 'closed' ? 'default' : 'primary'}
                    danger={to === 'closed'}
                    loading={busy === to}
                    disabled={to === 'closed' && !reason.trim()}
                    onClick={() => move(to)}
                    data-testid={`move-${to}`}
                  >
                    {t(INQUIRY_STATE_LABELS[to])}
                  </Button>
                ))}
              </Space>
            </Space>
          ) : null}
          <Timeline
            items={d.transitions.map((x) => ({
              children: `${formatTime(x.at, locale)} · ${t(INQUIRY_STATE_LABELS[x.to])} · ${actorText(t, x.actorLabel)}${x.note ? ` · ${x.note}` : ''}`,
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
