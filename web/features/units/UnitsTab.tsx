import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import type { PlatformDetail, UnitView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { localName, UNIT_KIND_LABELS } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { UnitDrawer } from './UnitDrawer.js';
import { UnitFormModal } from './UnitFormModal.js';

/** The platform's labs, centres and offices; a unit opens in a drawer (?unit=id) with its staff. */
export default function UnitsTab({ platform, onChanged }: { platform: PlatformDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  const units = useApi(() => api.units(platform.id), [platform.id]);
  const items = units.data?.items ?? [];
  const personal = items.some((u) => u.personalDetails);
  const openUnit = params.get('unit');

  const changed = () => {
    units.reload();
    onChanged();
  };
  const remove = async (u: UnitView) => {
    try {
      await api.deleteUnit(u.id);
      message.success(t('Unit {{name}} deleted', { name: localName(u, locale) }));
      changed();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const show = (id: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('unit', id);
      else next.delete('unit');
      return next;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="units-tab">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('{{count}} units', { count: items.length })}</Typography.Text>
        {platform.access.canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="add-unit"
          >
            {t('New unit')}
          </Button>
        )}
      </Space>
      {units.error ? <Alert type="error" showIcon title={errorText(t, units.error)} /> : null}
      <Table<UnitView>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={units.loading}
        dataSource={items}
        pagination={false}
        data-testid="units-table"
        columns={[
          { title: t('Code'), dataIndex: 'code', width: 90, render: (c: string | null) => c ?? '—' },
          {
            title: t('Name'),
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                <Typography.Link onClick={() => show(u.id)}>{localName(u, locale)}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {locale === 'zh-CN' ? u.nameEn : u.nameZh}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('Kind'), width: 90, render: (_, u) => <Tag>{t(UNIT_KIND_LABELS[u.kind])}</Tag> },
          ...(personal
            ? [
                {
                  title: t('Director'),
                  key: 'director',
                  render: (_: unknown, u: UnitView) => (u.director ? localName(u.director, locale) : '—'),
                },
                {
                  title: t('Staff'),
                  key: 'staff',
                  width: 70,
                  render: (_: unknown, u: UnitView) => u.staffCount ?? 0,
                },
              ]
            : []),
          { title: t('Technology fields'), render: (_, u) => <FieldTags fields={u.fields} /> },
          {
            title: t('Actions'),
            ...actions(),
            width: 200,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => show(u.id)}>
                  {u.personalDetails ? t('Staff') : t('Details')}
                </Button>
                {u.access.canEdit && (
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t('Edit')}
                  </Button>
                )}
                {u.access.canEdit && (
                  <Popconfirm
                    title={t('Delete {{name}} and its staff list?', { name: localName(u, locale) })}
                    okText={t('Delete')}
                    cancelText={t('Cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(u)}
                  >
                    <Button type="link" size="small" danger>
                      {t('Delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UnitFormModal
        platformId={platform.id}
        unit={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          changed();
        }}
      />
      <UnitDrawer unitId={openUnit} onClose={() => show(null)} onChanged={changed} />
    </Space>
  );
}
