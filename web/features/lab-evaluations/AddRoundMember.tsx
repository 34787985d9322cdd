import { App, Button, Form, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labEvaluationsApi, type RoundDetail } from '../../api/lab-evaluations.js';
import type { CommitteeView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { COMMITTEE_CATEGORY_LABELS, localName } from '../../components/labels.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText, fieldErrors } from '../../i18n/errors.js';

interface Values {
  memberId: string;
  unitId: string;
}

/**
 * Adds a serving member of the committee to a unit of the round (docs/lab-evaluation.md, `POST
 * …/assignments`): the member with their role on the committee, the unit among the round's. The server
 * decides and its refusals show on the fields (their own unit, already rating it: /memberId).
 */
export function AddRoundMember({
  round,
  committee,
  onAdded,
}: {
  round: RoundDetail;
  committee: CommitteeView | null;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useSubmit(form, async (v: Values) => {
    await labEvaluationsApi.assign(round.id, v);
    message.success(t('Member added to the round'));
    form.resetFields();
    onAdded();
  });
  const role = (category: string) =>
    t(COMMITTEE_CATEGORY_LABELS[category as keyof typeof COMMITTEE_CATEGORY_LABELS] ?? category);
  return (
    // No <form> element of its own: it sits inside the round's dialog form (forms do not nest in HTML).
    <Form<Values> form={form} component={false} layout="inline" onFinish={submit}>
      <Space wrap align="start" data-testid="add-round-member">
        <Form.Item
          name="memberId"
          label={t('Committee member')}
          rules={[{ required: true, message: t('Required') }]}
        >
          <Select
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(committee?.items ?? [])
              .filter((m) => m.serving)
              .map((m) => ({ value: m.id, label: `${localName(m.person, locale)} · ${role(m.category)}` }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('Unit')} rules={[{ required: true, message: t('Required') }]}>
          <Select
            style={{ width: 240 }}
            options={round.units.map((u) => ({ value: u.unit.id, label: localName(u.unit, locale) }))}
          />
        </Form.Item>
        <Button onClick={() => form.submit()} loading={busy}>
          {t('Add to the round')}
        </Button>
      </Space>
      {/* A refusal that names no field (the round adopted meanwhile) shows here. */}
      {error && fieldErrors(t, error).length === 0 ? (
        <Typography.Text type="danger" data-testid="add-round-member-error">
          {errorText(t, error)}
        </Typography.Text>
      ) : null}
    </Form>
  );
}
