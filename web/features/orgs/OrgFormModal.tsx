import { App, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { CreateOrgBody, EnterpriseSize, OrgType, OrgView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { FormModal } from '../../components/FormModal.js';
import {
  countryOptions,
  ENTERPRISE_SIZES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  orgName,
  SIZE_LABELS,
} from '../../components/org-labels.js';
import { creditCodeRule, normaliseTyped } from './creditCode.js';

interface Values {
  nameZh: string;
  nameEn?: string;
  type: OrgType;
  enterpriseSize?: EnterpriseSize;
  creditCode?: string;
  registryId?: string;
  country: string;
  address?: string;
  website?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
}

// The server's pattern (orgs.schema.ts PHONE_PATTERN), checked here so the message sits under the field.
const PHONE = /^\+?[0-9(][0-9 ()-]{4,28}[0-9](?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$/i;
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Registers a new organisation (org = null) or edits one; only registry keepers get here. */
export function OrgFormModal({
  open,
  org,
  onClose,
  onDone,
}: {
  open: boolean;
  org: OrgView | null;
  onClose(): void;
  onDone(saved: OrgView): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const initial: Partial<Values> = org
    ? {
        nameZh: org.nameZh,
        nameEn: org.nameEn ?? undefined,
        type: org.type,
        enterpriseSize: org.enterpriseSize ?? undefined,
        creditCode: org.creditCode ?? undefined,
        registryId: org.registryId ?? undefined,
        country: org.country,
        address: org.address ?? undefined,
        website: org.website ?? undefined,
        contactName: org.contactName ?? undefined,
        contactPhone: org.contactPhone ?? undefined,
        contactEmail: org.contactEmail ?? undefined,
      }
    : { country: 'CN' };

  const submit = async (v: Values) => {
    const body: CreateOrgBody = {
      nameZh: v.nameZh.trim(),
      nameEn: blank(v.nameEn),
      type: v.type,
      enterpriseSize: v.type === 'enterprise' ? (v.enterpriseSize ?? null) : null,
      creditCode: blank(v.creditCode),
      registryId: blank(v.registryId),
      country: v.country,
      address: blank(v.address),
      website: blank(v.website),
      contactName: blank(v.contactName),
      contactPhone: blank(v.contactPhone),
      contactEmail: blank(v.contactEmail),
    };
    const saved = org ? await api.updateOrg(org.id, body) : await api.createOrg(body);
    message.success(
      org
        ? t('{{name}} saved', { name: orgName(saved, locale) })
        : t('{{name}} registered', { name: orgName(saved, locale) }),
    );
    onDone(saved);
  };

  return (
    <FormModal<Values>
      open={open}
      title={org ? t('Edit organisation') : t('New organisation')}
      okText={org ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      initialValues={initial}
      preserve={false}
      briefError
      width={760}
      formTestId="org-form"
      modal={{
        destroyOnHidden: true,
        styles: { body: { maxHeight: '70vh', overflowY: 'auto', overflowX: 'hidden' } },
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="nameZh"
            label={t('Name (Chinese or native)')}
            rules={[{ required: true, whitespace: true, message: t('Enter the name') }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('English name')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="type"
            label={t('Type')}
            rules={[{ required: true, message: t('Choose the type') }]}
          >
            <Select
              options={ORG_TYPES.map((v) => ({ value: v, label: t(ORG_TYPE_LABELS[v]) }))}
              onChange={(v: OrgType) => {
                if (v !== 'enterprise') form.setFieldValue('enterpriseSize', undefined);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {type === 'enterprise' ? (
            <Form.Item
              name="enterpriseSize"
              label={t('Enterprise size')}
              rules={[{ required: true, message: t('Choose the size of the enterprise (large or SME)') }]}
            >
              <Select options={ENTERPRISE_SIZES.map((v) => ({ value: v, label: t(SIZE_LABELS[v]) }))} />
            </Form.Item>
          ) : null}
        </Col>
        <Col span={12}>
          <Form.Item
            name="creditCode"
            label={t('Unified social credit code')}
            normalize={normaliseTyped}
            rules={[creditCodeRule(t)]}
            hasFeedback
            extra={t('18 characters (GB 32100-2015), checked as you type')}
          >
            <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="registryId"
            label={t('Other registry id')}
            extra={t('For organisations without a Chinese credit code')}
            rules={[{ max: 100 }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="country" label={t('Country or region')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={countries} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="website"
            label={t('Website')}
            rules={[{ type: 'url', message: t('Not a valid web address') }, { max: 300 }]}
          >
            <Input placeholder="https://" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('Address')} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('Contact (visible to registry keepers only)')}
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="contactName" label={t('Contact person')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="contactPhone"
            label={t('Phone')}
            rules={[{ pattern: PHONE, message: t('Not a valid phone number') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="contactEmail"
            label={t('Email')}
            rules={[{ type: 'email', message: t('Not a valid e-mail address') }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
