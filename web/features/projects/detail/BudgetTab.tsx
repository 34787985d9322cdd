import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Progress, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPENDING_CATEGORIES, type SpendingCategory } from '../../../../common/projects.js';
import { projectExecutionApi, type SpendingView } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed, SaveFailed } from '../../../components/feedback.js';
import { localName } from '../../../components/labels.js';
import { MoneyInput } from '../../../components/MoneyInput.js';
import { money } from '../../../components/money.js';
import { SPENDING_LABELS } from '../../../components/project-detail-labels.js';
import { clippedText, WIDE } from '../../../components/tables.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { ImportExport } from '../../imports/ImportExport.js';
import { AdjustmentsPanel } from './AdjustmentsPanel.js';
import { burnByCategory } from './budget.js';
import { EvidenceFiles, useEvidence } from './EvidenceFiles.js';

/** 预算与支出: plan against actual per category with alerts, the entries, and the 预算调剂 requests. */
export function BudgetTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const s = useApi(() => projectExecutionApi.spending(p.id), [p.id]);
  const evidence = useEvidence(p.id);
  const [adding, setAdding] = useState(false);
  if (s.error) return <LoadFailed error={s.error} />;
  if (!s.data) return <Centered />;
  const cur = (minor: number) => money(minor, s.data?.currency ?? p.currency, locale);
  const member = (orgId: string) => {
    const m = p.members.find((x) => x.organisation.id === orgId);
    return m ? localName(m.organisation, locale) : orgId;
  };
  const burn = burnByCategory(s.data.cells);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="budget-tab">
      {burn
        .filter((b) => b.alert)
        .map((b) => (
          <Alert
            key={b.category}
            type={b.alert === 'over' ? 'error' : 'warning'}
            showIcon
            data-testid="budget-alert"
            title={
              b.alert === 'over'
                ? t('{{category}} is spent beyond its plan', { category: t(SPENDING_LABELS[b.category]) })
                : t('{{category}} is nearly used up', { category: t(SPENDING_LABELS[b.category]) })
            }
          />
        ))}
      <Table
        scroll={WIDE}
        size="small"
        rowKey="category"
        pagination={false}
        title={() => t('Plan and actual by category')}
        data-testid="budget-burn"
        dataSource={burn}
        columns={[
          { title: t('Cost category'), render: (_, b) => t(SPENDING_LABELS[b.category]) },
          { title: t('Planned'), align: 'right', render: (_, b) => cur(b.plannedMinor) },
          { title: t('Spent'), align: 'right', render: (_, b) => cur(b.spentMinor) },
          {
            title: t('Used'),
            width: 200,
            render: (_, b) => (
              <Progress
                aria-label={`${t(SPENDING_LABELS[b.category])} · ${t('Used')}`}
                size="small"
                percent={b.plannedMinor ? Math.round((b.spentMinor / b.plannedMinor) * 100) : 0}
                status={b.alert === 'over' ? 'exception' : 'normal'}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('Budget total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {cur(s.data?.totals.plannedMinor ?? 0)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span data-testid="spent-total">{cur(s.data?.totals.spentMinor ?? 0)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
        )}
      />
      <Table
        scroll={WIDE}
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="spending-entries"
        title={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{t('Spending entries')}</span>
            <Space wrap>
              {s.data?.access.record ? (
                <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-spending">
                  {t('Record spending')}
                </Button>
              ) : null}
              <ImportExport
                kind="spending"
                projectId={p.id}
                importLabel={t('Import spending')}
                canImport={!!s.data?.access.record}
                onImported={s.reload}
              />
            </Space>
          </Space>
        )}
        dataSource={s.data.entries}
        columns={[
          { title: t('Date'), dataIndex: 'spentOn' },
          { title: t('Member'), render: (_, e) => member(e.organisationId) },
          { title: t('Cost category'), render: (_, e) => t(SPENDING_LABELS[e.category]) },
          { title: t('Amount'), align: 'right', render: (_, e) => cur(e.amountMinor) },
          { title: t('Spending description'), dataIndex: 'description', ...clippedText(280) },
          { title: t('Evidence reference'), render: (_, e) => e.evidenceRef ?? '—' },
          {
            title: t('Evidence'),
            render: (_, e) => (
              <EvidenceFiles
                projectId={p.id}
                subject="spending"
                subjectRef={e.id}
                items={evidence.of('spending', e.id)}
                canUpload={!!s.data?.access.record}
                onUploaded={evidence.reload}
              />
            ),
          },
        ]}
      />
      <AdjustmentsPanel project={p} currency={s.data.currency} onDecided={s.reload} />
      {adding ? (
        <SpendingModal
          project={p}
          spending={s.data}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            s.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

interface SpendingValues {
  organisationId: string;
  category: SpendingCategory;
  spentOn: Dayjs;
  amountMinor: number;
  description: string;
  evidenceRef?: string;
}

/** One spending entry; the server refuses one beyond the line's headroom (422 naming the category). */
function SpendingModal({
  project: p,
  spending,
  onClose,
  onDone,
}: {
  project: ProjectDetail;
  spending: SpendingView;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<SpendingValues>();
  const send = useSubmit(form, async (v) => {
    await projectExecutionApi.spend(p.id, {
      organisationId: v.organisationId,
      category: v.category,
      spentOn: v.spentOn.format('YYYY-MM-DD'),
      amountMinor: v.amountMinor,
      description: v.description,
      evidenceRef: v.evidenceRef?.trim() || null,
    });
    message.success(t('Spending recorded'));
    onDone();
  });
  const required = [{ required: true, message: t('Required') }];
  return (
    <Modal
      open
      title={t('Record spending')}
      okText={t('Save')}
      cancelText={t('Cancel')}
      confirmLoading={send.busy}
      onCancel={onClose}
      onOk={() => form.validateFields().then(send.submit, () => undefined)}
    >
      {send.error ? <SaveFailed error={send.error} brief /> : null}
      <Form form={form} layout="vertical" name="spending">
        <Form.Item name="organisationId" label={t('Member')} rules={required}>
          <Select
            options={p.members.map((m) => ({
              value: m.organisation.id,
              label: localName(m.organisation, locale),
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('Cost category')} rules={required}>
          <Select options={SPENDING_CATEGORIES.map((c) => ({ value: c, label: t(SPENDING_LABELS[c]) }))} />
        </Form.Item>
        <Form.Item name="spentOn" label={t('Date')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="amountMinor" label={t('Amount')} rules={required}>
          <MoneyInput currency={spending.currency} min={0} />
        </Form.Item>
        <Form.Item name="description" label={t('Spending description')} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="evidenceRef" label={t('Evidence reference')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
