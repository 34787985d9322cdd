import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.js';
import type { FieldSummary, FieldTree } from '../api/types.js';
import { useLocale } from '../app/locale.js';
import { useApi } from '../app/useApi.js';
import { localName } from './labels.js';

interface Props {
  value?: string[];
  onChange?(ids: string[]): void;
  /** Fields already assigned stay choosable even when retired, so saving does not drop them. */
  keep?: FieldSummary[];
  id?: string;
  testId?: string;
}

export function treeData(tree: FieldTree | undefined, locale: string, keep: Set<string>) {
  return (tree?.items ?? [])
    .filter((f) => !f.retired || keep.has(f.id))
    .map((f) => ({
      value: f.id,
      title: localName(f, locale),
      children: f.children
        .filter((c) => !c.retired || keep.has(c.id))
        .map((c) => ({ value: c.id, title: localName(c, locale) })),
    }));
}

/** The two-level taxonomy as a searchable, checkable tree; a field and its sub-fields are chosen separately. */
export function FieldTreeSelect({ value, onChange, keep = [], id, testId }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tree = useApi(() => api.fields(true), []);
  const keepIds = useMemo(() => new Set(keep.map((f) => f.id)), [keep]);
  const data = useMemo(() => treeData(tree.data, locale, keepIds), [tree.data, locale, keepIds]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      treeData={data}
      loading={tree.loading}
      multiple
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={t('Choose technology fields')}
      // A filter outside a form has no <label> of its own; inside one, the form item's label names it.
      aria-label={id ? undefined : t('Choose technology fields')}
      style={{ width: '100%' }}
      maxTagCount="responsive"
    />
  );
}

/** Fields as tags, sub-fields after their parent's name. */
export function FieldTags({ fields }: { fields: FieldSummary[] }) {
  const { locale } = useLocale();
  if (fields.length === 0) return <>—</>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {fields.map((f) => (
        <Tag key={f.id} color={f.parentId ? 'cyan' : 'blue'} title={f.code} style={{ marginInlineEnd: 0 }}>
          {localName(f, locale)}
        </Tag>
      ))}
    </span>
  );
}
