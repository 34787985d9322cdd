import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPENDING_CATEGORIES, type SpendingCategory } from '../../../../common/projects.js';
import { type AdjustmentView, projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { LoadFailed, SaveFailed } from '../../../components/feedback.js';
import { localName } from '../../../components/labels.js';
import { MoneyInput } from '../../../components/MoneyInput.js';
import { money } from '../../../components/money.js';
import {
  ADJUSTMENT_LEVEL_LABELS,
  ADJUSTMENT_STATE_LABELS,
  GROUND_LABELS,
  SPENDING_LABELS,
} from '../../../components/project-detail-labels.js';
import { ReasonDialog } from '../../../components/ReasonDialog.js';
import { actions, clippedText, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { errorText } from '../../../i18n/errors.js';

const STATE_COLORS = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** 预算调剂: each request with who decides it, the decision and its reason; the forms for those allowed. */
export function AdjustmentsPanel({
  project: p,
  currency,
  onDecided,
}: {
  project: ProjectDetail;
  currency: string;
  /** An approved request changes the plan the spending table shows. */
  onDecided(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = useApi(() => projectExecutionApi.adjustments(p.id), [p.id]);
  const [requesting, setRequesting] = useState(false);
  const [rejecting, setRejecting] = useState<AdjustmentView | null>(null);
  const { message } = App.useApp();
  const member = (orgId: string) => {
    const m = p.members.find((x) => x.organisation.id === orgId);
    return m ? localName(m.organisation, locale) : orgId;
  };
  if (list.error) return <LoadFailed error={list.error} />;
  const approve = async (a: AdjustmentView) => {
    try {
      await projectExecutionApi.decideAdjustment(p.id, a.id, { decision: 'approved' });
      message.success(t('Saved'));
      list.reload();
      onDecided();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <>
      <Table<AdjustmentView>
        scroll={WIDE}
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={false}
        data-testid="adjustments"
        title={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{t('Budget adjustments')}</span>
            {list.data?.access.request ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setRequesting(true)}
                data-testid="request-adjustment"
              >
                {t('Request an adjustment')}
              </Button>
            ) : null}
          </Space>
        )}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '#', dataIndex: 'version', width: 50 },
          {
            title: t('Changes'),
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                {a.changes.map((c) => (
                  <span key={`${c.organisationId}-${c.category}`}>
                    {`${member(c.organisationId)} · ${t(SPENDING_LABELS[c.category])} ${c.deltaMinor > 0 ? '+' : ''}${money(c.deltaMinor, currency, locale)}`}
                  </span>
                ))}
                {a.endsOn ? <span>{t('New end date: {{date}}', { date: a.endsOn })}</span> : null}
              </Space>
            ),
          },
          { title: t('Reason'), dataIndex: 'reason', ...clippedText(280) },
          {
            title: t('Decided by'),
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span>{t(ADJUSTMENT_LEVEL_LABELS[a.level])}</span>
                {a.grounds.map((g) => (
                  <Tag key={g}>{t(GROUND_LABELS[g])}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('Decision on the request'),
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATE_COLORS[a.state]}>{t(ADJUSTMENT_STATE_LABELS[a.state])}</Tag>
                {a.decidedAt ? <span>{formatTime(a.decidedAt, locale)}</span> : null}
                {a.decisionReason ? <span>{a.decisionReason}</span> : null}
              </Space>
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, a) =>
              a.decide ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => approve(a)}>
                    {t('Grant')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(a)}>
                    {t('Refuse')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {requesting ? (
        <AdjustmentModal
          project={p}
          currency={currency}
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            list.reload();
          }}
        />
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title={t('Refuse the adjustment')}
          onClose={() => setRejecting(null)}
          send={async (reason) => {
            await projectExecutionApi.decideAdjustment(p.id, rejecting.id, { decision: 'rejected', reason });
            setRejecting(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

interface AdjustmentValues {
  reason: string;
  changes?: Array<{ organisationId: string; category: SpendingCategory; deltaMinor: number }>;
  endsOn?: Dayjs | null;
}

function AdjustmentModal({
  project: p,
  currency,
  onClose,
  onDone,
}: {
  project: ProjectDetail;
  currency: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<AdjustmentValues>();
  const send = useSubmit(form, async (v) => {
    await projectExecutionApi.requestAdjustment(p.id, {
      reason: v.reason,
      changes: v.changes ?? [],
      endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
    });
    onDone();
  });
  const required = [{ required: true, message: t('Required') }];
  return (
    <Modal
      open
      width={760}
      title={t('Request an adjustment')}
      okText={t('Submit')}
      cancelText={t('Cancel')}
      confirmLoading={send.busy}
      onCancel={onClose}
      onOk={() => form.validateFields().then(send.submit, () => undefined)}
    >
      {send.error ? <SaveFailed error={send.error} /> : null}
      <Form form={form} layout="vertical" name="adjustment">
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'organisationId']} label={t('Member')} rules={required}>
                    <Select
                      style={{ width: 200 }}
                      options={p.members.map((m) => ({
                        value: m.organisation.id,
                        label: localName(m.organisation, locale),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'category']} label={t('Cost category')} rules={required}>
                    <Select
                      style={{ width: 140 }}
                      options={SPENDING_CATEGORIES.map((c) => ({ value: c, label: t(SPENDING_LABELS[c]) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deltaMinor']} label={t('Change (+/−)')} rules={required}>
                    <MoneyInput currency={currency} min={-Number.MAX_SAFE_INTEGER} width={180} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                style={{ marginBottom: 16 }}
              >
                {t('Add a budget change')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="endsOn" label={t('New end date (extension)')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('Reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
