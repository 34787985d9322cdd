import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { projectsApi } from '../../api/projects.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { DateRange } from '../../components/DateRange.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { SaveFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { fieldErrors } from '../../i18n/errors.js';

interface Values {
  unitId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh?: string;
  summaryEn?: string;
  budgetMinor: number | null;
  term: [Dayjs, Dayjs];
  fieldIds: string[];
}

/** Registers an intramural project for one of the units the caller may register for (DOMAIN.md §3). */
export function RegisterProjectModal({
  platformId,
  unitIds,
  open,
  onClose,
  onDone,
}: {
  platformId: string;
  unitIds: string[];
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const platform = useApi(
    () => (open ? api.platform(platformId) : Promise.resolve(null)),
    [platformId, open],
  );
  const units = useApi(() => (open ? api.units(platformId) : Promise.resolve(null)), [platformId, open]);
  const currency = platform.data?.defaultCurrency ?? 'CNY';
  const required = (msg: string) => [{ required: true, message: msg }];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const p = await projectsApi.register(platformId, {
        unitId: v.unitId,
        code: v.code,
        titleZh: v.titleZh,
        titleEn: v.titleEn,
        summaryZh: v.summaryZh?.trim() || null,
        summaryEn: v.summaryEn?.trim() || null,
        budgetMinor: v.budgetMinor ?? 0,
        currency,
        startsOn: v.term[0].format('YYYY-MM-DD'),
        endsOn: v.term[1].format('YYYY-MM-DD'),
        fieldIds: v.fieldIds ?? [],
      });
      message.success(t('Project {{code}} registered', { code: p.code }));
      form.resetFields();
      onDone();
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('Register an internal project')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('Register')}
      cancelText={t('Cancel')}
      confirmLoading={busy}
      width={760}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="project-form">
        {error ? <SaveFailed error={error} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="unitId" label={t('Unit')} rules={required(t('Choose a unit'))}>
              <Select
                loading={units.loading}
                options={(units.data?.items ?? [])
                  .filter((u) => unitIds.includes(u.id))
                  .map((u) => ({ value: u.id, label: localName(u, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="code" label={t('Code')} rules={required(t('Enter a code'))}>
              <Input maxLength={40} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="titleZh" label={t('Chinese title')} rules={required(t('Enter a title'))}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="titleEn" label={t('English title')} rules={required(t('Enter a title'))}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="summaryZh" label={t('Chinese summary')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="summaryEn" label={t('English summary')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="budgetMinor" label={t('Budget')} rules={required(t('Enter an amount'))}>
              <MoneyInput currency={currency} width="100%" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="term" label={t('Term')} rules={required(t('Choose the dates'))}>
              <DateRange label={t('Term')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="fieldIds" label={t('Technology fields')}>
              <FieldTreeSelect />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
