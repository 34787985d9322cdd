import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../api/applications.js';
import { useLocale } from '../../../app/locale.js';
import { MoneyInput } from '../../../components/MoneyInput.js';
import { money } from '../../../components/money.js';
import { OrgPicker } from '../../../components/OrgPicker.js';
import { ORG_TYPE_LABELS, orgName, SIZE_LABELS } from '../../../components/org-labels.js';
import { actions, WIDE } from '../../../components/tables.js';
import type { Member } from '../draft.js';
import { ContactPicker } from './ContactPicker.js';

/**
 * Step 4: the lead (the applicant's own organisation, first and fixed) and the members, each with a
 * contact person, a role, the requested amount and its own co-funding.
 */
export function ConsortiumStep({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  // preserve: the lead's organisation is fixed (no input), so a plain watch would not carry its id.
  const members = (Form.useWatch('consortium', { form, preserve: true }) as Member[] | undefined) ?? [];
  const known = new Map(app.consortium.map((m) => [m.organisation.id, m]));
  const requested = members.reduce((s, m) => s + (m?.requestedMinor ?? 0), 0);
  const cofunding = members.reduce((s, m) => s + (m?.cofundingMinor ?? 0), 0);
  return (
    <Form.List name="consortium">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="consortium-table"
            scroll={WIDE}
            columns={[
              {
                title: t('Organisation'),
                width: 300,
                render: (_, f) => {
                  const orgId = members[f.name]?.organisationId;
                  const stored = orgId ? known.get(orgId) : undefined;
                  if (f.name === 0)
                    return (
                      <Space orientation="vertical" size={0}>
                        <span>
                          {orgName(app.lead, locale)} <Tag color="blue">{t('Lead')}</Tag>
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(ORG_TYPE_LABELS[app.lead.type as keyof typeof ORG_TYPE_LABELS] ?? app.lead.type)}
                        </Typography.Text>
                      </Space>
                    );
                  return (
                    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                      <Form.Item name={[f.name, 'organisationId']} noStyle>
                        <OrgPicker current={stored?.organisation ?? null} aria-label={t('Organisation')} />
                      </Form.Item>
                      {stored ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(ORG_TYPE_LABELS[stored.organisation.type as keyof typeof ORG_TYPE_LABELS] ?? '')}
                          {stored.organisation.enterpriseSize
                            ? ` · ${t(SIZE_LABELS[stored.organisation.enterpriseSize as keyof typeof SIZE_LABELS] ?? '')}`
                            : ''}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  );
                },
              },
              {
                title: t('Contact person'),
                render: (_, f) => (
                  <Form.Item name={[f.name, 'contactPersonId']} noStyle>
                    <ContactPicker
                      organisationId={members[f.name]?.organisationId}
                      current={known.get(members[f.name]?.organisationId ?? '')?.contact ?? null}
                      testId={`member-contact-${f.name}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('Role in the project'),
                render: (_, f) => (
                  <Form.Item name={[f.name, 'role']} noStyle>
                    <Input maxLength={500} style={{ width: 200 }} data-testid={`member-role-${f.name}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('Requested amount'),
                render: (_, f) => (
                  <Form.Item name={[f.name, 'requestedMinor']} noStyle>
                    <MoneyInput currency={app.currency} width={170} testId={`member-requested-${f.name}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('Own co-funding'),
                render: (_, f) => (
                  <Form.Item name={[f.name, 'cofundingMinor']} noStyle>
                    <MoneyInput currency={app.currency} width={170} testId={`member-cofunding-${f.name}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('Actions'),
                ...actions(),
                render: (_, f) =>
                  f.name === 0 ? null : (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('Remove')}
                    />
                  ),
              },
            ]}
          />
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ requestedMinor: 0, cofundingMinor: 0 })}
              data-testid="add-member"
            >
              {t('Add a member')}
            </Button>
            <Typography.Text data-testid="consortium-totals">
              {t('Requested in total: {{requested}} · own co-funding: {{cofunding}}', {
                requested: money(requested, app.currency, locale),
                cofunding: money(cofunding, app.currency, locale),
              })}
            </Typography.Text>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}
