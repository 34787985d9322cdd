import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import type { OrgDetail } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import {
  countryName,
  ORG_TYPE_LABELS,
  orgName,
  referenceLabel,
  SIZE_LABELS,
} from '../../components/org-labels.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

/** The link that opens an organisation in the registry page's drawer (?org=id), from anywhere. */
export const orgLink = (id: string) => `/registry/orgs?org=${encodeURIComponent(id)}`;

const dash = (v: string | null | undefined) => v || '—';

/** One organisation in full; a merged one points at its survivor. `version` reloads it after an edit. */
export function OrgDrawer({
  id,
  version,
  onClose,
  onEdit,
}: {
  id: string | null;
  version: number;
  onClose(): void;
  onEdit(org: OrgDetail): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const detail = useApi(() => (id ? api.org(id) : Promise.resolve(undefined)), [id, version]);
  const org = detail.data && detail.data.id === id ? detail.data : undefined;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={600}
      title={org ? orgName(org, locale) : t('Organisation')}
      extra={
        org?.canManage && !org.mergedIntoId ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(org)}>
            {t('Edit')}
          </Button>
        ) : null
      }
    >
      {detail.error ? <Alert type="error" showIcon title={errorText(t, detail.error)} /> : null}
      {!org && !detail.error ? <Skeleton active /> : null}
      {org ? <Detail org={org} /> : null}
    </Drawer>
  );
}

function Detail({ org }: { org: OrgDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const refs = Object.entries(org.references).filter(([, n]) => n > 0);
  const contacts = org.contactName !== undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="org-detail">
      {org.mergedInto ? (
        <Alert
          type="warning"
          showIcon
          data-testid="merged-into"
          title={
            <span>
              {t('Merged into')}{' '}
              <Link to={orgLink(org.mergedInto.id)}>{orgName(org.mergedInto, locale)}</Link>
            </span>
          }
          description={t('Merged organisations are kept as a redirect and can no longer be changed.')}
        />
      ) : null}
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 170 } }}
        items={[
          { key: 'nameZh', label: t('Name (Chinese or native)'), children: org.nameZh },
          { key: 'nameEn', label: t('English name'), children: dash(org.nameEn) },
          {
            key: 'type',
            label: t('Type'),
            children: (
              <Space size={4}>
                <Tag color="blue">{t(ORG_TYPE_LABELS[org.type])}</Tag>
                {org.enterpriseSize ? <Tag>{t(SIZE_LABELS[org.enterpriseSize])}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'creditCode',
            label: t('Unified social credit code'),
            children: <Typography.Text code={!!org.creditCode}>{dash(org.creditCode)}</Typography.Text>,
          },
          { key: 'registryId', label: t('Other registry id'), children: dash(org.registryId) },
          {
            key: 'country',
            label: t('Country or region'),
            children: `${countryName(org.country, locale)} (${org.country})`,
          },
          { key: 'address', label: t('Address'), children: dash(org.address) },
          {
            key: 'website',
            label: t('Website'),
            children: org.website ? (
              <a href={org.website} target="_blank" rel="noopener noreferrer">
                {org.website}
              </a>
            ) : (
              '—'
            ),
          },
          ...(contacts
            ? [
                { key: 'contactName', label: t('Contact person'), children: dash(org.contactName) },
                { key: 'contactPhone', label: t('Phone'), children: dash(org.contactPhone) },
                { key: 'contactEmail', label: t('Email'), children: dash(org.contactEmail) },
              ]
            : []),
          { key: 'createdAt', label: t('Created'), children: formatTime(org.createdAt, locale) },
          { key: 'updatedAt', label: t('Updated'), children: formatTime(org.updatedAt, locale) },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('Records that refer to it')}</Typography.Title>
        {refs.length ? (
          <Descriptions
            column={1}
            size="small"
            data-testid="org-references"
            items={refs.map(([key, n]) => ({ key, label: referenceLabel(t, key), children: n }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('No records refer to it')} />
        )}
      </div>
    </Space>
  );
}
