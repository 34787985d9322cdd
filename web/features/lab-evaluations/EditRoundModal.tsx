import { Alert, App, Button, Card, Form, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallCriteria } from '../../../common/calls.js';
import { api } from '../../api/endpoints.js';
import { labEvaluationsApi, type RoundDetail } from '../../api/lab-evaluations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { CriteriaEditor } from '../../components/CallFormLists.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { COMMITTEE_CATEGORY_LABELS, localName } from '../../components/labels.js';
import { WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { AddRoundMember } from './AddRoundMember.js';

interface Values {
  criteria: CallCriteria;
  chairMemberId: string;
}
type Member = NonNullable<RoundDetail['units'][number]['scorecards']>[number]['member'] & {
  units: RoundDetail['units'][number]['unit'][];
};

/** The members who rate at least one unit of the round, each once with the units they rate. */
function membersOf(round: RoundDetail): Member[] {
  const seen = new Map<string, Member>();
  for (const u of round.units)
    for (const c of u.scorecards ?? []) {
      const m = seen.get(c.member.memberId) ?? { ...c.member, units: [] };
      m.units.push(u.unit);
      seen.set(c.member.memberId, m);
    }
  return [...seen.values()];
}

/**
 * The platform's admins change a round's criteria and chair, and add members from the committee (with
 * their role on it) to units or take them off, until the first
 * score is saved (docs/lab-evaluation.md). The server decides: after scoring starts it answers 409
 * lab_evaluations.scoring_started, shown above the form or as a message, and nothing changes.
 */
export function EditRoundModal({
  roundId,
  platformId,
  onClose,
  onDone,
}: {
  roundId: string;
  platformId: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const round = useApi(() => labEvaluationsApi.round(roundId), [roundId]);
  const committee = useApi(() => api.committee(platformId), [platformId]);
  const remove = async (m: Member) => {
    try {
      await labEvaluationsApi.removeMember(roundId, m.memberId);
      message.success(t('Member taken off the round'));
      round.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  if (round.error) return <LoadFailed error={round.error} />;
  const r = round.data;
  if (!r) return null;
  return (
    <FormModal<Values>
      open
      title={t('Edit the round')}
      okText={t('Save')}
      onCancel={onClose}
      form={form}
      width={720}
      briefError
      formTestId="edit-round"
      initialValues={{ criteria: r.criteria, chairMemberId: r.chair.memberId }}
      onSubmit={async (v) => {
        await labEvaluationsApi.edit(roundId, v);
        onDone();
      }}
    >
      <Alert
        type="info"
        showIcon
        title={t('The criteria, the chair and the members can change until the first score is saved')}
      />
      <Form.Item
        name="chairMemberId"
        label={t('committee.chair')}
        rules={[{ required: true, message: t('Required') }]}
      >
        <Select
          loading={committee.loading}
          options={(committee.data?.items ?? []).map((m) => ({
            value: m.id,
            label: localName(m.person, locale),
          }))}
        />
      </Form.Item>
      <Card size="small" title={t('Evaluation criteria and weights')} style={{ marginBottom: 16 }}>
        <CriteriaEditor />
      </Card>
      <Card size="small" title={t('Members of the round')}>
        <Table<Member>
          scroll={WIDE}
          rowKey="memberId"
          size="small"
          pagination={false}
          dataSource={membersOf(r)}
          data-testid="round-members"
          columns={[
            { title: t('Committee member'), key: 'n', render: (_, m) => localName(m.person, locale) },
            {
              title: t('Category'),
              key: 'c',
              render: (_, m) =>
                t(
                  COMMITTEE_CATEGORY_LABELS[m.category as keyof typeof COMMITTEE_CATEGORY_LABELS] ??
                    m.category,
                ),
            },
            {
              title: t('Units rated'),
              key: 'u',
              render: (_, m) => m.units.map((u) => localName(u, locale)).join('、'),
            },
            {
              key: 'a',
              render: (_, m) =>
                // The chair stays (the server refuses it too): another chair is chosen first.
                m.memberId === r.chair.memberId ? (
                  <Tag>{t('committee.chair')}</Tag>
                ) : (
                  <Popconfirm
                    title={t('Take {{name}} off the round?', { name: localName(m.person, locale) })}
                    okText={t('Take off')}
                    cancelText={t('Cancel')}
                    onConfirm={() => remove(m)}
                  >
                    <Button size="small" danger>
                      {t('Take off')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <AddRoundMember round={r} committee={committee.data ?? null} onAdded={round.reload} />
        </div>
      </Card>
    </FormModal>
  );
}
