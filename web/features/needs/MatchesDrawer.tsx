import { Button, Drawer, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Match, type Need, needsApi } from '../../api/needs.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { Highlighted } from './Highlighted.js';
import { MATCH_KIND_LABELS } from './labels.js';

/** A need's ranked matches, each with its reason highlighted on both sides, and the contact button. */
export function MatchesDrawer({ need, onClose }: { need: Need | null; onClose(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = useApi(() => (need ? needsApi.matches(need.id) : Promise.resolve({ items: [] })), [need?.id]);
  const [contacting, setContacting] = useState<Match | null>(null);
  const [form] = Form.useForm<{ message: string }>();
  const name = (m: Match) => (locale === 'zh-CN' ? m.nameZh || m.nameEn : m.nameEn || m.nameZh);
  return (
    <Drawer open={!!need} onClose={onClose} width={760} title={t('Matches of the need')} destroyOnHidden>
      {need ? (
        <Typography.Paragraph data-testid="need-text">
          <Typography.Text strong>{need.title}</Typography.Text>
          <br />
          <Highlighted
            text={need.problem}
            terms={(list.data?.items ?? []).flatMap((m) => m.reason.needTerms)}
          />
        </Typography.Paragraph>
      ) : null}
      {list.error ? <LoadFailed error={list.error} /> : null}
      <List
        loading={list.loading}
        data-testid="matches"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('No match yet') }}
        renderItem={(m) => (
          <List.Item
            aria-label={name(m)}
            actions={[
              m.contacted ? (
                <Tag key="done" color="green">
                  {t('Contacted')}
                </Tag>
              ) : (
                <Button key="contact" disabled={need?.state !== 'open'} onClick={() => setContacting(m)}>
                  {t('Contact this match')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag>{t(MATCH_KIND_LABELS[m.kind])}</Tag>
                  {name(m)}
                  <Typography.Text type="secondary">
                    {t('Score')} {m.score.toFixed(2)}
                  </Typography.Text>
                </Space>
              }
              description={
                <div>
                  <div data-testid="match-reason">
                    {t('In common')}:{' '}
                    {m.reason.matchTerms.map((x) => (
                      <mark key={x} style={{ marginRight: 6 }}>
                        {x}
                      </mark>
                    ))}
                  </div>
                  <Highlighted text={m.text} terms={m.reason.matchTerms} />
                </div>
              }
            />
          </List.Item>
        )}
      />
      <FormModal
        open={!!contacting}
        title={contacting ? `${t('Contact this match')} · ${name(contacting)}` : ''}
        okText={t('Send')}
        form={form}
        onCancel={() => setContacting(null)}
        onSubmit={async (v) => {
          await needsApi.contact(need!.id, {
            kind: contacting!.kind,
            targetId: contacting!.id,
            message: v.message,
          });
          setContacting(null);
          form.resetFields();
          list.reload();
        }}
      >
        <Form.Item name="message" label={t('Message to the provider')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
