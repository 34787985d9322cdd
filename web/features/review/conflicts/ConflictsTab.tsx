import { Alert, App, Button, Card, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallConflicts, type ConflictItem, conflictsApi } from '../../../api/review-conflicts.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { ExplainCard } from './ExplainCard.js';
import { evidenceText, RULE_KINDS_SHOWN, ruleText } from './labels.js';
import { RuleSetsCard } from './RuleSetsCard.js';

/** A call's conflicts of interest: the rule set in use, counts per rule, the excluded pairs, explain. */
export default function ConflictsTab({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const loaded = useApi(() => conflictsApi.ofCall(callId), [callId]);
  const [fresh, setFresh] = useState<CallConflicts>();
  const [busy, setBusy] = useState(false);
  const data = fresh ?? loaded.data;
  const refresh = () => {
    setBusy(true);
    conflictsApi
      .refresh(callId)
      .then(setFresh)
      .catch((err: unknown) => message.error(errorText(t, err)))
      .finally(() => setBusy(false));
  };
  if (loaded.error) return <Alert type="error" title={errorText(t, loaded.error)} />;
  if (!data) return null;
  const kindOf = new Map(data.ruleSet.rules.map((r) => [r.key, r.kind]));
  const ruleLabel = (key: string) => {
    const kind = kindOf.get(key);
    return kind ? t(RULE_KINDS_SHOWN[kind]) : key;
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="conflicts-tab">
      <Card
        size="small"
        title={`${t('Conflict rules in use')}: ${pick(data.ruleSet.nameZh, data.ruleSet.nameEn, locale)} (${data.ruleSet.code} v${data.ruleSet.version})`}
        extra={
          <Button type="primary" loading={busy} onClick={refresh} data-testid="conflicts-refresh">
            {t('Recompute now')}
          </Button>
        }
      >
        <List
          size="small"
          dataSource={data.ruleSet.rules}
          renderItem={(r) => <List.Item>{ruleText(t, r)}</List.Item>}
        />
        <Typography.Paragraph type="secondary">
          {data.computedAt
            ? t('Computed {{at}} for {{apps}} and {{experts}}', {
                at: new Date(data.computedAt).toLocaleString(locale),
                apps: t('{{count}} applications in review', { count: data.applications }),
                experts: t('{{count}} active experts', { count: data.experts }),
              })
            : t('Not computed yet')}
        </Typography.Paragraph>
        <Space wrap size="large">
          <Statistic title={t('Excluded pairs')} value={data.excludedPairs} />
          {data.counts.map((c) => (
            <Statistic key={c.ruleKey} title={ruleLabel(c.ruleKey)} value={c.pairs} />
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('Excluded pairs')}>
        <Table<ConflictItem>
          scroll={WIDE}
          size="small"
          rowKey={(r) => `${r.expert.id}|${r.application.id}`}
          dataSource={data.items}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('Expert'),
              render: (_, r) => (
                <>
                  {r.expert.name}
                  {r.expert.organisation && (
                    <Typography.Text type="secondary"> · {r.expert.organisation.name}</Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('Application'),
              render: (_, r) => `${r.application.receiptNo ?? ''} ${r.application.title ?? ''}`,
            },
            {
              title: t('Rule and evidence'),
              render: (_, r) =>
                r.rules.map((rule) => (
                  <div key={rule.ruleKey}>
                    <Tag color="red">{ruleLabel(rule.ruleKey)}</Tag>
                    {rule.evidence.map((ev) => evidenceText(t, ev)).join('; ')}
                  </div>
                )),
            },
          ]}
        />
      </Card>
      <ExplainCard callId={callId} />
      <RuleSetsCard callId={callId} current={data.ruleSet} />
    </Space>
  );
}
