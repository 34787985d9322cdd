import { Alert, Card, Descriptions, Space, Spin, Tabs, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { callsApi } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { pick } from '../../components/labels.js';
import { CallStateTag } from '../../components/StateTags.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { CALL_REVIEW_TABS } from './call-tabs.js';
import { ReviewSettingsForm } from './ReviewSettingsForm.js';

/** /review/:callId[?tab=…]: the call, its review settings, then the tabs of the work (conflicts … decision). */
export default function ReviewCallPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { callId = '' } = useParams();
  // The open tab is in the address (?tab=assignment), so a notification or a shared link opens it.
  const [search, setSearch] = useSearchParams();
  const tab = CALL_REVIEW_TABS.find((x) => x.key === search.get('tab'))?.key ?? CALL_REVIEW_TABS[0]!.key;
  const call = useApi(() => callsApi.manage(callId), [callId]);
  if (call.error) return <Alert type="error" showIcon title={errorText(t, call.error)} />;
  const c = call.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="review-call-page">
      <Link to="/review">{t('Expert review')}</Link>
      <Card loading={call.loading}>
        {c ? (
          <>
            <Typography.Title level={4}>
              {pick(c.titleZh, c.titleEn, locale)} <CallStateTag state={c.effectiveState} />
            </Typography.Title>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('Code')}>{c.code}</Descriptions.Item>
              <Descriptions.Item label={t('Closes at')}>{zonedTime(c.closesAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('Reviewers per application')}>
                {c.reviewersPerApplication}
              </Descriptions.Item>
            </Descriptions>
            <ReviewSettingsForm callId={callId} platformId={c.platform.id} />
          </>
        ) : null}
      </Card>
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={CALL_REVIEW_TABS.map((tab) => ({
          key: tab.key,
          label: t(tab.label),
          children: (
            <Suspense fallback={<Spin />}>
              <tab.component callId={callId} />
            </Suspense>
          ),
        }))}
      />
    </Space>
  );
}
