import { Alert, App, Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type ApplicationList, applicationsApi } from '../../api/applications.js';
import { useLocale } from '../../app/locale.js';
import { pick } from '../../components/labels.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

type Draft = ApplicationList['items'][number];

/**
 * 申报: opens the applicant's unsubmitted draft of this call rather than starting another blank one each
 * time. With no draft it starts one; with drafts it asks which to continue, or whether to start anew
 * (an applicant may apply with several projects to one call).
 */
export function ApplyButton({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);

  const create = async () => {
    setBusy(true);
    try {
      const created = await applicationsApi.create(callId, {});
      navigate(`/applications/${created.id}`);
    } catch (err) {
      message.error(errorText(t, err));
      setBusy(false);
    }
  };
  const apply = async () => {
    setBusy(true);
    try {
      const mine = await applicationsApi.list({ callId, state: 'draft', limit: 20 });
      if (mine.items.length === 0) return await create();
      setDrafts(mine.items);
      setBusy(false);
    } catch (err) {
      message.error(errorText(t, err));
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={apply} loading={busy} data-testid="apply">
        {t('Apply')}
      </Button>
      <Modal
        open={drafts !== null}
        title={t('You already have a draft for this call')}
        onCancel={() => setDrafts(null)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setDrafts(null)}>
            {t('Cancel')}
          </Button>,
          <Button key="new" onClick={create} loading={busy} data-testid="apply-new-draft">
            {t('Start a new application')}
          </Button>,
        ]}
      >
        <Alert type="info" showIcon title={t('Continue the draft, or start a new application')} />
        <List
          data-testid="apply-drafts"
          dataSource={drafts ?? []}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="open"
                  type="primary"
                  onClick={() => navigate(`/applications/${d.id}`)}
                  data-testid="apply-continue"
                >
                  {t('Continue editing')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={pick(d.titleZh, d.titleEn, locale) || t('Untitled application')}
                description={
                  <Typography.Text type="secondary">
                    {t('Last saved {{time}}', { time: zonedTime(d.updatedAt, locale) })}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
