import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_TYPES } from '../../../../common/projects.js';
import { type AmendmentView, projectAmendmentsApi } from '../../../api/project-amendments.js';
import type { AgreementView } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { DateInput } from '../../../components/DateInput.js';
import { FormModal } from '../../../components/FormModal.js';
import { LoadFailed } from '../../../components/feedback.js';
import { INDICATOR_TYPE_LABELS, REPORT_KIND_LABELS } from '../../../components/project-detail-labels.js';
import { ReasonDialog } from '../../../components/ReasonDialog.js';
import { actions, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';
import { AgreementChanges, AMENDMENT_STATE_LABELS } from './AgreementChanges.js';
import { type AmendmentValues, proposalOf, startingValues } from './amendment-form.js';

const STATE_COLORS = { proposed: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' } as const;

/** 变更: the amendments of the 任务书 with what each changes; 申请变更, and approve / refuse for the funder. */
export function AmendmentsPanel({
  project: p,
  agreement,
  onApproved,
}: {
  project: ProjectDetail;
  agreement: AgreementView;
  /** An approval freezes a new version: the tab reloads it. */
  onApproved(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => projectAmendmentsApi.list(p.id), [p.id]);
  const [proposing, setProposing] = useState(false);
  const [refusing, setRefusing] = useState<AmendmentView | null>(null);
  if (list.error) return <LoadFailed error={list.error} />;
  const act = async (run: () => Promise<unknown>, approved = false) => {
    try {
      await run();
      message.success(t('Saved'));
      list.reload();
      if (approved) onApproved();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <>
      <Table<AmendmentView>
        scroll={WIDE}
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={false}
        data-testid="amendments"
        title={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{t('Amendments')}</span>
            {list.data?.access.propose ? (
              <Button icon={<PlusOutlined />} onClick={() => setProposing(true)}>
                {t('Propose an amendment')}
              </Button>
            ) : null}
          </Space>
        )}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '#', dataIndex: 'number', width: 50 },
          { title: t('Changes'), render: (_, a) => <AgreementChanges diff={a.diff} /> },
          { title: t('Reason'), dataIndex: 'reason' },
          {
            title: t('Decision'),
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATE_COLORS[a.state]}>{t(AMENDMENT_STATE_LABELS[a.state])}</Tag>
                {a.toVersion ? <span>{t('Version {{n}}', { n: a.toVersion })}</span> : null}
                {a.decidedAt ? <span>{formatTime(a.decidedAt, locale)}</span> : null}
                {a.decisionReason ? <span>{a.decisionReason}</span> : null}
              </Space>
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, a) => (
              <Space wrap>
                {a.access.decide ? (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() =>
                        act(() => projectAmendmentsApi.decide(p.id, a.id, { decision: 'approved' }), true)
                      }
                    >
                      {t('Approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setRefusing(a)}>
                      {t('Refuse')}
                    </Button>
                  </>
                ) : null}
                {a.access.withdraw ? (
                  <Button size="small" onClick={() => act(() => projectAmendmentsApi.withdraw(p.id, a.id))}>
                    {t('Withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {proposing ? (
        <AmendmentModal
          project={p}
          agreement={agreement}
          onClose={() => setProposing(false)}
          onDone={() => {
            setProposing(false);
            list.reload();
          }}
        />
      ) : null}
      {refusing ? (
        <ReasonDialog
          title={t('Refuse the amendment')}
          onClose={() => setRefusing(null)}
          send={async (reason) => {
            await projectAmendmentsApi.decide(p.id, refusing.id, { decision: 'refused', reason });
            setRefusing(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** 申请变更: the form starts from the current version; only the sections changed are sent. */
function AmendmentModal({
  project: p,
  agreement,
  onClose,
  onDone,
}: {
  project: ProjectDetail;
  agreement: AgreementView;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AmendmentValues>();
  const objectives = agreement.content.objectives ?? p.objectives.map((o) => o.text);
  const start = startingValues(agreement, p.endsOn, objectives, p.currency);
  const required = [{ required: true, whitespace: true, message: t('Required') }];
  return (
    <FormModal<AmendmentValues>
      open
      width={900}
      title={t('Propose an amendment')}
      okText={t('Submit')}
      onCancel={onClose}
      form={form}
      initialValues={start}
      formTestId="amendment-form"
      onSubmit={async (v) => {
        await projectAmendmentsApi.propose(p.id, proposalOf(v, start, agreement, p.currency));
        onDone();
      }}
    >
      <Form.Item name="endsOn" label={t('End date')} rules={required}>
        <DateInput />
      </Form.Item>
      <Form.Item name="objectives" label={t('Objectives (one per line)')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <fieldset>
            <legend>{t('Performance indicators')}</legend>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'name']} label={t('Indicator')} rules={required}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'type']} label={t('Type')} rules={required}>
                  <Select
                    style={{ width: 120 }}
                    options={INDICATOR_TYPES.map((k) => ({ value: k, label: t(INDICATOR_TYPE_LABELS[k]) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'target']} label={t('Target')} rules={required}>
                  <Input style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'verification']} label={t('How it is verified')} rules={required}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'count' })}>
              {t('Add an indicator')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <fieldset>
            <legend>{t('Milestones')}</legend>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'title']} label={t('Project milestone')} rules={required}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={t('Due')} rules={required}>
                  <DateInput />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'deliverables']}
                  label={t('Deliverables (one per line)')}
                  rules={required}
                >
                  <Input.TextArea rows={2} style={{ width: 260 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('Add a milestone')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.List name="schedule">
        {(fields, { add, remove }) => (
          <fieldset>
            <legend>{t('Reporting schedule')}</legend>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} label={t('Report')} rules={required}>
                  <Select
                    style={{ width: 140 }}
                    options={(['annual', 'interim', 'final'] as const).map((k) => ({
                      value: k,
                      label: t(REPORT_KIND_LABELS[k]),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={t('Due')} rules={required}>
                  <DateInput />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('Add a report')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="reason" label={t('Reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
