import { InputNumber, Segmented, Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/endpoints.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { localName } from '../../../components/labels.js';

export interface ReportFilter {
  from: number;
  to: number;
  basis: 'fiscal' | 'calendar';
  unitId?: string;
  fieldId?: string;
}

/** Period (first and last year), fiscal or calendar years, and an optional unit and technology field. */
export function ReportFilters({
  platformId,
  value,
  onChange,
}: {
  platformId: string;
  value: ReportFilter;
  onChange(next: ReportFilter): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const units = useApi(() => api.units(platformId), [platformId]);
  const fields = useApi(() => api.fields(false), []);
  const tree = useMemo(
    () =>
      (fields.data?.items ?? []).map((f) => ({
        value: f.id,
        title: `${localName(f, locale)} · ${f.code}`,
        children: f.children.map((c) => ({ value: c.id, title: `${localName(c, locale)} · ${c.code}` })),
      })),
    [fields.data, locale],
  );
  const set = (patch: Partial<ReportFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size="middle" data-testid="report-filters">
      <Space>
        <span>{t('From year')}</span>
        <InputNumber
          min={1900}
          max={2200}
          value={value.from}
          onChange={(v) => typeof v === 'number' && set({ from: v })}
          data-testid="report-from"
          aria-label={t('From year')}
        />
        <span>{t('To year')}</span>
        <InputNumber
          min={1900}
          max={2200}
          value={value.to}
          onChange={(v) => typeof v === 'number' && set({ to: v })}
          data-testid="report-to"
          aria-label={t('To year')}
        />
      </Space>
      <Segmented
        value={value.basis}
        onChange={(v) => set({ basis: v as ReportFilter['basis'] })}
        options={[
          { value: 'fiscal', label: t('Fiscal years') },
          { value: 'calendar', label: t('Calendar years') },
        ]}
        data-testid="report-basis"
      />
      <Select<string>
        allowClear
        placeholder={t('All units')}
        value={value.unitId}
        onChange={(v) => set({ unitId: v })}
        style={{ minWidth: 220 }}
        loading={units.loading}
        aria-label={t('Unit')}
        data-testid="report-unit"
        options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
      />
      <TreeSelect<string>
        allowClear
        placeholder={t('All technology fields')}
        value={value.fieldId}
        onChange={(v) => set({ fieldId: v })}
        treeData={tree}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        style={{ minWidth: 260 }}
        aria-label={t('Technology field')}
        data-testid="report-field"
      />
    </Space>
  );
}
