import { Alert, Form, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COST_CATEGORIES, type CostCategory } from '../../../../common/calls.js';
import type { ApplicationView } from '../../../api/applications.js';
import { useLocale } from '../../../app/locale.js';
import { COST_CATEGORIES_SHOWN } from '../../../components/labels.js';
import { MoneyInput } from '../../../components/MoneyInput.js';
import { money } from '../../../components/money.js';
import { orgName } from '../../../components/org-labels.js';
import { clipped, oneLine, WIDE } from '../../../components/tables.js';
import { type BudgetMatrix, budgetTotals, type Member } from '../draft.js';

/**
 * Step 5: the budget by member × cost category with live totals; each member's lines must add up to its
 * requested amount, and a mismatch is shown as it is typed.
 */
export function BudgetStep({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  // preserve: the lead's organisation has no input of its own (it is fixed), so a plain watch would
  // leave it out and the lead would get no budget row.
  const members = (
    (Form.useWatch('consortium', { form, preserve: true }) as Member[] | undefined) ?? []
  ).filter((m) => m?.organisationId);
  const budget = (Form.useWatch('budget', { form, preserve: true }) as BudgetMatrix | undefined) ?? {};
  const totals = budgetTotals(members, budget);
  const names = new Map(app.consortium.map((m) => [m.organisation.id, orgName(m.organisation, locale)]));
  const fmt = (minor: number) => money(minor, app.currency, locale);
  const mismatched = new Set(totals.mismatches.map((m) => m.organisationId));

  return (
    <>
      {totals.mismatches.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="budget-mismatch"
          title={t('The budget lines of {{count}} member(s) do not add up to the requested amount', {
            count: totals.mismatches.length,
          })}
        />
      ) : null}
      <Table<Member>
        size="small"
        pagination={false}
        rowKey="organisationId"
        dataSource={members}
        scroll={WIDE}
        data-testid="budget-table"
        columns={[
          {
            title: t('Organisation'),
            fixed: 'left',
            ...clipped<Member>(
              200,
              (m) => names.get(m.organisationId) ?? t('New member (save to see its name)'),
            ),
          },
          ...COST_CATEGORIES.map((c: CostCategory) => ({
            title: t(COST_CATEGORIES_SHOWN[c]),
            key: c,
            width: 160,
            render: (_: unknown, m: Member) => (
              <Form.Item name={['budget', m.organisationId, c]} noStyle>
                <MoneyInput
                  currency={app.currency}
                  width={140}
                  testId={`budget-${m.organisationId}-${c}`}
                  ariaLabel={t(COST_CATEGORIES_SHOWN[c])}
                />
              </Form.Item>
            ),
          })),
          {
            title: t('Total'),
            fixed: 'right',
            width: 200,
            onCell: () => oneLine,
            render: (_, m) => (
              <Typography.Text
                type={mismatched.has(m.organisationId) ? 'danger' : undefined}
                data-testid={`budget-total-${m.organisationId}`}
              >
                {fmt(totals.byMember.get(m.organisationId) ?? 0)}
                {mismatched.has(m.organisationId) ? ` ≠ ${fmt(m.requestedMinor ?? 0)}` : ''}
              </Typography.Text>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row data-testid="budget-totals">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('Total')}</Typography.Text>
            </Table.Summary.Cell>
            {COST_CATEGORIES.map((c, i) => (
              <Table.Summary.Cell key={c} index={i + 1} {...oneLine}>
                {fmt(totals.byCategory.get(c) ?? 0)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={COST_CATEGORIES.length + 1} {...oneLine}>
              <Typography.Text strong data-testid="budget-grand-total">
                {fmt(totals.total)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
