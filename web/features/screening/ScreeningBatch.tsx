import { Button, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary } from '../../api/applications.js';
import { type BatchResult, batchApi } from '../../api/batch.js';
import { useLocale } from '../../app/locale.js';
import { FormModal } from '../../components/FormModal.js';
import { pick } from '../../components/labels.js';
import { SelectionBar } from '../../components/SelectionBar.js';

/** Rows the officer may select: those awaiting screening. */
export const screenable = (a: ApplicationSummary) => a.state === 'submitted' || a.state === 'screening';

/**
 * 形式审查 of the selected applications: pass them, or return them with one reason; the server moves
 * each in its own audited transition and the bar lists any row it refused, with the reason.
 */
export function ScreeningBatch({
  rows,
  selected,
  setSelected,
  onDone,
}: {
  rows: ApplicationSummary[];
  selected: string[];
  setSelected(ids: string[]): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [result, setResult] = useState<BatchResult | null>(null);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reasons: string }>();
  const labelOf = (id: string) => {
    const a = rows.find((r) => r.id === id);
    return a ? a.receiptNo || pick(a.titleZh, a.titleEn, locale) || id : id;
  };
  const run = async (outcome: 'pass' | 'return', reasons?: string) => {
    const r = await batchApi.screen({ applicationIds: selected, outcome, reasons });
    setResult(r);
    // What was refused stays selected, so the officer can look at it and try again.
    setSelected(r.results.filter((x) => !x.ok).map((x) => x.id));
    onDone();
  };
  const waiting = rows.filter(screenable).map((a) => a.id);
  return (
    <>
      {/* The table hides its header select-all: antd copies column titles into a hidden measuring row
          of a scrolling table, and a focusable checkbox there is an aria-hidden-focus failure (axe). */}
      {waiting.length > 0 && selected.length < waiting.length ? (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setSelected(waiting)}>
          {t('Select all {{count}} awaiting screening', { count: waiting.length })}
        </Button>
      ) : null}
      <SelectionBar count={selected.length} onClear={() => setSelected([])} result={result} labelOf={labelOf}>
        <Popconfirm
          title={t('Pass the {{count}} selected applications at screening?', { count: selected.length })}
          okText={t('Pass selected')}
          cancelText={t('Cancel')}
          onConfirm={() => run('pass')}
        >
          <Button type="primary">{t('Pass selected')}</Button>
        </Popconfirm>
        <Button onClick={() => setReturning(true)}>{t('Return selected')}</Button>
      </SelectionBar>
      <FormModal<{ reasons: string }>
        open={returning}
        title={t('Return selected')}
        okText={t('Return for correction')}
        onCancel={() => setReturning(false)}
        form={form}
        onSubmit={async (v) => {
          await run('return', v.reasons);
          setReturning(false);
          form.resetFields();
        }}
      >
        <Form.Item
          name="reasons"
          label={t('Reason for returning (sent to each applicant)')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
