import { Button, Card, Checkbox, Descriptions, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECK_VERDICTS } from '../../../../common/project-checks.js';
import { type CheckView, projectChecksApi } from '../../../api/project-checks.js';
import { money } from '../../../components/money.js';
import { SPENDING_LABELS } from '../../../components/project-detail-labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { EvidenceFiles, useEvidence } from '../detail/EvidenceFiles.js';
import { JUDGEMENT_LABELS, VERDICT_COLORS, VERDICT_LABELS } from './checks.labels.js';

/**
 * 结题验收's task review (任务审查) and financial review (财务审查), issue 13: what each found on a report
 * version, and for the funder's side the forms that record them on the version under review.
 */

type Report = CheckView['reports'][number];
type Reviews = NonNullable<Report['reviews']>;

const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function Outcome({ outcome, testId }: { outcome: keyof typeof VERDICT_LABELS; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLORS[outcome]} data-testid={testId}>
      {t(VERDICT_LABELS[outcome])}
    </Tag>
  );
}

/** The two recorded reviews of one version. */
export function ReviewsOfVersion({ reviews }: { reviews: Reviews }) {
  const { t, i18n } = useTranslation();
  const { task, financial: f } = reviews;
  return (
    <>
      {task ? (
        <Card size="small" type="inner" title={t('Task review')} data-testid="task-review">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('Review outcome')}>
              <Outcome outcome={task.outcome} testId="task-review-outcome" />
            </Descriptions.Item>
            <Descriptions.Item label={t('Review notes')}>{task.notes}</Descriptions.Item>
          </Descriptions>
          <Table
            scroll={WIDE}
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={task.indicators}
            columns={[
              { title: t('Indicator'), dataIndex: 'name' },
              { title: t('Target'), render: (_, i) => String(i.target) },
              { title: t('Actual'), render: (_, i) => String(i.actual) },
              { title: t('Judgement'), render: (_, i) => t(JUDGEMENT_LABELS[i.judgement]) },
              {
                title: t('Finding'),
                render: (_, i) => (
                  <Tag color={i.met ? 'green' : 'red'}>{i.met ? t('target.met') : t('Not met')}</Tag>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {f ? (
        <Card size="small" type="inner" title={t('Financial review')} data-testid="financial-review">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('Review outcome')}>
              <Outcome outcome={f.outcome} testId="financial-review-outcome" />
            </Descriptions.Item>
            <Descriptions.Item label={t('Execution rate')}>
              <span data-testid="financial-review-rate">{rate(f.total.rate)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('Approved budget')}>
              {money(f.total.plannedMinor, f.currency, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('Spent')}>
              {money(f.total.spentMinor, f.currency, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('Review notes')}>{f.notes}</Descriptions.Item>
            <Descriptions.Item label={t('Audit report')}>{f.auditReport?.fileName ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Table
            scroll={WIDE}
            size="small"
            pagination={false}
            rowKey={(l) => `${l.organisationId}|${'category' in l ? l.category : ''}`}
            dataSource={[
              ...f.byCategory.map((l) => ({
                ...l,
                organisationId: '',
                label: t(SPENDING_LABELS[l.category]),
              })),
              ...f.byMember.map((l) => ({ ...l, label: l.name })),
            ]}
            columns={[
              { title: t('Category or member'), dataIndex: 'label' },
              {
                title: t('Approved budget'),
                render: (_, l) => money(l.plannedMinor, f.currency, i18n.language),
              },
              { title: t('Spent'), render: (_, l) => money(l.spentMinor, f.currency, i18n.language) },
              { title: t('Execution rate'), render: (_, l) => rate(l.rate) },
              {
                title: t('Over budget'),
                render: (_, l) => (l.overspent ? <Tag color="red">{t('Over budget')}</Tag> : '—'),
              },
            ]}
          />
          {f.overspent.length ? (
            <Space wrap style={{ marginTop: 8 }} data-testid="financial-review-overspent">
              {f.overspent.map((o) => (
                <Tag key={`${o.organisationId}${o.category}`} color="red">
                  {o.name} · {t(SPENDING_LABELS[o.category])}:{' '}
                  {money(o.spentMinor - o.plannedMinor, f.currency, i18n.language)}
                </Tag>
              ))}
            </Space>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}

/** Outcome and notes, the fields both reviews share. */
function OutcomeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="outcome"
        label={t('Review outcome')}
        rules={[{ required: true, message: t('Required') }]}
      >
        <Radio.Group
          options={CHECK_VERDICTS.map((v) => ({ value: v, label: t(VERDICT_LABELS[v]) }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item
        name="notes"
        label={t('Review notes')}
        rules={[{ required: true, whitespace: true, message: t('Required') }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function TaskReviewForm({ check, report, onDone }: { check: CheckView; report: Report; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.taskReview(check.id, {
        outcome: v.outcome,
        notes: v.notes,
        indicators: report.report.indicators.map((i) => ({ index: i.index, met: !!v[`met-${i.index}`] })),
      });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'outcome', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="task-review-form"
      initialValues={Object.fromEntries(
        report.report.indicators.map((i) => [`met-${i.index}`, i.judgement === 'met']),
      )}
    >
      {report.report.indicators.map((i) => (
        <Form.Item key={i.index} name={`met-${i.index}`} valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>
            {t('{{name}} met (target {{target}}, reported {{value}})', {
              name: i.name,
              target: String(i.target),
              value: String(i.value),
            })}
          </Checkbox>
        </Form.Item>
      ))}
      <OutcomeFields />
      <Button type="primary" onClick={save}>
        {t('Record the task review')}
      </Button>
    </Form>
  );
}

function FinancialReviewForm({ check, onDone }: { check: CheckView; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const evidence = useEvidence(check.projectId);
  const reports = evidence.of('audit_report', check.id);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.financialReview(check.id, {
        outcome: v.outcome,
        notes: v.notes,
        auditReportId: reports.at(-1)?.id,
      });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'outcome', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Form form={form} layout="vertical" data-testid="financial-review-form">
      <Form.Item label={t('Audit report (optional)')}>
        <EvidenceFiles
          projectId={check.projectId}
          subject="audit_report"
          subjectRef={check.id}
          items={reports}
          canUpload
          onUploaded={evidence.reload}
        />
      </Form.Item>
      <OutcomeFields />
      <Button type="primary" onClick={save}>
        {t('Record the financial review')}
      </Button>
    </Form>
  );
}

/** The forms of the reviews the current version still lacks (the funder's side, final acceptance). */
export function ReviewForms({ check, onDone }: { check: CheckView; onDone(): void }) {
  const { t } = useTranslation();
  const current = check.reports.find((r) => r.version === check.version);
  if (!check.access.review || !current?.reviews) return null;
  return (
    <>
      {current.reviews.task ? null : (
        <Card size="small" type="inner" title={t('Task review')}>
          <TaskReviewForm check={check} report={current} onDone={onDone} />
        </Card>
      )}
      {current.reviews.financial ? null : (
        <Card size="small" type="inner" title={t('Financial review')}>
          <FinancialReviewForm check={check} onDone={onDone} />
        </Card>
      )}
    </>
  );
}
