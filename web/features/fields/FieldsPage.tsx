import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { FieldView } from '../../api/types.js';
import { useApi } from '../../app/useApi.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { type FieldEdit, FieldModal } from './FieldModal.js';

type Row = FieldView & { children?: Row[] };

/**
 * The technology-field taxonomy (DOMAIN.md §2): two levels, both languages, codes. A field in use cannot
 * be deleted (the server answers 409 fields.in_use); it is retired instead and stays on old records.
 */
export default function FieldsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showRetired, setShowRetired] = useState(true);
  const [edit, setEdit] = useState<FieldEdit | null>(null);
  const tree = useApi(() => api.fields(true), []);
  const rows: Row[] = (tree.data?.items ?? [])
    .filter((f) => showRetired || !f.retired)
    .map(({ children, ...f }) => {
      const kids = children.filter((c) => showRetired || !c.retired);
      return kids.length ? { ...f, children: kids } : f;
    });

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      tree.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Card>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Switch checked={showRetired} onChange={setShowRetired} aria-label={t('Show retired fields')} />
          <span>{t('Show retired fields')}</span>
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEdit({ parentId: null })}
          data-testid="new-field"
        >
          {t('New field')}
        </Button>
      </Space>
      {tree.error ? (
        <Alert type="error" showIcon title={errorText(t, tree.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Row>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={tree.loading}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={tree.data ? 'loaded' : 'loading'}
        data-testid="fields-table"
        columns={[
          {
            title: t('Code'),
            dataIndex: 'code',
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          { title: t('Chinese name'), dataIndex: 'nameZh' },
          { title: t('English name'), dataIndex: 'nameEn' },
          {
            title: t('Status'),
            width: 100,
            render: (_, f) =>
              f.retired ? <Tag>{t('Retired')}</Tag> : <Tag color="green">{t('Active')}</Tag>,
          },
          {
            title: t('Actions'),
            ...actions(),
            width: 330,
            render: (_, f) => (
              <Space size={0} wrap>
                {!f.parentId && !f.retired && (
                  <Button type="link" size="small" onClick={() => setEdit({ parentId: f.id })}>
                    {t('Add sub-field')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setEdit({ field: f })}>
                  {t('Edit')}
                </Button>
                {f.retired ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      act(
                        () => api.setFieldRetired(f.id, false),
                        t('Field {{code}} reactivated', { code: f.code }),
                      )
                    }
                  >
                    {t('Reactivate')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('Retire {{code}}? It stays on existing records but can no longer be chosen.', {
                      code: f.code,
                    })}
                    okText={t('Retire')}
                    cancelText={t('Cancel')}
                    onConfirm={() =>
                      act(
                        () => api.setFieldRetired(f.id, true),
                        t('Field {{code}} retired', { code: f.code }),
                      )
                    }
                  >
                    <Button type="link" size="small">
                      {t('Retire')}
                    </Button>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={t('Delete {{code}}?', { code: f.code })}
                  okText={t('Delete')}
                  cancelText={t('Cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    act(() => api.deleteField(f.id), t('Field {{code}} deleted', { code: f.code }))
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('Delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FieldModal
        edit={edit}
        tree={tree.data}
        onClose={() => setEdit(null)}
        onDone={() => {
          setEdit(null);
          tree.reload();
        }}
      />
    </Card>
  );
}
