import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlatformDetail } from '../../../api/types.js';
import { useLocale } from '../../../app/locale.js';
import { monthLabel } from '../../../components/labels.js';
import { MODEL_LABELS } from '../../../i18n/labels.js';
import { Ratings } from './Ratings.js';

const pick = (locale: string, zh: string | null, en: string | null) =>
  (locale === 'zh-CN' ? (zh ?? en) : (en ?? zh)) ?? '—';

/** The platform's profile as the source document describes a platform (DOMAIN.md §1). */
export function ProfileTab({ platform: p }: { platform: PlatformDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <div data-testid="platform-profile">
      {p.isIllustrative ? (
        <Alert
          type="warning"
          showIcon
          title={t('Some figures of this platform are illustrative, not from a source')}
          description={p.notes ?? undefined}
          style={{ marginBottom: 16 }}
          data-testid="illustrative-note"
        />
      ) : p.notes ? (
        <Alert type="info" showIcon title={p.notes} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('Chinese name')}>{p.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('English name')}>{p.nameEn}</Descriptions.Item>
        <Descriptions.Item label={t('Code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={t('Construction model')}>{t(MODEL_LABELS[p.model])}</Descriptions.Item>
        <Descriptions.Item label={t('Supervising department')}>
          {pick(locale, p.supervisingDepartmentZh, p.supervisingDepartmentEn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('Committee appointed by')}>
          {pick(locale, p.committeeAppointerZh, p.committeeAppointerEn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('Government participation')} span={2}>
          <Ratings ratings={{ funding: p.ratingFunding, rd: p.ratingRd, management: p.ratingManagement }} />
        </Descriptions.Item>
        <Descriptions.Item label={t('Fiscal year starts')}>
          {monthLabel(t, p.fiscalYearStartMonth)}
        </Descriptions.Item>
        <Descriptions.Item label={t('Default currency')}>{p.defaultCurrency}</Descriptions.Item>
        <Descriptions.Item label={t('Country')}>{p.country ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('Founded')}>{p.foundedYear ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('Description')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {pick(locale, p.descriptionZh, p.descriptionEn)}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
