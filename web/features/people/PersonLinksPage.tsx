import { Alert, App, Button, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MyLinkRequest, personLinksApi } from '../../api/people-links.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

/**
 * /account/person-links: proposals to link a person record to the signed-in account. Accepting makes the
 * account act as that person (a lab director on their unit, an expert on their reviews), so only the
 * account's owner answers (docs/adr/0013).
 */
export default function PersonLinksPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => personLinksApi.mine(), []);
  const answer = async (r: MyLinkRequest, how: 'accept' | 'decline') => {
    try {
      await personLinksApi.answer(r.id, how);
      message.success(how === 'accept' ? t('personLinks.accepted') : t('personLinks.declined'));
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const name = (r: MyLinkRequest) =>
    locale === 'zh-CN' || !r.person.nameEn ? r.person.nameZh : r.person.nameEn;
  const org = (r: MyLinkRequest) =>
    r.person.organisation
      ? locale === 'zh-CN' || !r.person.organisation.nameEn
        ? r.person.organisation.nameZh
        : r.person.organisation.nameEn
      : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="person-links-page">
      <Typography.Paragraph type="secondary">{t('personLinks.explain')}</Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <List<MyLinkRequest>
        bordered
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="person-links-list"
        locale={{ emptyText: t('personLinks.none') }}
        renderItem={(r) => (
          <List.Item
            data-testid={`person-link-${r.id}`}
            actions={[
              <Popconfirm
                key="accept"
                title={t('personLinks.acceptConfirm', { name: name(r) })}
                okText={t('personLinks.accept')}
                cancelText={t('Cancel')}
                onConfirm={() => answer(r, 'accept')}
              >
                <Button type="primary" size="small" data-testid="person-link-accept">
                  {t('personLinks.accept')}
                </Button>
              </Popconfirm>,
              <Button
                key="decline"
                size="small"
                onClick={() => answer(r, 'decline')}
                data-testid="person-link-decline"
              >
                {t('personLinks.decline')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={[name(r), r.person.title, org(r)].filter(Boolean).join(' · ')}
              description={t('personLinks.proposedBy', {
                name: r.requestedBy ?? '—',
                at: formatTime(r.requestedAt, locale),
              })}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
