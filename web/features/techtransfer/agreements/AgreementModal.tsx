import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  CRADA_CLASSES,
  EXCLUSIVITIES,
  LICENCE_KINDS,
  LICENSING_KINDS,
  TERMINATION_REASONS,
} from '../../../../common/ip.js';
import { currencyDigits } from '../../../../common/platforms.js';
import { type AgreementView, type CreateAgreementBody, ttApi } from '../../../api/techtransfer.js';
import { useApi } from '../../../app/useApi.js';
import { DateInput } from '../../../components/DateInput.js';
import { toMajor, toMinor } from '../../../components/money.js';
import { OrgPicker } from '../../../components/OrgPicker.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';
import {
  AGREEMENT_KIND_LABELS,
  CRADA_CLASS_LABELS,
  EXCLUSIVITY_LABELS,
  LICENCE_KIND_LABELS,
  TERMINATION_REASON_LABELS,
} from '../labels.js';

interface Values {
  refNo: string;
  title: string;
  kind: AgreementKind;
  licenceKind?: CreateAgreementBody['licenceKind'];
  exclusivity?: CreateAgreementBody['exclusivity'];
  cradaClass?: CreateAgreementBody['cradaClass'];
  fieldOfUse?: string;
  territory?: string;
  partnerOrgId: string;
  requestDate?: string;
  executionDate: string;
  endDate?: string;
  terminationDate?: string;
  terminationReason?: CreateAgreementBody['terminationReason'];
  contractValue?: number | null;
  currency: string;
  disclosureIds?: string[];
}

const day = (d: string | null | undefined) => (d ? d : null);
const today = () => new Date().toISOString().slice(0, 10);
const orNull = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

/** Records an agreement, or edits one (its kind, partner and reference stay as recorded). */
export function AgreementModal({
  platformId,
  currency,
  agreement,
  open,
  onClose,
  onDone,
}: {
  platformId: string;
  /** The platform's currency: the default of a new agreement. */
  currency: string;
  agreement: AgreementView | null;
  open: boolean;
  onClose(): void;
  onDone(a: AgreementView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const editing = agreement !== null;
  const disclosures = useApi(
    () => (open && !editing ? ttApi.disclosures(platformId, { limit: 500 }) : Promise.resolve(null)),
    [open, editing, platformId],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (agreement) {
      form.setFieldsValue({
        refNo: agreement.refNo,
        title: agreement.title,
        kind: agreement.kind,
        licenceKind: agreement.licenceKind,
        exclusivity: agreement.exclusivity,
        cradaClass: agreement.cradaClass,
        executionDate: agreement.executionDate,
        currency: agreement.currency,
        requestDate: agreement.requestDate ?? undefined,
        endDate: agreement.endDate ?? undefined,
        terminationDate: agreement.terminationDate ?? undefined,
        terminationReason: agreement.terminationReason ?? undefined,
        fieldOfUse: agreement.fieldOfUse ?? undefined,
        territory: agreement.territory ?? undefined,
        partnerOrgId: agreement.partner.id,
        contractValue: agreement.contractValue
          ? toMajor(agreement.contractValue.amountMinor, currencyDigits(agreement.currency))
          : null,
      });
    } else {
      form.setFieldsValue({ kind: 'licence', currency, executionDate: today() });
    }
  }, [open, agreement, currency, form]);

  const licensing = kind !== undefined && (LICENSING_KINDS as readonly string[]).includes(kind);

  const submit = async (v: Values) => {
    setSaving(true);
    const digits = currencyDigits(v.currency);
    const contractValueMinor =
      v.contractValue === null || v.contractValue === undefined ? null : toMinor(v.contractValue, digits);
    const common = {
      fieldOfUse: orNull(v.fieldOfUse),
      territory: orNull(v.territory),
      requestDate: day(v.requestDate),
      executionDate: day(v.executionDate) as string,
      endDate: day(v.endDate),
      terminationDate: day(v.terminationDate),
      terminationReason: v.terminationReason ?? null,
      contractValueMinor,
    };
    try {
      const saved = agreement
        ? await ttApi.updateAgreement(agreement.id, {
            ...common,
            title: v.title.trim(),
            ...(licensing ? { exclusivity: v.exclusivity ?? null } : {}),
          })
        : await ttApi.createAgreement(platformId, {
            ...common,
            refNo: v.refNo.trim(),
            title: v.title.trim(),
            kind: v.kind,
            licenceKind: licensing ? (v.licenceKind ?? null) : null,
            exclusivity: licensing ? (v.exclusivity ?? null) : null,
            cradaClass: v.kind === 'crada' ? (v.cradaClass ?? null) : null,
            partnerOrgId: v.partnerOrgId,
            currency: v.currency,
            ip: (v.disclosureIds ?? []).map((disclosureId) => ({ disclosureId })),
          });
      message.success(agreement ? t('Agreement saved') : t('Agreement recorded'));
      onDone(saved);
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  const date = (name: keyof Values, label: string, required = false) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []}>
      <DateInput style={{ width: 200 }} data-testid={`agreement-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={editing ? t('Edit agreement') : t('New agreement')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('Save')}
      cancelText={t('Cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="agreement-form">
        <Form.Item name="refNo" label={t('Reference number')} rules={[{ required: true, whitespace: true }]}>
          <Input disabled={editing} maxLength={60} />
        </Form.Item>
        <Form.Item name="title" label={t('Agreement title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="kind" label={t('Kind')} rules={[{ required: true }]}>
          <Select
            disabled={editing}
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(AGREEMENT_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        {licensing && (
          <>
            <Form.Item name="licenceKind" label={t('What is licensed')} rules={[{ required: true }]}>
              <Select
                disabled={editing}
                options={LICENCE_KINDS.map((k) => ({ value: k, label: t(LICENCE_KIND_LABELS[k]) }))}
              />
            </Form.Item>
            <Form.Item name="exclusivity" label={t('Exclusivity')} rules={[{ required: true }]}>
              <Select options={EXCLUSIVITIES.map((k) => ({ value: k, label: t(EXCLUSIVITY_LABELS[k]) }))} />
            </Form.Item>
          </>
        )}
        {kind === 'crada' && (
          <Form.Item name="cradaClass" label={t('CRADA class')}>
            <Select
              disabled={editing}
              allowClear
              options={CRADA_CLASSES.map((k) => ({ value: k, label: t(CRADA_CLASS_LABELS[k]) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="partnerOrgId" label={t('Licensee or partner')} rules={[{ required: true }]}>
          {editing ? <Input disabled value={agreement?.partner.nameZh} /> : <OrgPicker id="partnerOrgId" />}
        </Form.Item>
        {!editing && (
          <Form.Item name="disclosureIds" label={t('Inventions covered')}>
            <Select
              mode="multiple"
              allowClear
              loading={disclosures.loading}
              optionFilterProp="label"
              data-testid="agreement-disclosures"
              options={(disclosures.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.refNo} · ${d.title}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="fieldOfUse" label={t('Field of use')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="territory" label={t('Territory')}>
          <Input maxLength={200} />
        </Form.Item>
        {date('requestDate', t('Requested in writing on'))}
        {date('executionDate', t('Executed on'), true)}
        {date('endDate', t('Term ends on'))}
        {date('terminationDate', t('Terminated on'))}
        <Form.Item name="terminationReason" label={t('Termination reason')}>
          <Select
            allowClear
            options={TERMINATION_REASONS.map((k) => ({ value: k, label: t(TERMINATION_REASON_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="contractValue" label={t('Contract value')}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="agreement-contract-value" />
        </Form.Item>
        <Form.Item name="currency" label={t('Currency')} rules={[{ required: true, pattern: /^[A-Z]{3}$/ }]}>
          <Input disabled={editing} maxLength={3} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
