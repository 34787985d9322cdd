import { Form, Input, Space } from 'antd';

/**
 * A record's name in Chinese and in English side by side, both required (the catalog's services and
 * instruments and the voucher schemes are published in both languages).
 */
export function BilingualFields({
  zh,
  en,
  maxLength = 200,
}: {
  /** The form field and its label, for the Chinese and the English name. */
  zh: { name: string; label: string };
  en: { name: string; label: string };
  maxLength?: number;
}) {
  return (
    <Space.Compact block>
      {[zh, en].map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={maxLength} />
        </Form.Item>
      ))}
    </Space.Compact>
  );
}
