import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Form items of a new person record (POST /api/people), under `prefix` in the surrounding form. */
export function NewPersonFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12} data-testid="new-person">
      <Col span={12}>
        <Form.Item
          name={[prefix, 'nameZh']}
          label={t('Name (Chinese)')}
          rules={[{ required: true, whitespace: true, message: t('Enter a name') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[prefix, 'nameEn']} label={t('Name (English)')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[prefix, 'title']} label={t('person.title')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={[prefix, 'email']}
          label={t('Email')}
          rules={[{ type: 'email', message: t('Not a valid e-mail address') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface NewPersonValues {
  nameZh: string;
  nameEn?: string;
  title?: string;
  email?: string;
}

/** Empty boxes as null, as the API wants them. */
export const newPersonBody = (v: NewPersonValues) => ({
  nameZh: v.nameZh.trim(),
  nameEn: v.nameEn?.trim() || null,
  title: v.title?.trim() || null,
  email: v.email?.trim() || null,
});
