import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERION_LABELS, type Criterion } from '../../../../common/calls.js';
import { CHECK_VERDICTS, type CheckVerdict } from '../../../../common/project-checks.js';
import { expertsApi } from '../../../api/experts.js';
import { type CheckView, projectChecksApi } from '../../../api/project-checks.js';
import { useApi } from '../../../app/useApi.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { AutoAssign, CalibratedScores, SeatTag } from './AutoAssign.js';
import { ReviewForms, ReviewsOfVersion } from './CheckReviews.js';
import {
  CHECK_KIND_LABELS,
  CHECK_STATE_LABELS,
  JUDGEMENT_LABELS,
  VERDICT_COLORS,
  VERDICT_LABELS,
} from './checks.labels.js';

const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));

/** The officers put experts of the expert database on the panel; a conflict comes back with its rule. */
function AssignExpert({ check, onDone }: { check: CheckView; onDone(): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [expertId, setExpertId] = useState<string>();
  const [chair, setChair] = useState(false);
  const [error, setError] = useState<string>();
  const experts = useApi(() => expertsApi.list({ q: q || undefined }), [q]);
  const assign = async () => {
    if (!expertId) return;
    try {
      await projectChecksApi.assign(check.id, { expertId, chair });
      setError(undefined);
      setExpertId(undefined);
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  return (
    <Space wrap>
      <Select
        showSearch
        filterOption={false}
        onSearch={setQ}
        style={{ width: 260 }}
        placeholder={t('Expert')}
        aria-label={t('Expert')}
        value={expertId}
        onChange={setExpertId}
        data-testid="check-expert-select"
        options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: e.person.nameZh }))}
      />
      <Checkbox checked={chair} onChange={(e) => setChair(e.target.checked)}>
        {t('Chair')}
      </Checkbox>
      <Button onClick={assign} data-testid="check-assign-expert">
        {t('Add to the panel')}
      </Button>
      {error ? <Tag color="red">{error}</Tag> : null}
    </Space>
  );
}

/** The officers or the chair adopt the verdict; 整改 with the items to rectify and the window. */
function AdoptForm({ check, onDone }: { check: CheckView; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const verdict = Form.useWatch('verdict', form) as CheckVerdict | undefined;
  const adopt = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.adopt(check.id, {
        verdict: v.verdict,
        rectification:
          v.verdict === 'rectify'
            ? {
                items: String(v.items ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
                dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
              }
            : undefined,
        summary: v.summary || undefined,
      });
      onDone();
    } catch (err) {
      form.setFields([{ name: 'verdict', errors: [errorText(t, err)] }]);
    }
  };
  const c = check.calibration;
  return (
    <Form form={form} layout="vertical" data-testid="check-adopt-form">
      {c ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('Raw mean')}>{num(c.rawMean)}</Descriptions.Item>
          <Descriptions.Item label={t('Calibrated mean')}>{num(c.calibratedMean)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <CalibratedScores check={check} />
      <Form.Item name="verdict" label={t('Verdict')} rules={[{ required: true, message: t('Required') }]}>
        <Radio.Group
          options={CHECK_VERDICTS.map((v) => ({ value: v, label: t(VERDICT_LABELS[v]) }))}
          optionType="button"
        />
      </Form.Item>
      {verdict === 'rectify' ? (
        <>
          <Form.Item
            name="items"
            label={t('Items to rectify (one a line)')}
            rules={[{ required: true, message: t('Required') }]}
          >
            <Input.TextArea id="rectification-items" rows={3} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('Rectify by (three months when empty)')}>
            <DatePicker />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="summary" label={t('check.summary')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" onClick={adopt} data-testid="check-adopt">
        {t('Adopt the verdict')}
      </Button>
    </Form>
  );
}

type Report = CheckView['reports'][number];

/** One frozen report version: indicators judged against their targets and, once adopted, the panel's result. */
function ReportVersion({ r }: { r: Report }) {
  const { t } = useTranslation();
  const a = r.adoption;
  return (
    <Card
      size="small"
      type="inner"
      title={`${t('Report')} v${r.version} · ${r.submittedAt.slice(0, 10)}`}
      data-testid={`check-report-v${r.version}`}
    >
      <Table
        scroll={WIDE}
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={r.report.indicators}
        columns={[
          { title: t('Indicator'), dataIndex: 'name' },
          { title: t('Target'), render: (_, i) => String(i.target) },
          { title: t('Reported'), render: (_, i) => String(i.value) },
          {
            title: t('Judgement'),
            render: (_, i) => {
              const met = a?.indicators.find((x) => x.index === i.index)?.met;
              return (
                <Space>
                  <Tag>{t(JUDGEMENT_LABELS[i.judgement])}</Tag>
                  {met === undefined ? null : (
                    <Tag color={met ? 'green' : 'red'}>{met ? t('target.met') : t('Not met')}</Tag>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {a ? (
        <>
          <Descriptions size="small" column={4} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('Verdict')}>
              <Tag color={VERDICT_COLORS[a.verdict]} data-testid="check-verdict">
                {t(VERDICT_LABELS[a.verdict])}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('Academic evaluation')}>{num(a.panel.academic)}</Descriptions.Item>
            <Descriptions.Item label={t('Economic evaluation')}>{num(a.panel.economic)}</Descriptions.Item>
            <Descriptions.Item label={t('score.total')}>{num(a.panel.total)}</Descriptions.Item>
          </Descriptions>
          <Table
            scroll={WIDE}
            size="small"
            pagination={false}
            rowKey="criterion"
            dataSource={a.panel.criteria}
            columns={[
              { title: t('Criterion'), render: (_, c) => t(CRITERION_LABELS[c.criterion as Criterion]) },
              { title: t('Mean'), render: (_, c) => num(c.mean) },
              { title: t('SD'), render: (_, c) => num(c.sd) },
              { title: t('Min'), render: (_, c) => num(c.min) },
              { title: t('Max'), render: (_, c) => num(c.max) },
            ]}
          />
          {a.rectification ? (
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('Items to rectify')}>
                {a.rectification.items.join('；')}
              </Descriptions.Item>
              <Descriptions.Item label={t('Rectify by')}>{a.rectification.dueOn}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </>
      ) : null}
      {r.reviews ? <ReviewsOfVersion reviews={r.reviews} /> : null}
    </Card>
  );
}

/** Whether the verdict may be formed: a final check's version needs its task and financial reviews first. */
const reviewed = (check: CheckView) => {
  const current = check.reports.find((r) => r.version === check.version);
  return check.kind !== 'final' || !!(current?.reviews?.task && current.reviews.financial);
};

/** One check: its state, the frozen versions, the panel (officers and chair) and what the caller may do. */
export function CheckCard({
  check,
  reportForm,
  onChange,
}: {
  check: CheckView;
  reportForm: React.ReactNode;
  onChange(): void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="project-check"
      title={
        <Space>
          {t(CHECK_KIND_LABELS[check.kind])}
          <Tag data-testid="check-state">{t(CHECK_STATE_LABELS[check.state])}</Tag>
          {check.verdict ? (
            <Tag color={VERDICT_COLORS[check.verdict]}>{t(VERDICT_LABELS[check.verdict])}</Tag>
          ) : null}
        </Space>
      }
      extra={`${t('Due')} ${check.dueOn}`}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {check.access.submitReport ? reportForm : null}
        {check.panel ? (
          <Table
            scroll={WIDE}
            size="small"
            pagination={false}
            rowKey="expertId"
            dataSource={check.panel}
            data-testid="check-panel"
            columns={[
              { title: t('Expert'), render: (_, s) => (s.chair ? `${s.name} (${t('Chair')})` : s.name) },
              { title: t('Invitation'), render: (_, s) => <SeatTag state={s.state} /> },
              {
                title: t('Calibrated total'),
                render: (_, s) => {
                  const r = check.calibration?.reviews.find((x) => x.expertId === s.expertId);
                  return r ? `${num(r.rawTotal)} → ${num(r.calibratedTotal)}` : '—';
                },
              },
              {
                title: t('Scorecard'),
                render: (_, s) =>
                  s.scorecard === 'submitted' ? t('Submitted') : s.scorecard ? t('Draft') : '—',
              },
            ]}
          />
        ) : null}
        {check.conflicts?.length ? (
          <Space wrap>
            {check.conflicts.map((c) => (
              <Tag key={`${c.expertId}${c.rule}`} color="red">
                {t('Conflict')}: {c.rule}
              </Tag>
            ))}
          </Space>
        ) : null}
        {check.access.manage ? <AutoAssign check={check} onDone={onChange} /> : null}
        {check.access.manage ? <AssignExpert check={check} onDone={onChange} /> : null}
        {[...check.reports].reverse().map((r) => (
          <ReportVersion key={r.version} r={r} />
        ))}
        <ReviewForms check={check} onDone={onChange} />
        {check.access.adopt && reviewed(check) ? <AdoptForm check={check} onDone={onChange} /> : null}
      </Space>
    </Card>
  );
}
