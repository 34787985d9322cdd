import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsEditor, ChecklistEditor, CriteriaEditor } from '../../components/CallFormLists.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { SaveFailed } from '../../components/feedback.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { viewerZone } from '../../components/time.js';
import { useSubmit } from '../../components/useSubmit.js';
import { type CallFormValues, callBody } from './callForm.js';
import { RuleBuilder } from './RuleBuilder.js';

interface Props {
  initial: Partial<CallFormValues>;
  submitLabel: string;
  onSubmit(body: ReturnType<typeof callBody>): Promise<void>;
  onCancel(): void;
}

/** Create and edit a draft call; the server's field errors land under their fields. */
export function CallForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallFormValues>();
  const currency = (Form.useWatch('currency', form) as string | undefined) ?? initial.currency ?? 'CNY';
  const currencies = useMemo(
    () => Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: c })),
    [],
  );
  const required = (message: string) => [{ required: true, message }];

  const { submit, busy, error } = useSubmit(form, async (v: CallFormValues) => {
    await onSubmit(callBody(v));
  });
  const half = (node: ReactNode) => (
    <Col xs={24} md={12}>
      {node}
    </Col>
  );

  return (
    <Form<CallFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="call-form"
      style={{ maxWidth: 1100 }}
    >
      {error ? <SaveFailed error={error} /> : null}
      <Card size="small" title={t('Call')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {half(
            <Form.Item name="titleZh" label={t('Chinese title')} rules={required(t('Enter a title'))}>
              <Input maxLength={300} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="titleEn" label={t('English title')} rules={required(t('Enter a title'))}>
              <Input maxLength={300} />
            </Form.Item>,
          )}
          {half(
            <Form.Item
              name="code"
              label={t('Code')}
              rules={required(t('Enter a code'))}
              extra={t('Letters, digits, _ and -; up to 40 characters')}
            >
              <Input maxLength={40} style={{ textTransform: 'uppercase' }} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="fieldIds" label={t('Technology fields')}>
              <FieldTreeSelect testId="call-fields" />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="summaryZh" label={t('Chinese summary')}>
              <Input.TextArea rows={4} maxLength={20_000} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="summaryEn" label={t('English summary')}>
              <Input.TextArea rows={4} maxLength={20_000} />
            </Form.Item>,
          )}
        </Row>
      </Card>
      <Card size="small" title={t('Budget and times')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="currency" label={t('Currency')} rules={required(t('Choose a currency'))}>
              <Select showSearch options={currencies} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="budgetTotalMinor"
              label={t('Total budget')}
              rules={required(t('Enter an amount'))}
            >
              <MoneyInput currency={currency} testId="call-budget" width="100%" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="ceilingMinor"
              label={t('Ceiling per project')}
              rules={required(t('Enter an amount'))}
            >
              <MoneyInput currency={currency} testId="call-ceiling" width="100%" />
            </Form.Item>
          </Col>
          {half(
            <Form.Item
              name="opensAt"
              label={t('Opens at')}
              rules={required(t('Choose a time'))}
              extra={t('In your time zone ({{zone}}); stored in UTC', { zone: viewerZone() })}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="call-opens" />
            </Form.Item>,
          )}
          {half(
            <Form.Item
              name="closesAt"
              label={t('Closes at')}
              rules={required(t('Choose a time'))}
              extra={t('In your time zone ({{zone}}); stored in UTC', { zone: viewerZone() })}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                data-testid="call-closes"
              />
            </Form.Item>,
          )}
          {half(
            <Form.Item
              name="resubmitWindowDays"
              label={t('Resubmission window (days)')}
              extra={t('How long a returned application may be corrected and resubmitted')}
            >
              <InputNumber<number> min={0} max={365} precision={0} />
            </Form.Item>,
          )}
          {half(
            <Form.Item name="reviewersPerApplication" label={t('Reviewers per application')}>
              <InputNumber<number> min={1} max={20} precision={0} />
            </Form.Item>,
          )}
        </Row>
      </Card>
      <Card size="small" title={t('Contact person')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="contactName" label={t('Full name')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactPhone" label={t('Phone')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="contactEmail"
              label={t('E-mail')}
              rules={[{ type: 'email', message: t('Enter a valid e-mail') }]}
            >
              <Input maxLength={254} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('Eligibility rules')} style={{ marginBottom: 16 }}>
        <Form.Item name="eligibility" noStyle>
          <RuleBuilder />
        </Form.Item>
      </Card>
      <Card size="small" title={t('Evaluation criteria and weights')} style={{ marginBottom: 16 }}>
        <CriteriaEditor />
      </Card>
      <Card size="small" title={t('Required attachments')} style={{ marginBottom: 16 }}>
        <AttachmentsEditor />
      </Card>
      <Card size="small" title={t('Screening checklist')} style={{ marginBottom: 16 }}>
        <ChecklistEditor />
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="save-call">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('Cancel')}</Button>
      </Space>
    </Form>
  );
}
