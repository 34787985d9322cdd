import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlatformSummary } from '../api/types.js';
import { useLocale } from '../app/locale.js';
import { MODEL_LABELS } from '../i18n/labels.js';
import { localName } from './labels.js';

/** Chooses a platform, grouped by construction model. */
export function PlatformSelect({
  platforms,
  value,
  onChange,
  allLabel,
}: {
  platforms: PlatformSummary[];
  value: string | undefined;
  onChange(id: string): void;
  /** When given, a first option (value '') that stands for all of the user's platforms. */
  allLabel?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const models = [...new Set(platforms.map((p) => p.model))];
  return (
    <Select<string>
      value={value ?? (allLabel ? '' : undefined)}
      onChange={onChange}
      style={{ minWidth: 320 }}
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t('Platform')}
      data-testid="platform-select"
      options={[
        ...(allLabel ? [{ value: '', label: allLabel }] : []),
        ...models.map((m) => ({
          label: t(MODEL_LABELS[m]),
          title: t(MODEL_LABELS[m]),
          options: platforms
            .filter((p) => p.model === m)
            .map((p) => ({ value: p.id, label: `${localName(p, locale)} (${p.code})` })),
        })),
      ]}
    />
  );
}

/** Where the organisation chart opens without a platform: NIST in the demo, else the first platform. */
export function defaultPlatform(platforms: PlatformSummary[], mine: string[] = []): string | undefined {
  return (
    platforms.find((p) => mine.includes(p.id))?.id ??
    platforms.find((p) => p.code === 'NIST')?.id ??
    platforms[0]?.id
  );
}
