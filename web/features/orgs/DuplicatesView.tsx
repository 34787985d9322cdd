import { MergeCellsOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { DuplicateGroups, MergeResult, OrgView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import {
  countryName,
  ORG_TYPE_LABELS,
  orgName,
  REASON_LABELS,
  referenceLabel,
} from '../../components/org-labels.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { FILE_COLUMNS } from '../imports/columns.js';

type Group = DuplicateGroups['groups'][number];
type DupOrg = Group['organisations'][number];

/** Groups of probable duplicates (same name, same English name, same registry id, near-identical names). */
export function DuplicatesView({
  version,
  onOpen,
  onMerged,
}: {
  version: number;
  onOpen(id: string): void;
  onMerged(): void;
}) {
  const { t } = useTranslation();
  const dups = useApi(() => api.orgDuplicates(), [version]);
  const [done, setDone] = useState<{ survivor: OrgView; results: MergeResult[] } | null>(null);
  const groups = dups.data?.groups ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="duplicates">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          'Organisations that look like one another. Keep one, merge the others into it: every record that refers to them moves to the one kept, and its empty fields are filled from theirs.',
        )}
      </Typography.Paragraph>
      {done ? <MergeSummary {...done} onClose={() => setDone(null)} /> : null}
      {dups.error ? <Alert type="error" showIcon title={errorText(t, dups.error)} /> : null}
      {!dups.loading && !dups.error && groups.length === 0 ? (
        <Empty description={t('No probable duplicates')} />
      ) : null}
      {groups.map((g) => (
        <GroupCard
          key={g.organisations.map((o) => o.id).join()}
          group={g}
          onOpen={onOpen}
          onMerged={(survivor, results) => {
            setDone({ survivor, results });
            onMerged();
          }}
        />
      ))}
    </Space>
  );
}

/** The survivor: one the caller may merge into, with a credit code if any, else the first registered. */
const defaultSurvivor = (orgs: DupOrg[]) =>
  [...orgs].sort(
    (a, b) =>
      Number(b.canEdit) - Number(a.canEdit) ||
      Number(!!b.creditCode) - Number(!!a.creditCode) ||
      a.createdAt.localeCompare(b.createdAt),
  )[0]!.id;

function GroupCard({
  group,
  onOpen,
  onMerged,
}: {
  group: Group;
  onOpen(id: string): void;
  onMerged(survivor: OrgView, results: MergeResult[]): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const orgs = group.organisations;
  const [survivorId, setSurvivorId] = useState(() => defaultSurvivor(orgs));
  // A merge needs the right to edit both sides (the server's rule, given per organisation as canEdit):
  // only those are offered, and a group with fewer than two has no merge tools.
  const [merging, setMerging] = useState<Set<string>>(
    () => new Set(orgs.filter((o) => o.canEdit).map((o) => o.id)),
  );
  const mergeable = orgs.filter((o) => o.canEdit).length >= 2;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const survivor = byId.get(survivorId)!;
  const merged = orgs.filter((o) => o.id !== survivorId && merging.has(o.id));

  const merge = async () => {
    setBusy(true);
    setError(null);
    const results: MergeResult[] = [];
    try {
      for (const o of merged) results.push(await api.mergeOrg(o.id, survivorId, reason.trim()));
      message.success(
        t('Merged {{count}} into {{name}}', { count: results.length, name: orgName(survivor, locale) }),
      );
      onMerged(results.at(-1)?.survivor ?? survivor, results);
    } catch (err) {
      setError(err);
      // Merges made before the failure stand; show them.
      if (results.length) onMerged(results.at(-1)!.survivor, results);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" data-testid="duplicate-group" title={orgName(orgs[0]!, locale)}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap>
          {group.pairs.map((p) => (
            <Tag key={`${p.a}|${p.b}`} color={p.reason === 'similar_name' ? 'gold' : 'volcano'}>
              {orgName(byId.get(p.a)!, locale)} ↔ {orgName(byId.get(p.b)!, locale)}
              {locale === 'zh-CN' ? '：' : ': '}
              {t(REASON_LABELS[p.reason])}
              {p.reason === 'similar_name' ? ` ${Math.round(p.similarity * 100)}%` : ''}
            </Tag>
          ))}
        </Space>
        <Table<DupOrg>
          scroll={WIDE}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={orgs}
          columns={[
            ...(mergeable
              ? [
                  {
                    title: t('Keep'),
                    width: 64,
                    render: (_: unknown, o: DupOrg) =>
                      o.canEdit && (
                        <Radio
                          checked={o.id === survivorId}
                          onChange={() => setSurvivorId(o.id)}
                          aria-label={t('Keep')}
                        />
                      ),
                  },
                  {
                    title: t('Merge'),
                    width: 64,
                    render: (_: unknown, o: DupOrg) =>
                      o.canEdit && (
                        <Checkbox
                          disabled={o.id === survivorId}
                          checked={o.id !== survivorId && merging.has(o.id)}
                          aria-label={t('Merge')}
                          onChange={(e) => {
                            const next = new Set(merging);
                            if (e.target.checked) next.add(o.id);
                            else next.delete(o.id);
                            setMerging(next);
                          }}
                        />
                      ),
                  },
                ]
              : []),
            {
              title: t('Name'),
              render: (_, o) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => onOpen(o.id)}>{o.nameZh}</Typography.Link>
                  {o.nameEn ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {o.nameEn}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            { title: t('Type'), width: 110, render: (_, o) => t(ORG_TYPE_LABELS[o.type]) },
            {
              title: t('Unified social credit code'),
              width: 200,
              render: (_, o) => o.creditCode ?? o.registryId ?? '—',
            },
            { title: t('Country or region'), width: 110, render: (_, o) => countryName(o.country, locale) },
            { title: t('Created'), width: 170, render: (_, o) => formatTime(o.createdAt, locale) },
          ]}
        />
        {error ? <Alert type="error" showIcon title={errorText(t, error)} /> : null}
        {mergeable ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('Reason for the merge (recorded in the audit log)')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              data-testid="merge-reason"
            />
            <Popconfirm
              title={t('Merge {{count}} into {{name}}? This cannot be undone.', {
                count: merged.length,
                name: orgName(survivor, locale),
              })}
              okText={t('Merge')}
              cancelText={t('Cancel')}
              onConfirm={merge}
              disabled={!reason.trim() || merged.length === 0}
            >
              <Button
                type="primary"
                icon={<MergeCellsOutlined />}
                loading={busy}
                disabled={!reason.trim() || merged.length === 0}
              >
                {t('Merge into the kept one')}
              </Button>
            </Popconfirm>
          </Space.Compact>
        ) : null}
      </Space>
    </Card>
  );
}

const FILLED_LABELS = new Map(FILE_COLUMNS.organisations.map((c) => [c.key, c.label]));

/** What the last merge did: which organisations went, which references moved, which fields were filled. */
function MergeSummary({
  survivor,
  results,
  onClose,
}: {
  survivor: OrgView;
  results: MergeResult[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const moved = new Map<string, number>();
  for (const r of results)
    for (const [k, n] of Object.entries(r.moved)) moved.set(k, (moved.get(k) ?? 0) + n);
  const movedText = [...moved]
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${referenceLabel(t, k)} ${n}`)
    .join(sep);
  const filled = [...new Set(results.flatMap((r) => r.filled))]
    .map((f) => t(FILLED_LABELS.get(f) ?? f))
    .join(sep);
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="merge-summary"
      title={t('Merged {{names}} into {{name}}', {
        names: results.map((r) => orgName(r.merged, locale)).join(sep),
        name: orgName(survivor, locale),
      })}
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('References moved: {{list}}', { list: movedText || t('none') })}</span>
          <span>{t('Fields filled in: {{list}}', { list: filled || t('none') })}</span>
        </Space>
      }
    />
  );
}
