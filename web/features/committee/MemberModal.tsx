import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_CATEGORIES, type CommitteeCategory } from '../../../common/platforms.js';
import { api } from '../../api/endpoints.js';
import type { CommitteeMember } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { DateInput } from '../../components/DateInput.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { FormModal } from '../../components/FormModal.js';
import { COMMITTEE_CATEGORY_LABELS, localName } from '../../components/labels.js';
import { NewPersonFields, type NewPersonValues, newPersonBody } from '../../components/NewPersonFields.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { PersonPicker } from '../../components/PersonPicker.js';

interface Values {
  who: 'existing' | 'new';
  personId?: string;
  person?: NewPersonValues;
  category: CommitteeCategory;
  organisationId?: string | null;
  fieldIds: string[];
  termStart: string;
  termEnd?: string;
  appointedBy?: string;
}

interface Props {
  platformId: string;
  /** The platform's appointing body, the default of appointedBy. */
  appointer: string | null;
  /** null: appoint a new member. */
  member: CommitteeMember | null;
  open: boolean;
  onClose(): void;
  onDone(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Appoint a member (an existing person or a new one) or edit one: category, organisation, fields, term. */
export function MemberModal({ platformId, appointer, member, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form) ?? 'existing';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      member
        ? {
            who: 'existing',
            personId: member.person.id,
            category: member.category,
            organisationId: member.organisation?.id ?? null,
            fieldIds: member.fields.map((f) => f.id),
            termStart: member.termStart,
            termEnd: member.termEnd ?? '',
            appointedBy: member.appointedBy ?? '',
          }
        : { who: 'existing', category: 'academic', fieldIds: [], termStart: today() },
    );
  }, [open, member, form]);

  const submit = async (v: Values) => {
    const common = {
      category: v.category,
      organisationId: v.organisationId ?? null,
      fieldIds: v.fieldIds,
      termStart: v.termStart,
      termEnd: v.termEnd || null,
      ...(v.appointedBy?.trim() ? { appointedBy: v.appointedBy.trim() } : {}),
    };
    if (member) {
      await api.updateCommitteeMember(member.id, { ...common, appointedBy: v.appointedBy?.trim() || null });
    } else {
      const person =
        v.who === 'new' && v.person ? { person: newPersonBody(v.person) } : { personId: v.personId };
      // Without an organisation chosen, the server takes the person's own.
      await api.addCommitteeMember(platformId, {
        ...person,
        ...common,
        organisationId: v.organisationId ?? undefined,
      });
    }
    message.success(member ? t('Member saved') : t('Member appointed'));
    onDone();
  };

  return (
    <FormModal<Values>
      open={open}
      title={
        member ? t('Edit member {{name}}', { name: localName(member.person, locale) }) : t('Appoint a member')
      }
      okText={member ? t('Save') : t('Appoint')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      width={720}
      formTestId="member-form"
      modal={{ forceRender: true, styles: { body: { maxHeight: '68vh', overflowY: 'auto' } } }}
    >
      {!member && (
        <Form.Item name="who">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('Existing person') },
              { value: 'new', label: t('New person') },
            ]}
          />
        </Form.Item>
      )}
      {member ? null : who === 'existing' ? (
        <Form.Item
          name="personId"
          label={t('Person')}
          rules={[{ required: true, message: t('Choose a person') }]}
        >
          <PersonPicker testId="member-person" />
        </Form.Item>
      ) : (
        <NewPersonFields prefix="person" />
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="category" label={t('Category')} rules={[{ required: true }]}>
            <Select
              data-testid="member-category"
              options={COMMITTEE_CATEGORIES.map((c) => ({
                value: c,
                label: t(COMMITTEE_CATEGORY_LABELS[c]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="organisationId"
            label={t('Organisation')}
            extra={t("Empty: the person's own organisation")}
          >
            <OrgPicker current={member?.organisation ?? null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="termStart"
            label={t('Term starts')}
            rules={[{ required: true, message: t('Enter a date') }]}
          >
            <DateInput data-testid="member-term-start" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="termEnd" label={t('Term ends')} extra={t('Empty: open-ended')}>
            <DateInput data-testid="member-term-end" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fieldIds" label={t('Technology fields')}>
        <FieldTreeSelect keep={member?.fields} testId="member-fields" />
      </Form.Item>
      <Form.Item name="appointedBy" label={t('Appointed by')}>
        <Input maxLength={200} placeholder={appointer ?? undefined} />
      </Form.Item>
    </FormModal>
  );
}
