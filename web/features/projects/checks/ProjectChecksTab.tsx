import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECK_KINDS, EVALUATION_GRADES } from '../../../../common/project-checks.js';
import { type EvaluationView, projectChecksApi } from '../../../api/project-checks.js';
import { projectsApi } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { localName } from '../../../components/labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { CheckCard } from './CheckCard.js';
import { CHECK_KIND_LABELS, GRADE_LABELS, JUDGEMENT_LABELS } from './checks.labels.js';
import { IndicatorInput, indicatorValue, ReportForm } from './ReportForm.js';

/** The officer opens an interim or a final check with the date the report is due. */
function OpenCheck({ projectId, onDone }: { projectId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const open = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.open(projectId, { kind: v.kind, dueOn: v.dueOn.format('YYYY-MM-DD') });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'kind', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Form form={form} layout="inline" data-testid="open-check-form">
      <Form.Item name="kind" initialValue="interim">
        <Select
          id="check-kind"
          aria-label={t('Kind of check')}
          style={{ width: 140 }}
          options={CHECK_KINDS.map((k) => ({ value: k, label: t(CHECK_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item name="dueOn" rules={[{ required: true, message: t('Required') }]}>
        <DatePicker id="check-due" placeholder={t('Report due')} aria-label={t('Report due')} />
      </Form.Item>
      <Button type="primary" onClick={open} data-testid="open-check">
        {t('Open a check')}
      </Button>
    </Form>
  );
}

type Indicators = NonNullable<
  Awaited<ReturnType<typeof projectChecksApi.agreement>>
>['content']['indicators'];

/** 绩效评价 after closing: what each indicator achieved, the dual judgement in words and the grade. */
function Evaluation({
  projectId,
  view,
  indicators,
  onDone,
}: {
  projectId: string;
  view: EvaluationView;
  indicators: Indicators;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const e = view.evaluation;
  if (e)
    return (
      <Card size="small" title={t('Performance evaluation')} data-testid="project-evaluation">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('Grade')}>
            <Tag color="blue">{t(GRADE_LABELS[e.grade])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('Academic evaluation')}>{e.academic}</Descriptions.Item>
          <Descriptions.Item label={t('Economic evaluation')}>{e.economic}</Descriptions.Item>
        </Descriptions>
        <Table
          scroll={WIDE}
          size="small"
          pagination={false}
          rowKey="index"
          dataSource={e.indicators}
          columns={[
            { title: t('Indicator'), dataIndex: 'name' },
            { title: t('Target'), render: (_, i) => String(i.target) },
            { title: t('Achieved'), render: (_, i) => String(i.achieved) },
            { title: t('Judgement'), render: (_, i) => t(JUDGEMENT_LABELS[i.judgement]) },
          ]}
        />
      </Card>
    );
  if (!view.access.evaluate) return null;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.evaluate(projectId, {
        indicators: indicators.map((ind, index) => ({
          index,
          achieved: indicatorValue(ind, v[`ach_${index}`]),
        })),
        academic: v.academic,
        economic: v.economic,
        grade: v.grade,
      });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'grade', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Card size="small" title={t('Performance evaluation')}>
      <Form form={form} layout="vertical" data-testid="evaluation-form">
        {indicators.map((ind, i) => (
          <Form.Item
            key={ind.name}
            name={`ach_${i}`}
            label={`${ind.name} (${t('Target')}: ${String(ind.target)})`}
            valuePropName={ind.type === 'yes_no' ? 'checked' : 'value'}
          >
            <IndicatorInput indicator={ind} id={`ach_${i}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="academic"
          label={t('Academic evaluation')}
          rules={[{ required: true, message: t('Required') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="economic"
          label={t('Economic evaluation')}
          rules={[{ required: true, message: t('Required') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="grade" label={t('Grade')} rules={[{ required: true, message: t('Required') }]}>
          <Select options={EVALUATION_GRADES.map((g) => ({ value: g, label: t(GRADE_LABELS[g]) }))} />
        </Form.Item>
        <Button type="primary" onClick={submit}>
          {t('Record the evaluation')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The checks tab of a project (issue 13): 中期检查 and 结题验收 with their frozen reports, the panel and
 * the adopted verdicts, the lead's report form, and the 绩效评价 once the project is closed.
 */
export function ProjectChecksTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const checks = useApi(() => projectChecksApi.list(projectId), [projectId]);
  const agreement = useApi(() => projectChecksApi.agreement(projectId).catch(() => null), [projectId]);
  const project = useApi(() => projectsApi.get(projectId), [projectId]);
  const evaluation = useApi(() => projectChecksApi.evaluation(projectId), [projectId]);
  const reload = () => {
    checks.reload();
    project.reload();
    evaluation.reload();
  };
  const members = (project.data?.members ?? []).map((m) => ({
    id: m.organisation.id,
    name: localName(m.organisation, locale),
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="project-checks-tab">
      {checks.error ? <Alert type="error" showIcon title={errorText(t, checks.error)} /> : null}
      {checks.data?.access.open ? <OpenCheck projectId={projectId} onDone={reload} /> : null}
      {[...(checks.data?.items ?? [])].reverse().map((c) => (
        <CheckCard
          key={c.id}
          check={c}
          onChange={reload}
          reportForm={
            // The owner select starts on the lead member: wait for the consortium before drawing the form.
            agreement.data && project.data ? (
              <ReportForm
                projectId={projectId}
                checkId={c.id}
                kind={c.kind}
                agreement={agreement.data}
                members={members}
                onDone={reload}
              />
            ) : null
          }
        />
      ))}
      {evaluation.data && agreement.data ? (
        <Evaluation
          projectId={projectId}
          view={evaluation.data}
          indicators={agreement.data.content.indicators}
          onDone={reload}
        />
      ) : null}
    </Space>
  );
}
