import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { CommitteeMember, PlatformDetail } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { CATEGORY_COLORS, COMMITTEE_CATEGORY_LABELS, localName } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { ImportExport } from '../imports/ImportExport.js';
import { CompositionChart } from './CompositionChart.js';
import { MemberModal } from './MemberModal.js';

/** The evaluation committee: composition by category for everyone, members for the platform's role holders. */
export default function CommitteeTab({
  platform,
  onChanged,
}: {
  platform: PlatformDetail;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [editing, setEditing] = useState<CommitteeMember | 'new' | null>(null);
  const canSee = platform.access.canSeePeople;
  const committee = useApi(
    () => (canSee ? api.committee(platform.id, includeEnded) : Promise.resolve(null)),
    [platform.id, includeEnded, canSee],
  );
  const canEdit = committee.data?.access.canEdit ?? false;
  const appointer =
    (locale === 'zh-CN' ? platform.committeeAppointerZh : platform.committeeAppointerEn) ??
    platform.committeeAppointerZh ??
    platform.committeeAppointerEn;
  const composition = committee.data?.composition ?? platform.committeeComposition;

  const changed = () => {
    committee.reload();
    onChanged();
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      changed();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const status = (m: CommitteeMember) => {
    if (m.serving) return <Tag color="green">{t('Serving')}</Tag>;
    if (m.termStart > new Date().toISOString().slice(0, 10))
      return <Tag color="blue">{t('Not started')}</Tag>;
    return <Tag>{t('Term ended')}</Tag>;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="committee-tab">
      <Card
        size="small"
        title={t('Composition by category')}
        extra={
          <Typography.Text type="secondary">
            {t('Committee appointed by')}: <span data-testid="committee-appointer">{appointer ?? '—'}</span>
          </Typography.Text>
        }
        style={{ maxWidth: 720 }}
      >
        <CompositionChart composition={composition} />
      </Card>
      <div>
        {!canSee ? (
          <Alert
            type="info"
            showIcon
            title={t('Members are shown to those who hold a role on this platform')}
          />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Space>
                <Switch
                  checked={includeEnded}
                  onChange={setIncludeEnded}
                  aria-label={t('Show ended terms')}
                />
                <span>{t('Show ended terms')}</span>
              </Space>
              <Space wrap>
                <ImportExport
                  kind="committee"
                  platformId={platform.id}
                  canImport={canEdit}
                  onImported={changed}
                />
                {canEdit && (
                  <Button
                    type="primary"
                    icon={<UserAddOutlined />}
                    onClick={() => setEditing('new')}
                    data-testid="appoint-member"
                  >
                    {t('Appoint a member')}
                  </Button>
                )}
              </Space>
            </Space>
            {committee.error ? <Alert type="error" showIcon title={errorText(t, committee.error)} /> : null}
            <Table<CommitteeMember>
              rowKey="id"
              size="middle"
              loading={committee.loading}
              dataSource={committee.data?.items ?? []}
              pagination={false}
              data-testid="committee-table"
              scroll={WIDE}
              columns={[
                {
                  title: t('Name'),
                  width: 190,
                  render: (_, m) => (
                    <Space orientation="vertical" size={0}>
                      {localName(m.person, locale)}
                      {m.person.title && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.person.title}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('Category'),
                  render: (_, m) => (
                    <Tag color={CATEGORY_COLORS[m.category]}>{t(COMMITTEE_CATEGORY_LABELS[m.category])}</Tag>
                  ),
                },
                {
                  title: t('Organisation'),
                  render: (_, m) => (m.organisation ? localName(m.organisation, locale) : '—'),
                },
                { title: t('Technology fields'), render: (_, m) => <FieldTags fields={m.fields} /> },
                {
                  title: t('Term'),
                  render: (_, m) => (
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {m.termStart} – {m.termEnd ?? t('open-ended')}
                    </span>
                  ),
                },
                { title: t('Status'), render: (_, m) => status(m) },
                {
                  title: t('Actions'),
                  ...actions(),
                  render: (_, m) =>
                    canEdit ? (
                      <Space size={0} wrap>
                        <Button type="link" size="small" onClick={() => setEditing(m)}>
                          {t('Edit')}
                        </Button>
                        {m.serving && (
                          <Popconfirm
                            title={t('End the term of {{name}} today?', {
                              name: localName(m.person, locale),
                            })}
                            okText={t('End term')}
                            cancelText={t('Cancel')}
                            onConfirm={() => act(() => api.endCommitteeTerm(m.id), t('Term ended'))}
                          >
                            <Button type="link" size="small">
                              {t('End term')}
                            </Button>
                          </Popconfirm>
                        )}
                        <Popconfirm
                          title={t('Remove {{name}}? Only for a member entered by mistake.', {
                            name: localName(m.person, locale),
                          })}
                          okText={t('Remove')}
                          cancelText={t('Cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => act(() => api.removeCommitteeMember(m.id), t('Member removed'))}
                        >
                          <Button type="link" size="small" danger>
                            {t('Remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Space>
        )}
      </div>
      <MemberModal
        platformId={platform.id}
        appointer={appointer}
        member={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          changed();
        }}
      />
    </Space>
  );
}
