import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  IdcardOutlined,
  LoginOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.js';
import { api } from '../../api/endpoints.js';
import type { HomeSummary, PlatformSummary } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';
import { MODEL_LABELS, platformName, roleLabel } from '../../i18n/labels.js';
import { ServiceDashboards } from '../service-dashboards/ServiceDashboards.js';
import { Workbench } from './Workbench.js';

const CARDS: ReadonlyArray<{ key: keyof HomeSummary; label: string; icon: ComponentType; color: string }> = [
  { key: 'platforms', label: tk('Platforms'), icon: BankOutlined, color: '#1d4ed8' },
  { key: 'myPlatforms', label: tk('My platforms'), icon: ClusterOutlined, color: '#0e7490' },
  { key: 'myRoles', label: tk('My roles'), icon: IdcardOutlined, color: '#7c3aed' },
  { key: 'users', label: tk('User accounts'), icon: TeamOutlined, color: '#b45309' },
  { key: 'activeSessions', label: tk('Active sessions'), icon: LoginOutlined, color: '#15803d' },
  { key: 'auditEntries', label: tk('Audit entries'), icon: AuditOutlined, color: '#be123c' },
];

export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const summary = useApi(() => api.homeSummary(), []);

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('Welcome, {{name}}', { name: user.displayName })}
      </Typography.Paragraph>
      <Workbench />
      <ServiceDashboards />
      {summary.error ? (
        <Alert type="error" showIcon title={errorText(t, summary.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('Overview')}
      </Typography.Title>
      <Row gutter={[16, 16]} data-testid="home-counts">
        {CARDS.map(({ key, label, icon: Icon, color }) => {
          const value = summary.data?.[key];
          // null: the server says this user may not see the count, so the card is not shown at all.
          if (summary.data && value === null) return null;
          return (
            <Col key={key} xs={24} sm={12} lg={8} xl={4}>
              <Card className="cl-stat-card" data-testid={`count-${key}`}>
                <Statistic
                  title={t(label)}
                  value={value ?? 0}
                  loading={summary.loading && !summary.data}
                  prefix={
                    <span style={{ color, marginInlineEnd: 4 }}>
                      <Icon />
                    </span>
                  }
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <MyRoles roles={user.roles} systemAdmin={user.isSystemAdmin} />
        </Col>
        <Col xs={24} xl={12}>
          <PlatformsCard />
        </Col>
      </Row>
    </div>
  );
}

function MyRoles({
  roles,
  systemAdmin,
}: {
  roles: ReadonlyArray<{ platformId: string; role: Role }>;
  systemAdmin: boolean;
}) {
  const { t } = useTranslation();
  const { nameOf } = usePlatforms();
  const byPlatform = new Map<string, Role[]>();
  for (const r of roles) byPlatform.set(r.platformId, [...(byPlatform.get(r.platformId) ?? []), r.role]);
  const rows = [...byPlatform].map(([platformId, list]) => ({ platformId, roles: list }));
  return (
    <Card title={t('My roles by platform')} data-testid="my-roles">
      {systemAdmin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('You are a system administrator: you manage all accounts and platforms.')}
        />
      )}
      {rows.length === 0 ? (
        <Empty description={t('You hold no role on any platform yet')} />
      ) : (
        <Table
          scroll={WIDE}
          size="small"
          pagination={false}
          rowKey="platformId"
          dataSource={rows}
          columns={[
            { title: t('Platform'), dataIndex: 'platformId', render: (id: string) => nameOf(id) },
            {
              title: t('Roles'),
              dataIndex: 'roles',
              render: (list: Role[]) =>
                list.map((r) => (
                  <Tag key={r} color="blue">
                    {roleLabel(t, r)}
                  </Tag>
                )),
            },
          ]}
        />
      )}
    </Card>
  );
}

function PlatformsCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { list, loading } = usePlatforms();
  return (
    <Card title={t('Platforms')} data-testid="platform-list">
      {loading ? (
        <Skeleton active />
      ) : (
        <Table<PlatformSummary>
          scroll={WIDE}
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={list}
          columns={[
            { title: t('Code'), dataIndex: 'code', width: 100 },
            { title: t('Name'), render: (_, p) => platformName(p, locale) },
            {
              title: t('Construction model'),
              dataIndex: 'model',
              render: (m: PlatformSummary['model']) => t(MODEL_LABELS[m]),
            },
          ]}
        />
      )}
    </Card>
  );
}
