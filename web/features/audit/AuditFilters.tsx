import { Button, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../api/endpoints.js';
import { useLocale } from '../../app/locale.js';
import { DateRange } from '../../components/DateRange.js';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from '../../i18n/audit-labels.js';

interface Values {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** The form's values as the API's filter: the period's days are whole days in the reader's zone. */
function toFilter(v: Values): AuditFilter {
  const [start, end] = v.period ?? [null, null];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action,
    entityType: v.entityType,
    entityId: v.entityId?.trim() || undefined,
    from: start ? start.startOf('day').toDate().toISOString() : undefined,
    // `to` is exclusive: the day after the last day picked.
    to: end ? end.add(1, 'day').startOf('day').toDate().toISOString() : undefined,
  };
}

const sortedOptions = (codes: Record<string, string>, label: (code: string) => string, locale: string) => {
  const collate = new Intl.Collator(locale).compare;
  return Object.keys(codes)
    .map((code) => ({ value: code, label: label(code) }))
    .sort((a, b) => collate(a.label, b.label));
};

/** Filters of the audit log by who, what, which object and when (issue 12 item 13), each labelled. */
export function AuditFilters({ onChange }: { onChange(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  // Sorted by the reader's collation: 拼音 order in Chinese, alphabetical in English.
  const actions = useMemo(() => sortedOptions(ACTION_LABELS, (c) => actionLabel(t, c), locale), [t, locale]);
  const entities = useMemo(() => sortedOptions(ENTITY_LABELS, (c) => entityLabel(t, c), locale), [t, locale]);
  return (
    <Form<Values>
      form={form}
      layout="inline"
      data-testid="audit-filters"
      style={{ rowGap: 12, marginBottom: 16 }}
      onFinish={(v) => onChange(toFilter(v))}
    >
      <Form.Item name="actor" label={t('Actor')}>
        <Input allowClear placeholder={t('auditField.username')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('Action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={actions}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="entityType" label={t('Entity')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={entities}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('Entity id')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="period" label={t('auditField.period')}>
        <DateRange label={t('auditField.period')} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('auditField.apply')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('auditField.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
