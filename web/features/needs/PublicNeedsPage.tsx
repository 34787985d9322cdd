import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { needsApi } from '../../api/needs.js';
import { useApi } from '../../app/useApi.js';
import { LoadFailed } from '../../components/feedback.js';
import { formatMoney } from '../../components/money.js';

/** The portal's open public needs (no sign-in): what enterprises are looking for; the enterprise is not named. */
export default function PublicNeedsPage() {
  const { t, i18n } = useTranslation();
  const list = useApi(() => needsApi.publicList(), []);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('Technology needs')}
        </Typography.Title>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <List
        loading={list.loading}
        data-testid="public-needs"
        dataSource={list.data?.items ?? []}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={n.title}
              description={
                <Space direction="vertical">
                  <span>{n.problem}</span>
                  <span>
                    {t('Budget')}:{' '}
                    {n.budgetMinor === null ? '—' : formatMoney(n.budgetMinor, n.currency, 2, i18n.language)}{' '}
                    · {t('Deadline')}: {n.deadline ?? '—'}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
