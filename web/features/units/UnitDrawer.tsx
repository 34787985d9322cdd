import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_POSITIONS, type StaffPosition } from '../../../common/platforms.js';
import { api } from '../../api/endpoints.js';
import type { StaffView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { localName, STAFF_POSITION_LABELS, UNIT_KIND_LABELS } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { UnitEvaluationsTab } from '../lab-evaluations/UnitEvaluationsTab.js';
import { AddStaffForm } from './AddStaffForm.js';

interface Props {
  unitId: string | null;
  onClose(): void;
  onChanged(): void;
}

/** One unit: its profile, and for role holders of the platform its director and staff with positions. */
export function UnitDrawer({ unitId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const unit = useApi(() => (unitId ? api.unit(unitId) : Promise.resolve(null)), [unitId]);
  const u = unit.data && unit.data.id === unitId ? unit.data : null;
  const manage = !!u?.access.canManageStaff;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      unit.reload();
      onChanged();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const position = (unitOf: string, s: StaffView, p: StaffPosition) =>
    act(() => api.updateStaff(unitOf, s.id, p), t('Position changed'));

  return (
    <Drawer
      open={!!unitId}
      onClose={onClose}
      size="large"
      title={u ? localName(u, locale) : t('Unit')}
      loading={unit.loading && !u}
      data-testid="unit-drawer"
    >
      {unit.error ? <Alert type="error" showIcon title={errorText(t, unit.error)} /> : null}
      {u && (
        <Tabs
          items={[
            { key: 'profile', label: t('Profile'), children: profile(u) },
            // The committee's results are for those with a role on the platform, like the staff.
            ...(u.personalDetails
              ? [
                  {
                    key: 'evaluations',
                    label: t('Evaluation results'),
                    children: <UnitEvaluationsTab unitId={u.id} />,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );

  function profile(u: NonNullable<typeof unit.data>) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('Chinese name')}>{u.nameZh}</Descriptions.Item>
          <Descriptions.Item label={t('English name')}>{u.nameEn}</Descriptions.Item>
          <Descriptions.Item label={t('Kind')}>{t(UNIT_KIND_LABELS[u.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('Code')}>{u.code ?? '—'}</Descriptions.Item>
          {u.personalDetails && (
            <Descriptions.Item label={t('Director')}>
              <span data-testid="unit-director-name">{u.director ? localName(u.director, locale) : '—'}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('Technology fields')}>
            <FieldTags fields={u.fields} />
          </Descriptions.Item>
          <Descriptions.Item label={t('Description')}>
            {(locale === 'zh-CN' ? u.descriptionZh : u.descriptionEn) ??
              u.descriptionZh ??
              u.descriptionEn ??
              '—'}
          </Descriptions.Item>
        </Descriptions>
        {u.personalDetails ? (
          <div>
            <Typography.Title level={5}>{t('Staff')}</Typography.Title>
            <Table<StaffView>
              scroll={WIDE}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={u.staff ?? []}
              data-testid="staff-table"
              locale={{ emptyText: t('No staff listed yet') }}
              columns={[
                {
                  title: t('Name'),
                  render: (_, s) => (
                    <Space orientation="vertical" size={0}>
                      {localName(s, locale)}
                      {s.title && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.title}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('Position'),
                  width: 150,
                  render: (_, s) =>
                    manage ? (
                      <Select<StaffPosition>
                        size="small"
                        value={s.position}
                        style={{ width: 130 }}
                        onChange={(p) => position(u.id, s, p)}
                        options={STAFF_POSITIONS.map((p) => ({
                          value: p,
                          label: t(STAFF_POSITION_LABELS[p]),
                        }))}
                        aria-label={t('Position')}
                      />
                    ) : (
                      t(STAFF_POSITION_LABELS[s.position])
                    ),
                },
                { title: t('Email'), render: (_, s) => s.email ?? '—' },
                ...(manage
                  ? [
                      {
                        title: t('Actions'),
                        ...actions(),
                        key: 'actions',
                        width: 80,
                        render: (_: unknown, s: StaffView) => (
                          <Popconfirm
                            title={t('Remove {{name}} from the staff?', { name: localName(s, locale) })}
                            okText={t('Remove')}
                            cancelText={t('Cancel')}
                            onConfirm={() =>
                              act(() => api.removeStaff(u.id, s.id), t('Removed from the staff'))
                            }
                          >
                            <Button type="link" size="small" danger>
                              {t('Remove')}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {manage && (
              <AddStaffForm
                unitId={u.id}
                onAdded={() => {
                  unit.reload();
                  onChanged();
                }}
              />
            )}
          </div>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('Directors and staff are shown to those who hold a role on this platform')}
          />
        )}
      </Space>
    );
  }
}
