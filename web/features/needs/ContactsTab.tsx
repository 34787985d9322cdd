import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS } from '../../../common/needs.js';
import { type Contact, type ContactAnswer, needsApi } from '../../api/needs.js';
import { useApi } from '../../app/useApi.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { actions, clippedText, WIDE } from '../../components/tables.js';
import { CONTACT_STATE_LABELS, DECLINE_REASON_LABELS, MATCH_KIND_LABELS } from './labels.js';

/** Contacts addressed to the caller (its unit, itself as expert, its platform's officers): accept or decline. */
export function ContactsTab() {
  const { t } = useTranslation();
  const list = useApi(() => needsApi.received(), []);
  const [declining, setDeclining] = useState<Contact | null>(null);
  const [form] = Form.useForm<Omit<ContactAnswer, 'to'>>();
  return (
    <>
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Contact>
        scroll={WIDE}
        rowKey="id"
        data-testid="contacts-to-me"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Need'), dataIndex: 'needTitle' },
          {
            title: t('Matched as'),
            render: (_, c) => `${t(MATCH_KIND_LABELS[c.targetKind])} · ${c.targetLabel}`,
          },
          { title: t('Message to the provider'), dataIndex: 'message', ...clippedText(280) },
          {
            title: t('State'),
            render: (_, c) => (
              <Space>
                <Tag>{t(CONTACT_STATE_LABELS[c.state])}</Tag>
                {c.declineReason ? t(DECLINE_REASON_LABELS[c.declineReason]) : null}
              </Space>
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, c) =>
              c.mayAnswer ? (
                <Space>
                  <Button
                    size="small"
                    onClick={async () => {
                      await needsApi.answer(c.id, { to: 'accepted' });
                      list.reload();
                    }}
                  >
                    {t('Accept contact')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeclining(c)}>
                    {t('Decline contact')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <FormModal
        open={!!declining}
        title={t('Decline contact')}
        okText={t('Decline contact')}
        form={form}
        onCancel={() => setDeclining(null)}
        onSubmit={async (v) => {
          await needsApi.answer(declining!.id, { to: 'declined', ...v });
          setDeclining(null);
          form.resetFields();
          list.reload();
        }}
      >
        <Form.Item name="reason" label={t('Reason for declining')} rules={[{ required: true }]}>
          <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t(DECLINE_REASON_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('Explanation')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
