import { Button, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { MILESTONE_PROGRESS } from '../../../../common/project-checks.js';
import { type AgreementView, projectChecksApi } from '../../../api/project-checks.js';
import { errorText } from '../../../i18n/errors.js';
import { ReportFiles } from '../detail/EvidenceFiles.js';
import { PROGRESS_LABELS } from './checks.labels.js';

type Indicator = AgreementView['content']['indicators'][number];

/**
 * The input of an indicator's value, of the indicator's type (count, amount, percentage, date, yes/no).
 * A Form.Item control: it must pass on the value and onChange (or checked) the Form.Item gives it, or
 * what is typed never reaches the form and the field stays "required".
 */
export function IndicatorInput({
  indicator,
  id,
  ...control
}: {
  indicator: Indicator;
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: the value's type follows the indicator's type
  value?: any;
  checked?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: as value
  onChange?(v: any): void;
}) {
  if (indicator.type === 'yes_no')
    return <Switch id={id} checked={control.checked} onChange={control.onChange} />;
  if (indicator.type === 'date')
    return <DatePicker id={id} value={control.value} onChange={control.onChange} />;
  return (
    <InputNumber
      id={id}
      value={control.value}
      onChange={control.onChange}
      min={0}
      max={indicator.type === 'percentage' ? 100 : undefined}
      precision={indicator.type === 'percentage' ? undefined : 0}
    />
  );
}

/** The form value of an indicator as the API takes it (dates as YYYY-MM-DD). */
export const indicatorValue = (indicator: Indicator, v: unknown): number | string | boolean =>
  indicator.type === 'date'
    ? (v as { format(f: string): string }).format('YYYY-MM-DD')
    : indicator.type === 'yes_no'
      ? !!v
      : Number(v);

/** The lead's check report: a value per indicator and a progress per milestone of the frozen 任务书. */
export function ReportForm({
  projectId,
  checkId,
  kind,
  agreement,
  members,
  onDone,
}: {
  projectId: string;
  checkId: string;
  kind: 'interim' | 'final';
  agreement: AgreementView;
  members: { id: string; name: string }[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { indicators, milestones } = agreement.content;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.report(checkId, {
        indicators: indicators.map((ind, index) => ({
          index,
          value: indicatorValue(ind, v[`ind_${index}`]),
        })),
        milestones: milestones.map((_, index) => ({ index, progress: v[`ms_${index}`] })),
        achievements: v.achievements,
        problems: v.problems ?? '',
        resultsOwnership: v.output ? [{ output: v.output, ownerOrganisationId: v.owner }] : [],
      });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'achievements', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Form form={form} layout="vertical" data-testid="check-report-form">
      {indicators.map((ind, i) => (
        <Form.Item
          key={ind.name}
          name={`ind_${i}`}
          label={`${ind.name} (${t('Target')}: ${String(ind.target)})`}
          valuePropName={ind.type === 'yes_no' ? 'checked' : 'value'}
          rules={ind.type === 'yes_no' ? [] : [{ required: true, message: t('Required') }]}
        >
          <IndicatorInput indicator={ind} id={`ind_${i}`} />
        </Form.Item>
      ))}
      {milestones.map((m, i) => (
        <Form.Item key={m.title} name={`ms_${i}`} label={`${m.title} (${m.dueOn})`} initialValue="done">
          <Select
            id={`ms_${i}`}
            options={MILESTONE_PROGRESS.map((p) => ({ value: p, label: t(PROGRESS_LABELS[p]) }))}
          />
        </Form.Item>
      ))}
      <Form.Item
        name="achievements"
        label={t('Achievements')}
        rules={[{ required: true, message: t('Required') }]}
      >
        <Input.TextArea id="achievements" rows={3} />
      </Form.Item>
      <Form.Item name="problems" label={t('Problems')}>
        <Input.TextArea id="problems" rows={2} />
      </Form.Item>
      {/* Each control has its own label (the owner's select had none, so it could not be found by it). */}
      <Form.Item
        name="output"
        label={t('Output and its owner')}
        rules={kind === 'final' ? [{ required: true, message: t('Required') }] : []}
      >
        <Input id="output" placeholder={t('Output')} />
      </Form.Item>
      <Form.Item name="owner" label={t('Owner of the output')} initialValue={members[0]?.id}>
        <Select id="owner" options={members.map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item label={t('Attachments')}>
        <ReportFiles projectId={projectId} subject="check_report" subjectRef={checkId} canUpload />
      </Form.Item>
      <Button type="primary" onClick={submit} data-testid="submit-check-report">
        {t('Submit the report')}
      </Button>
    </Form>
  );
}
