import { Alert, Button, Descriptions, Form, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectChecksApi } from '../../../api/project-checks.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import {
  DualScorecardForm,
  type DualScorecardValues,
  dualScores,
} from '../../../components/DualScorecard.js';
import { pick } from '../../../components/labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { CheckInvitations } from './CheckInvitations.js';
import { CHECK_KIND_LABELS, JUDGEMENT_LABELS, VERDICT_LABELS } from './checks.labels.js';

/** An expert scores the dual evaluation's criteria with comments, the frozen report beside the form. */
function CheckScorecardModal({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const card = useApi(() => projectChecksApi.scorecard(id), [id]);
  const [form] = Form.useForm<DualScorecardValues>();
  const c = card.data;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await projectChecksApi.submitScorecard(id, dualScores(c!.criteria, v));
      onDone();
    } catch (err) {
      form.setFields([{ name: 'overallComment', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={c ? `${c.project.code} · ${t(CHECK_KIND_LABELS[c.kind])} v${c.version}` : t('Scorecard')}
      okText={t('Submit scores')}
      onOk={submit}
      okButtonProps={{ disabled: !c || c.state === 'submitted' }}
      onCancel={onClose}
      data-testid="check-scorecard"
    >
      {card.error ? <Alert type="error" showIcon title={errorText(t, card.error)} /> : null}
      {c && (
        <>
          <Table
            scroll={WIDE}
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={c.report.indicators}
            columns={[
              { title: t('Indicator'), dataIndex: 'name' },
              { title: t('Target'), render: (_, i) => String(i.target) },
              { title: t('Reported'), render: (_, i) => String(i.value) },
              { title: t('Judgement'), render: (_, i) => t(JUDGEMENT_LABELS[i.judgement]) },
            ]}
          />
          <Descriptions size="small" column={1} style={{ margin: '12px 0' }}>
            <Descriptions.Item label={t('Achievements')}>{c.report.achievements}</Descriptions.Item>
            {c.adoption ? (
              <Descriptions.Item label={t('Verdict')}>
                {t(VERDICT_LABELS[c.adoption.verdict])}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Form form={form} layout="vertical" disabled={c.state === 'submitted'} name="check-scorecard">
            <DualScorecardForm criteria={c.criteria} />
          </Form>
        </>
      )}
    </Modal>
  );
}

/** /project-check-scorecards: the signed-in expert's open invitations to check panels, then their scorecards. */
export default function CheckScorecardsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const mine = useApi(() => projectChecksApi.mine(), []);
  const [open, setOpen] = useState<string>();
  return (
    <>
      <CheckInvitations onAnswered={mine.reload} />
      {mine.error ? <Alert type="error" showIcon title={errorText(t, mine.error)} /> : null}
      <Table
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={mine.loading}
        dataSource={mine.data?.items ?? []}
        data-testid="my-check-scorecards"
        columns={[
          { title: t('Code'), render: (_, s) => s.project.code },
          { title: t('work.title'), render: (_, s) => pick(s.project.titleZh, s.project.titleEn, locale) },
          { title: t('Check'), render: (_, s) => `${t(CHECK_KIND_LABELS[s.kind])} v${s.version}` },
          {
            title: t('State'),
            render: (_, s) =>
              s.state === 'submitted' ? <Tag color="green">{t('Submitted')}</Tag> : <Tag>{t('Draft')}</Tag>,
          },
          {
            title: '',
            render: (_, s) => (
              <Button size="small" onClick={() => setOpen(s.id)} data-testid="open-check-scorecard">
                {s.state === 'submitted' ? t('View') : t('Score')}
              </Button>
            ),
          },
        ]}
      />
      {open ? (
        <CheckScorecardModal
          id={open}
          onClose={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            mine.reload();
          }}
        />
      ) : null}
    </>
  );
}
