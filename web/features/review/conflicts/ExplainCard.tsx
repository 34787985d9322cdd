import { Alert, Button, Card, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../../api/applications.js';
import { callsApi } from '../../../api/calls.js';
import { conflictsApi, type ExplainPair } from '../../../api/review-conflicts.js';
import { reviewRunsApi } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { errorText } from '../../../i18n/errors.js';
import { evidenceText, REASONS_SHOWN, RULE_KINDS_SHOWN } from './labels.js';

/** Picks an expert and an application and shows, rule by rule, why the pair is or is not excluded. */
export function ExplainCard({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [q, setQ] = useState<string>();
  const [pair, setPair] = useState<{ expertId: string; applicationId: string }>();
  const apps = useApi(async () => {
    const call = await callsApi.manage(callId);
    return applicationsApi.list({ platformId: call.platform.id, callId, state: 'in_review', limit: 200 });
  }, [callId]);
  const experts = useApi(() => reviewRunsApi.searchExperts(q), [q]);
  const result = useApi<ExplainPair | undefined>(
    () =>
      pair ? conflictsApi.explain(callId, pair.expertId, pair.applicationId) : Promise.resolve(undefined),
    [callId, pair?.expertId, pair?.applicationId],
  );
  const r = result.data;
  return (
    <Card size="small" title={t('Explain a pair')} data-testid="conflicts-explain">
      <Form layout="inline" onFinish={(v: { expertId: string; applicationId: string }) => setPair(v)}>
        <Form.Item name="expertId" rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (s) => setQ(s || undefined) }}
            placeholder={t('Expert')}
            aria-label={t('Expert')}
            style={{ width: 220 }}
            options={(experts.data?.items ?? []).map((e) => ({
              value: e.id,
              label: pick(e.person.nameZh, e.person.nameEn, locale),
            }))}
          />
        </Form.Item>
        <Form.Item name="applicationId" rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('Application')}
            aria-label={t('Application')}
            style={{ width: 280 }}
            options={(apps.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.receiptNo ?? ''} ${pick(a.titleZh, a.titleEn, locale) ?? ''}`,
            }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('Explain')}</Button>
      </Form>
      {result.error ? <Alert type="error" title={errorText(t, result.error)} /> : null}
      {r && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text strong data-testid="explain-verdict">
            {r.excluded
              ? t('{{expert}} is excluded from {{application}}', {
                  expert: r.expert.name,
                  application: r.application.receiptNo ?? r.application.title ?? '',
                })
              : t('{{expert}} may review {{application}}', {
                  expert: r.expert.name,
                  application: r.application.receiptNo ?? r.application.title ?? '',
                })}
          </Typography.Text>
          <List
            size="small"
            dataSource={r.rules}
            renderItem={(rule) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <span>
                    <Tag color={rule.matched ? 'red' : 'green'}>
                      {rule.matched ? t('Matched') : t('Not matched')}
                    </Tag>
                    {t(RULE_KINDS_SHOWN[rule.kind])}
                  </span>
                  {rule.evidence.map((ev, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id of their own
                    <Typography.Text key={i}>{evidenceText(t, ev)}</Typography.Text>
                  ))}
                  {rule.reason && (
                    <Typography.Text type="secondary">
                      {t(REASONS_SHOWN[rule.reason] ?? rule.reason)}
                    </Typography.Text>
                  )}
                  {Array.isArray(rule.detail.outsideWindow) &&
                    (rule.detail.outsideWindow as Record<string, unknown>[]).map((ev, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id of their own
                      <Typography.Text key={i} type="secondary">
                        {t('Before {{cutoff}}', { cutoff: String(rule.detail.cutoff) })}:{' '}
                        {evidenceText(t, ev)}
                      </Typography.Text>
                    ))}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
