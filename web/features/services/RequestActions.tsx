import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Rate, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_TRANSITIONS, type RequestAction } from '../../../common/services.js';
import { type ServiceRequest, servicesApi } from '../../api/services.js';
import { useApi } from '../../app/useApi.js';
import { FormModal } from '../../components/FormModal.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { ACTION_LABELS } from '../../components/service-labels.js';
import { errorText } from '../../i18n/errors.js';

interface MoveValues {
  reason?: string;
  priceMinor?: number;
  dueOn?: Dayjs;
  terms?: string;
  rating?: number;
  comment?: string;
}

/** Actions that need a form (a reason, a quote, a rating); the rest only a confirmation. */
const FORM_ACTIONS: ReadonlySet<RequestAction> = new Set([
  'quote',
  'rate',
  'cancel',
  'rework',
  'dispute',
  'resolve',
]);

/** The moves the server offers this caller (`next`), each as a button; deliver uploads the report. */
export function RequestActions({ r, onMoved }: { r: ServiceRequest; onMoved(next: ServiceRequest): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<RequestAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MoveValues>();
  const service = useApi(
    () => (r.next.includes('quote') ? servicesApi.get(r.service.id) : Promise.resolve(null)),
    [r.id, r.next.join()],
  );
  const currency = r.quote?.currency ?? service.data?.currency ?? 'CNY';
  const run = async (action: RequestAction) => {
    setBusy(true);
    try {
      onMoved(await servicesApi.move(r.id, { action: action as Exclude<RequestAction, 'deliver'> }));
      message.success(t('Saved'));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    setBusy(true);
    try {
      onMoved(await servicesApi.deliver(r.id, file));
      message.success(t('The report is delivered'));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap data-testid="request-moves">
      {r.next.map((a) => {
        const label = t(ACTION_LABELS[a]);
        const danger = a === 'cancel' || a === 'dispute';
        if (a === 'deliver')
          return (
            <Upload
              key={a}
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="request-deliver">
                {label}
              </Button>
            </Upload>
          );
        if (FORM_ACTIONS.has(a))
          return (
            <Button
              key={a}
              danger={danger}
              type={a === 'quote' || a === 'rate' ? 'primary' : 'default'}
              onClick={() => {
                form.resetFields();
                setOpen(a);
              }}
              data-testid={`request-${a}`}
            >
              {label}
            </Button>
          );
        return (
          <Popconfirm key={a} title={t('Are you sure?')} onConfirm={() => run(a)}>
            <Button type="primary" loading={busy} data-testid={`request-${a}`}>
              {label}
            </Button>
          </Popconfirm>
        );
      })}
      <FormModal<MoveValues>
        open={open !== null}
        title={open ? t(ACTION_LABELS[open]) : ''}
        okText={t('Submit')}
        onCancel={() => setOpen(null)}
        form={form}
        formTestId="request-move-form"
        initialValues={
          open === 'quote'
            ? {
                priceMinor: r.quote?.priceMinor ?? service.data?.priceMinor,
                terms: r.quote?.terms ?? undefined,
              }
            : {}
        }
        onSubmit={async (v) => {
          if (!open || open === 'deliver') return;
          onMoved(
            await servicesApi.move(r.id, {
              action: open,
              reason: v.reason,
              priceMinor: v.priceMinor,
              dueOn: v.dueOn?.format('YYYY-MM-DD'),
              terms: v.terms?.trim() || undefined,
              rating: v.rating,
              comment: v.comment?.trim() || undefined,
            }),
          );
          setOpen(null);
          message.success(t('Saved'));
        }}
      >
        {open === 'quote' ? (
          <>
            <Form.Item name="priceMinor" label={t('Price')} rules={[{ required: true }]}>
              <MoneyInput currency={currency} testId="quote-price" />
            </Form.Item>
            <Form.Item name="dueOn" label={t('Delivery date')} rules={[{ required: true }]}>
              <DatePicker data-testid="quote-due" />
            </Form.Item>
            <Form.Item name="terms" label={t('Terms')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        ) : null}
        {open === 'rate' ? (
          <>
            <Form.Item name="rating" label={t('Rating')} rules={[{ required: true }]}>
              <Rate data-testid="rating" />
            </Form.Item>
            <Form.Item name="comment" label={t('Comment')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="rating-comment" />
            </Form.Item>
          </>
        ) : null}
        {open && REQUEST_TRANSITIONS[open].reason ? (
          <Form.Item name="reason" label={t('Reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="move-reason" />
          </Form.Item>
        ) : null}
      </FormModal>
    </Space>
  );
}

/** The impact survey a year after delivery (NIST MEP's questions), answered once by the enterprise. */
export function SurveyForm({ r, onAnswered }: { r: ServiceRequest; onAnswered(next: ServiceRequest): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    salesMinor: number;
    savingsMinor: number;
    investmentMinor: number;
    jobs: number;
    comment?: string;
  }>();
  const currency = r.quote?.currency ?? 'CNY';
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="survey-open">
        {t('Answer the impact survey')}
      </Button>
      <FormModal
        open={open}
        title={t('Impact survey')}
        okText={t('Submit')}
        onCancel={() => setOpen(false)}
        form={form}
        initialValues={{ salesMinor: 0, savingsMinor: 0, investmentMinor: 0, jobs: 0 }}
        onSubmit={async (v) => {
          onAnswered(await servicesApi.answerSurvey(r.id, { ...v, comment: v.comment?.trim() || undefined }));
          setOpen(false);
        }}
      >
        <Form.Item name="salesMinor" label={t('New or kept sales')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} />
        </Form.Item>
        <Form.Item name="savingsMinor" label={t('Cost savings')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} />
        </Form.Item>
        <Form.Item name="investmentMinor" label={t('Investment made')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} />
        </Form.Item>
        <Form.Item name="jobs" label={t('Jobs created or kept')} rules={[{ required: true }]}>
          <InputNumber min={-100000} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="comment" label={t('Comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
