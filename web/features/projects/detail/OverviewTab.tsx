import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectAction, REASON_REQUIRED } from '../../../../common/projects.js';
import { projectExecutionApi } from '../../../api/project-execution.js';
import { type ProjectDetail, projectsApi } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { FieldTags } from '../../../components/FieldTreeSelect.js';
import { localName, pick } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { ACTION_LABELS, STATE_LABELS } from '../../../components/project-labels.js';
import { WIDE } from '../../../components/tables.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { errorText } from '../../../i18n/errors.js';
import { HEALTH_FLAG_LABELS, healthFlags } from './health.js';

/** 概览: the header facts, the consortium, the health flags and the moves the caller may make now. */
export function OverviewTab({ project: p, onChanged }: { project: ProjectDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // The flags read the same records as the portfolio; a part the caller may not read counts as none.
  const facts = useApi(
    () =>
      Promise.all([
        projectExecutionApi.reports(p.id).catch(() => null),
        projectExecutionApi.spending(p.id).catch(() => null),
      ]),
    [p.id, p.updatedAt],
  );
  const flags = facts.data
    ? healthFlags({
        state: p.state,
        outcome: p.outcome,
        reports: facts.data[0]?.items ?? [],
        cells: facts.data[1]?.cells ?? [],
      })
    : [];
  const [acting, setActing] = useState<ProjectAction | null>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-overview">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('State')}>
          {t(STATE_LABELS[p.state])}
          {p.outcome === 'passed' ? ` · ${t('Passed')}` : p.outcome === 'failed' ? ` · ${t('Failed')}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('Project period')}>{`${p.startsOn} – ${p.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('Unit or lead')}>
          {p.unit ? localName(p.unit, locale) : p.leadOrg ? localName(p.leadOrg, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('Budget')}>{money(p.budgetMinor, p.currency, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('Technology fields')}>
          <FieldTags fields={p.fields} />
        </Descriptions.Item>
        <Descriptions.Item label={t('Health')}>
          <span data-testid="health-flags">
            {facts.loading && !facts.data ? '…' : null}
            {facts.data && flags.length === 0 ? <Tag color="green">{t('On track')}</Tag> : null}
            {flags.map((f) => (
              <Tag key={f} color="red">
                {t(HEALTH_FLAG_LABELS[f])}
              </Tag>
            ))}
          </span>
        </Descriptions.Item>
        {pick(p.summaryZh, p.summaryEn, locale) ? (
          <Descriptions.Item label={t('Project summary')} span={2}>
            {pick(p.summaryZh, p.summaryEn, locale)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {p.members.length > 0 ? (
        <Table
          scroll={WIDE}
          size="small"
          rowKey="position"
          pagination={false}
          data-testid="consortium-table"
          title={() => t('Consortium')}
          dataSource={p.members}
          columns={[
            { title: t('Organisation'), render: (_, m) => localName(m.organisation, locale) },
            { title: t('Role'), render: (_, m) => m.role ?? '—' },
            {
              title: t('Funded'),
              align: 'right',
              render: (_, m) => money(m.fundedMinor, p.currency, locale),
            },
            {
              title: t('Co-funding'),
              align: 'right',
              render: (_, m) => money(m.cofundingMinor, p.currency, locale),
            },
          ]}
        />
      ) : null}
      {p.actions.length > 0 ? (
        <Space wrap data-testid="project-actions">
          {p.actions.map((a) => (
            <Button key={a} onClick={() => setActing(a)}>
              {t(ACTION_LABELS[a])}
            </Button>
          ))}
        </Space>
      ) : null}
      {acting ? (
        <TransitionModal
          projectId={p.id}
          action={acting}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            onChanged();
          }}
        />
      ) : null}
    </Space>
  );
}

interface TransitionValues {
  reason?: string;
  outcome?: 'passed' | 'failed';
}

/** One move of the project: a reason where the move needs one (暂停, 终止, 整改), the verdict for 结题. */
function TransitionModal({
  projectId,
  action,
  onClose,
  onDone,
}: {
  projectId: string;
  action: ProjectAction;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransitionValues>();
  const send = useSubmit(form, async (v) => {
    await projectsApi.transition(projectId, { action, reason: v.reason || undefined, outcome: v.outcome });
    message.success(t('Saved'));
    onDone();
  });
  const needsReason = REASON_REQUIRED.has(action);
  return (
    <Modal
      open
      title={t(ACTION_LABELS[action])}
      okText={t('Confirm')}
      cancelText={t('Cancel')}
      confirmLoading={send.busy}
      onCancel={onClose}
      onOk={() => form.validateFields().then(send.submit, () => undefined)}
    >
      {send.error ? <Alert type="error" showIcon title={errorText(t, send.error)} /> : null}
      <Form form={form} layout="vertical">
        {action === 'close' ? (
          <Form.Item name="outcome" label={t('Verdict')} rules={[{ required: true, message: t('Required') }]}>
            <Radio.Group
              options={[
                { value: 'passed', label: t('Passed') },
                { value: 'failed', label: t('Failed') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('Reason')}
          rules={needsReason ? [{ required: true, message: t('Required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
