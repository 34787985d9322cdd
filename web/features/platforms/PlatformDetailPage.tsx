import { ApartmentOutlined, ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import { useLocale } from '../../app/locale.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { Centered, IllustrativeTag, LoadFailed } from '../../components/feedback.js';
import { localName, MODEL_COLORS } from '../../components/labels.js';
import { MODEL_LABELS } from '../../i18n/labels.js';
import CommitteeTab from '../committee/CommitteeTab.js';
import UnitsTab from '../units/UnitsTab.js';
import { FieldsTab } from './FieldsTab.js';
import { FundingTab } from './funding/FundingTab.js';
import { ProfileTab } from './profile/ProfileTab.js';
import { ReminderSettingsTab } from './reminders/ReminderSettingsTab.js';

const TABS = ['profile', 'funding', 'fields', 'units', 'committee', 'reminders'] as const;
type Tab = (typeof TABS)[number];

/** The roles of a platform that follow every project of it, and so read its reminder settings. */
const FOLLOW_PROJECTS = ['platform_admin', 'program_officer', 'supervisor'];

/**
 * One platform: profile, funding, fields, units and committee as tabs (/platforms/:id/:tab), and the
 * reminders of reports due for those who follow its projects.
 */
export default function PlatformDetailPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { id = '', tab } = useParams();
  const { user } = useSignedIn();
  const detail = useApi(() => api.platform(id), [id]);
  const followsProjects =
    user.isSystemAdmin || user.roles.some((r) => r.platformId === id && FOLLOW_PROJECTS.includes(r.role));
  const tabs = TABS.filter((k) => k !== 'reminders' || followsProjects);
  const active: Tab = tabs.includes(tab as Tab) ? (tab as Tab) : 'profile';

  if (detail.error) return <LoadFailed error={detail.error} />;
  const p = detail.data;
  if (!p || p.id !== id) return <Centered />;

  const body: Record<Tab, { label: string; node: ReactNode }> = {
    profile: { label: t('Profile'), node: <ProfileTab platform={p} /> },
    funding: { label: t('Funding by source'), node: <FundingTab platform={p} onSaved={detail.reload} /> },
    fields: { label: t('Fields covered'), node: <FieldsTab platform={p} onSaved={detail.reload} /> },
    units: { label: t('Units'), node: <UnitsTab platform={p} onChanged={detail.reload} /> },
    committee: {
      label: t('Evaluation committee'),
      node: <CommitteeTab platform={p} onChanged={detail.reload} />,
    },
    reminders: { label: t('Report reminders'), node: <ReminderSettingsTab platformId={p.id} /> },
  };

  return (
    <Card data-testid="platform-detail">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap align="start">
        <Space orientation="vertical" size={2}>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => navigate('/platforms')}
          >
            {t('All platforms')}
          </Button>
          <Space wrap size={8}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="platform-name">
              {localName(p, locale)}
            </Typography.Title>
            <Tag>{p.code}</Tag>
            <Tag color={MODEL_COLORS[p.model]}>{t(MODEL_LABELS[p.model])}</Tag>
            {p.isIllustrative && <IllustrativeTag note={p.notes} />}
          </Space>
          <Typography.Text type="secondary">{locale === 'zh-CN' ? p.nameEn : p.nameZh}</Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/org-chart/${p.id}`)}>
            {t('Organisation chart')}
          </Button>
          {p.access.canEdit && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/platforms/${p.id}/edit`)}
              data-testid="edit-platform"
            >
              {t('Edit profile')}
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(k === 'profile' ? `/platforms/${p.id}` : `/platforms/${p.id}/${k}`)}
        items={tabs.map((k) => ({ key: k, label: body[k].label, children: body[k].node }))}
        data-testid="platform-tabs"
        destroyOnHidden
      />
    </Card>
  );
}
