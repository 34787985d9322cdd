import {
  App,
  Button,
  Card,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callsApi } from '../../../api/calls.js';
import {
  type DecisionConstraints,
  type DecisionItem,
  type DecisionView,
  decisionsApi,
} from '../../../api/review-decisions.js';
import { scoringApi } from '../../../api/review-scoring.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { ComputationDetails } from '../../../components/ComputationDetails.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { pick } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { ConstraintsForm } from './ConstraintsForm.js';
import { CutoffExplanation, rankText, reasonText } from './CutoffExplanation.js';
import { completenessOf } from './completeness.js';
import { OverrideButton } from './OverrideButton.js';
import { OUTCOME_COLOR, OUTCOME_SHOWN } from './outcomes.js';
import { missingText, ReviewCompleteness } from './ReviewCompleteness.js';

/** Draws the cut-off line above the cut-off application's row (a red rule across every cell). */
function withCutoffLine(
  cutoffRow: number,
  columns: TableColumnsType<DecisionItem>,
): TableColumnsType<DecisionItem> {
  return columns.map((c) => ({
    ...c,
    onCell: (_: DecisionItem, i?: number) =>
      i === cutoffRow ? { style: { borderTop: '3px solid #cf1322' }, 'data-cutoff': 'true' } : {},
  }));
}

/** The call review page's decision tab: constraints, the ranked selection with its cut-off, overrides, finalise. */
export default function DecisionTab({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const call = useApi(() => callsApi.manage(callId), [callId]);
  const list = useApi(() => decisionsApi.list(callId), [callId]);
  const panel = useApi(() => scoringApi.panel(callId), [callId]);
  const [chosen, setChosen] = useState<string>();
  const [d, setD] = useState<DecisionView>();
  const [busy, setBusy] = useState(false);
  const shownId = chosen ?? list.data?.items.find((x) => x.state === 'final')?.id ?? list.data?.items[0]?.id;
  useEffect(() => {
    if (!shownId) return setD(undefined);
    decisionsApi.get(callId, shownId).then(setD, (err) => message.error(errorText(t, err)));
  }, [callId, shownId, message, t]);

  if (call.error) return <LoadFailed error={call.error} />;
  if (list.error) return <LoadFailed error={list.error} />;
  if (!call.data || !list.data) return <Centered />;
  const fields = call.data.fields;
  const fieldName = (i: number) => {
    const id = d?.constraints.fields[i]?.fieldId;
    const f = fields.find((x) => x.id === id);
    return f ? pick(f.nameZh, f.nameEn, locale) : String(i + 1);
  };
  const compute = async (c: DecisionConstraints) => {
    setBusy(true);
    try {
      const made = await decisionsApi.compute(callId, c);
      setChosen(made.id);
      setD(made);
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const finalise = async () => {
    if (!d) return;
    try {
      setD(await decisionsApi.finalise(callId, d.id));
      message.success(t('Decision finalised: projects created and applicants notified'));
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const draft = d?.state === 'draft';
  const review = panel.data ? completenessOf(panel.data.applications) : null;
  const cutoffRank = d?.items.findIndex((i) => i.applicationId === d.explanation.cutoff?.applicationId) ?? -1;
  const decided = list.data.items.some((x) => x.state === 'final');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="decision-tab">
      {review && !decided ? <ReviewCompleteness c={review} /> : null}
      {decided || call.data.state !== 'reviewing' ? null : (
        <ConstraintsForm fields={fields} busy={busy} onCompute={compute} />
      )}
      {list.data.items.length > 1 ? (
        <Select
          aria-label={t('Computed plans')}
          style={{ width: 420 }}
          value={shownId}
          onChange={setChosen}
          options={list.data.items.map((x) => ({
            value: x.id,
            label: `${x.createdAt.slice(0, 16).replace('T', ' ')} · ${x.state === 'final' ? t('Final') : t('Draft')} · ${money(x.approvedMinor, x.currency, locale)}`,
          }))}
        />
      ) : null}
      {d ? (
        <Card
          size="small"
          title={
            <Space>
              {t('Decision')}
              <Tag color={draft ? 'blue' : 'green'}>{draft ? t('Draft') : t('Final')}</Tag>
            </Space>
          }
          extra={
            draft ? (
              <Popconfirm
                title={t('Finalise this decision?')}
                description={
                  <Space orientation="vertical" size={4} style={{ maxWidth: 420 }}>
                    {review && review.unfinished.length > 0 ? (
                      <Typography.Text type="danger" data-testid="finalise-missing">
                        {t(
                          'The review is not complete: {{submitted}} of {{count}} scorecards are in. Missing: {{list}}',
                          {
                            submitted: review.submitted,
                            count: review.expected,
                            list: missingText(t, review, locale),
                          },
                        )}
                      </Typography.Text>
                    ) : null}
                    <span>
                      {t(
                        'Applications get their outcome, approved ones become projects and applicants are notified. This cannot be undone.',
                      )}
                    </span>
                  </Space>
                }
                okText={t('Finalise')}
                onConfirm={finalise}
              >
                <Button type="primary" data-testid="decision-finalise">
                  {t('Finalise')}
                </Button>
              </Popconfirm>
            ) : null
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="decision-summary">
              {t('Approved {{approved}} of the budget {{budget}}; total score {{objective}}.', {
                approved: money(d.approvedMinor, d.currency, locale),
                budget: money(d.budgetMinor, d.currency, locale),
                objective: d.objective.toFixed(2),
              })}
            </Typography.Text>
            <ComputationDetails solver={d.solver} timings={{ solve: d.millis }} />
            <CutoffExplanation d={d} fieldName={fieldName} />
            <Table<DecisionItem>
              scroll={WIDE}
              size="small"
              rowKey="applicationId"
              pagination={false}
              dataSource={d.items}
              data-testid="decision-table"
              columns={withCutoffLine(cutoffRank, [
                {
                  title: t('Rank'),
                  dataIndex: 'rank',
                  width: 60,
                  render: (r: number) => rankText(t, r),
                },
                {
                  title: t('Application'),
                  render: (_, i) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>
                        {pick(i.titleZh, i.titleEn, locale) || t('Untitled application')}
                      </Typography.Text>
                      <Typography.Text type="secondary">{i.number}</Typography.Text>
                    </Space>
                  ),
                },
                { title: t('Score'), render: (_, i) => i.score.toFixed(2) },
                { title: t('Requested'), render: (_, i) => money(i.requestedMinor, d.currency, locale) },
                {
                  title: t('Cumulative approved'),
                  render: (_, i) => money(i.cumulativeApprovedMinor, d.currency, locale),
                },
                {
                  title: t('Outcome'),
                  render: (_, i) => (
                    <Space orientation="vertical" size={0}>
                      <Tag color={OUTCOME_COLOR[i.outcome]}>{t(OUTCOME_SHOWN[i.outcome])}</Tag>
                      {i.outcome !== i.optimiserOutcome ? (
                        <Typography.Text type="warning">
                          {t('Overridden (optimiser: {{outcome}}): {{reason}}', {
                            outcome: t(OUTCOME_SHOWN[i.optimiserOutcome]),
                            reason: i.overrideReason,
                          })}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                { title: t('Reason'), render: (_, i) => reasonText(t, i, fieldName) },
                ...(draft
                  ? [
                      {
                        title: '',
                        render: (_: unknown, i: DecisionItem) => (
                          <OverrideButton callId={callId} decisionId={d.id} item={i} onSaved={setD} />
                        ),
                      },
                    ]
                  : []),
              ])}
            />
          </Space>
        </Card>
      ) : (
        <Typography.Text type="secondary">{t('No decision computed yet.')}</Typography.Text>
      )}
    </Space>
  );
}
