import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { CreatePersonBody, PersonView } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { OrgPicker } from '../../components/OrgPicker.js';

interface Values {
  nameZh: string;
  nameEn?: string;
  title?: string;
  email?: string;
  phone?: string;
  organisationId?: string | null;
}

// The server's pattern (people.schema.ts), checked here so the message sits under the field.
const PHONE = /^\+?[0-9][0-9 ()-]{2,39}$/;
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Creates a person (person = null) or edits one. */
export function PersonFormModal({
  open,
  person,
  onClose,
  onDone,
}: {
  open: boolean;
  person: PersonView | null;
  onClose(): void;
  onDone(saved: PersonView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const initial: Partial<Values> = person
    ? {
        nameZh: person.nameZh,
        nameEn: person.nameEn ?? undefined,
        title: person.title ?? undefined,
        email: person.email ?? undefined,
        phone: person.phone ?? undefined,
        organisationId: person.organisation?.id ?? null,
      }
    : {};

  const submit = async (v: Values) => {
    const body: CreatePersonBody = {
      nameZh: v.nameZh.trim(),
      nameEn: blank(v.nameEn),
      title: blank(v.title),
      organisationId: v.organisationId ?? null,
      // Withheld contact details are not ours to overwrite.
      ...(person?.contactHidden ? {} : { email: blank(v.email), phone: blank(v.phone) }),
    };
    const saved = person ? await api.updatePerson(person.id, body) : await api.createPerson(body);
    message.success(
      person ? t('{{name}} saved', { name: saved.nameZh }) : t('{{name}} added', { name: saved.nameZh }),
    );
    onDone(saved);
  };

  return (
    <FormModal<Values>
      open={open}
      title={person ? t('Edit person') : t('New person')}
      okText={person ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      initialValues={initial}
      preserve={false}
      briefError
      width={640}
      modal={{ destroyOnHidden: true }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="nameZh"
            label={t('Name (Chinese)')}
            rules={[{ required: true, whitespace: true, message: t('Enter the name') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('English name')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="title" label={t('Title or position')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="organisationId" label={t('Organisation')}>
            <OrgPicker current={person?.organisation ?? null} />
          </Form.Item>
        </Col>
        {person?.contactHidden ? null : (
          <>
            <Col span={12}>
              <Form.Item
                name="email"
                label={t('Email')}
                rules={[{ type: 'email', message: t('Not a valid e-mail address') }, { max: 200 }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="phone"
                label={t('Phone')}
                rules={[{ pattern: PHONE, message: t('Not a valid phone number') }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
    </FormModal>
  );
}
