import { App, Button, Card, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CONFLICT_RULE_KINDS,
  type ConflictRule,
  type ConflictRuleKind,
} from '../../../../common/conflict-rules.js';
import { callsApi } from '../../../api/calls.js';
import { conflictsApi, type RuleSet } from '../../../api/review-conflicts.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { CheckboxGroup } from '../../../components/CheckboxGroup.js';
import { pick } from '../../../components/labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { RULE_KINDS_SHOWN, ruleText } from './labels.js';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  kinds: ConflictRuleKind[];
  years: number;
}

/**
 * Rule-set versions the call's platform may use, and a form for the next version (e.g. another
 * collaboration window). Which version a call uses is chosen in the review settings.
 */
export function RuleSetsCard({ callId, current }: { callId: string; current: RuleSet }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const call = useApi(() => callsApi.manage(callId), [callId]);
  const platform = call.data?.platform;
  const sets = useApi(
    () => (platform ? conflictsApi.ruleSets(platform.id) : Promise.resolve({ items: [] })),
    [platform?.id],
  );
  if (!platform) return null;
  const collaboration = current.rules.find((r) => r.kind === 'collaboration');
  const initial: Values = {
    code: current.platformId ? current.code : `${current.code}-${platform.code.toLowerCase()}`,
    nameZh: current.nameZh,
    nameEn: current.nameEn,
    kinds: current.rules.map((r) => r.kind),
    years: collaboration?.kind === 'collaboration' ? collaboration.years : 4,
  };
  const save = (v: Values) => {
    const rules: ConflictRule[] = v.kinds.map((kind) =>
      kind === 'collaboration'
        ? {
            key: kind,
            kind,
            years: v.years,
            sources:
              collaboration?.kind === 'collaboration'
                ? collaboration.sources
                : ['co_applicant', 'co_author', 'co_inventor'],
          }
        : { key: kind, kind },
    );
    conflictsApi
      .createRuleSet({ platformId: platform.id, code: v.code, nameZh: v.nameZh, nameEn: v.nameEn, rules })
      .then((made) => {
        message.success(
          t('Saved version {{version}} of {{code}}', { version: made.version, code: made.code }),
        );
        sets.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  };
  return (
    <Card size="small" title={t('Rule set versions')} data-testid="conflict-rule-sets">
      <Table<RuleSet>
        scroll={WIDE}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sets.data?.items ?? []}
        columns={[
          {
            title: t('Rule set'),
            render: (_, r) => (
              <>
                {pick(r.nameZh, r.nameEn, locale)} ({r.code} v{r.version}){' '}
                {r.id === current.id && <Tag color="blue">{t('In use')}</Tag>}
                {r.platformId === null && <Tag>{t('Preset')}</Tag>}
                {!r.latest && <Tag>{t('Older version')}</Tag>}
              </>
            ),
          },
          { title: t('Rules'), render: (_, r) => r.rules.map((rule) => ruleText(t, rule)).join(' · ') },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="code" label={t('Code')} rules={[{ required: true }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('Name (Chinese)')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('Name (English)')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kinds" label={t('Rules')} rules={[{ required: true }]}>
          <CheckboxGroup
            options={CONFLICT_RULE_KINDS.map((k) => ({ value: k, label: t(RULE_KINDS_SHOWN[k]) }))}
          />
        </Form.Item>
        <Form.Item name="years" label={t('Collaboration window (years)')}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="rule-set-save">
          {t('Save as a new version')}
        </Button>
      </Form>
    </Card>
  );
}
