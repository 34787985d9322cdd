import { Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunPair, RunView } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { ComputationDetails } from '../../../components/ComputationDetails.js';
import { pick } from '../../../components/labels.js';
import { CATEGORY_LABELS, MODE_LABELS } from '../../../components/review-labels.js';
import { WIDE } from '../../../components/tables.js';

interface AppRow {
  applicationId: string;
  number: string | null;
  title: string | null;
  titleEn: string | null;
  pairs: RunPair[];
}

/** Pairs grouped per application, in the run's order. */
export function byApplication(run: RunView): AppRow[] {
  const rows = new Map<string, AppRow>();
  for (const p of run.assignments) {
    const row = rows.get(p.applicationId) ?? {
      applicationId: p.applicationId,
      number: p.applicationNumber,
      title: p.applicationTitle,
      titleEn: p.applicationTitleEn,
      pairs: [],
    };
    row.pairs.push(p);
    rows.set(p.applicationId, row);
  }
  return [...rows.values()];
}

/** A run's record (mode, seed, solver, hash, objective, timings) and its experts per application. */
export function RunResult({ run, previous }: { run: RunView; previous?: RunView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const before = new Set(previous?.assignments.map((p) => `${p.expertId}|${p.applicationId}`) ?? []);
  const changed = previous
    ? run.assignments.filter((p) => !before.has(`${p.expertId}|${p.applicationId}`)).length
    : null;
  return (
    <>
      <Descriptions size="small" column={3} bordered data-testid="run-record">
        <Descriptions.Item label={t('Mode')}>{t(MODE_LABELS[run.mode])}</Descriptions.Item>
        <Descriptions.Item label={t('Seed')}>{run.seed ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('Objective (total affinity)')}>
          <span data-testid="run-objective">{run.objective?.toFixed(6) ?? '—'}</span>
        </Descriptions.Item>
        {previous ? (
          <Descriptions.Item label={t('Compared with the previous run')} span={3}>
            {t('{{changed}} of {{count}} pairs differ; objective {{before}} → {{after}}', {
              changed,
              count: run.assignments.length,
              before: previous.objective?.toFixed(6) ?? '—',
              after: run.objective?.toFixed(6) ?? '—',
            })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <div style={{ marginTop: 12 }}>
        <ComputationDetails solver={run.solver} timings={run.timings} inputHash={run.inputHash} />
      </div>
      <Table<AppRow>
        scroll={WIDE}
        rowKey="applicationId"
        size="small"
        style={{ marginTop: 12 }}
        dataSource={byApplication(run)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="run-pairs"
        columns={[
          { title: t('Receipt number'), render: (_, r) => r.number ?? '—' },
          { title: t('Application'), render: (_, r) => pick(r.title, r.titleEn, locale) || '—' },
          {
            title: t('Experts'),
            render: (_, r) =>
              r.pairs.map((p) => (
                <Tag
                  key={p.expertId}
                  color={before.size && !before.has(`${p.expertId}|${p.applicationId}`) ? 'gold' : undefined}
                >
                  {pick(p.expertName, p.expertNameEn, locale)} · {t(CATEGORY_LABELS[p.category])} ·{' '}
                  {p.affinity.toFixed(3)}
                  {p.fixed ? ` · ${t('fixed')}` : ''}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}
