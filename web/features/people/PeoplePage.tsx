import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import type { PersonView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { canCreatePeople } from '../../app/permissions.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { orgName } from '../../components/org-labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { platformName } from '../../i18n/labels.js';
import { ImportExport } from '../imports/ImportExport.js';
import { orgLink } from '../orgs/OrgDrawer.js';
import { PersonFormModal } from './PersonFormModal.js';

const PAGE_SIZE = 20;

/** The people directory: staff, unit directors and committee members of the platforms, and their contacts where the caller works with them. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const { list: platforms, nameOf } = usePlatforms();
  const [q, setQ] = useState('');
  const [platformId, setPlatformId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  // A fresh form per opening: antd keeps a form's values across openings, over new initial values.
  const [formKey, setFormKey] = useState(0);
  const edit = (p: PersonView | 'new') => {
    setFormKey((k) => k + 1);
    setEditing(p);
  };
  const people = useApi(
    () => api.people({ q: q || undefined, platformId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [q, platformId, page],
  );
  const creator = canCreatePeople(user);

  const remove = async (p: PersonView) => {
    try {
      await api.deletePerson(p.id);
      message.success(t('{{name}} deleted', { name: p.nameZh }));
      people.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const withheld = (
    <Tooltip title={t('Only people who work with this person see their contact details')}>
      <Tag>{t('Withheld')}</Tag>
    </Tooltip>
  );

  return (
    <Card>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Space wrap>
          <SearchBox
            label={t('Search people')}
            allowClear
            placeholder={t('Search by name (Chinese or English)')}
            style={{ width: 300 }}
            onSearch={(v) => {
              setPage(1);
              setQ(v.trim());
            }}
            data-testid="people-search"
          />
          <Select<string>
            allowClear
            aria-label={t('Platform')}
            placeholder={t('All platforms')}
            style={{ width: 260 }}
            value={platformId}
            onChange={(v) => {
              setPage(1);
              setPlatformId(v);
            }}
            showSearch={{ optionFilterProp: 'label' }}
            options={platforms.map((p) => ({ value: p.id, label: platformName(p, locale) ?? p.code }))}
          />
        </Space>
        <Space wrap style={{ marginLeft: 'auto' }}>
          <ImportExport kind="people" canImport={creator} onImported={people.reload} />
          {creator ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => edit('new')}>
              {t('New person')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {people.error ? (
        <Alert type="error" showIcon title={errorText(t, people.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<PersonView>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={people.loading}
        dataSource={people.data?.items ?? []}
        data-testid="people-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('{{count}} people', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('Full name'),
            width: 160,
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <span>{p.nameZh}</span>
                {p.nameEn ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.nameEn}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: t('person.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          {
            title: t('Organisation'),
            render: (_, p) =>
              p.organisation ? (
                <Link to={orgLink(p.organisation.id)}>{orgName(p.organisation, locale)}</Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('Email'),
            render: (_, p) => (p.contactHidden ? withheld : (p.email ?? '—')),
          },
          {
            title: t('Phone'),
            width: 140,
            render: (_, p) => (p.contactHidden ? withheld : (p.phone ?? '—')),
          },
          {
            title: t('Platforms'),
            render: (_, p) =>
              p.platformIds.length
                ? p.platformIds.map((id) => (
                    <Tag key={id} color="geekblue">
                      {nameOf(id)}
                    </Tag>
                  ))
                : '—',
          },
          {
            title: t('Actions'),
            ...actions(),
            width: 120,
            render: (_, p) =>
              p.access.edit ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => edit(p)}>
                    {t('Edit')}
                  </Button>
                  <Popconfirm
                    title={t('Delete {{name}}?', { name: p.nameZh })}
                    okText={t('Delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('Cancel')}
                    onConfirm={() => remove(p)}
                  >
                    <Button type="link" size="small" danger>
                      {t('Delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      <PersonFormModal
        key={formKey}
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          people.reload();
        }}
      />
    </Card>
  );
}
