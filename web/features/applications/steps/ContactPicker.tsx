import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApplicationMember, applicationsApi } from '../../../api/applications.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { localName } from '../../../components/labels.js';

/**
 * Picks the contact person of a consortium member among the people the directory lists for its
 * organisation. A Form control: value is the person id; `current` labels a stored contact.
 */
export function ContactPicker({
  organisationId,
  value,
  onChange,
  current,
  testId,
}: {
  organisationId: string | undefined;
  value?: string | null;
  onChange?(id: string | null): void;
  current?: ApplicationMember['contact'];
  testId?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const people = useApi(
    () => (organisationId ? applicationsApi.contacts(organisationId) : Promise.resolve(null)),
    [organisationId],
  );
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [localName(p, locale), p.title].filter(Boolean).join(' · '),
  }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: localName(current, locale) });
  return (
    <Select<string>
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={people.loading}
      disabled={!organisationId}
      placeholder={t('Contact person')}
      options={options}
      style={{ width: 200 }}
      data-testid={testId}
      aria-label={t('Contact person')}
    />
  );
}
