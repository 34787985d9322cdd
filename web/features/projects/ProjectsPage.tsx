import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PROJECT_KINDS, type ProjectKind } from '../../../common/calls.js';
import { PROJECT_STATES, type ProjectState } from '../../../common/projects.js';
import { exportsApi } from '../../api/exports.js';
import { type ProjectView, projectsApi } from '../../api/projects.js';
import { useLocale } from '../../app/locale.js';
import { usePlatformChoice } from '../../app/platformChoice.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { DrillNotice } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { localName, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { KIND_LABELS, STATE_LABELS } from '../../components/project-labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { WIDE } from '../../components/tables.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { errorText } from '../../i18n/errors.js';
import { RegisterProjectModal } from './RegisterProjectModal.js';

type Filters = { kind?: ProjectKind; q?: string; state?: ProjectState; unitId?: string };
const FILTER_KEYS = ['kind', 'q', 'state', 'unitId'] as const;

/** The list's filters as the URL says them; an unknown kind or state is no filter. */
function filtersOf(params: URLSearchParams): Filters {
  return {
    kind: PROJECT_KINDS.find((k) => k === params.get('kind')),
    q: params.get('q') || undefined,
    state: PROJECT_STATES.find((s) => s === params.get('state')),
    unitId: params.get('unitId') || undefined,
  };
}
/** The URL with these filters, back at the first page (the platform and the page size kept). */
function withFilters(prev: URLSearchParams, f: Filters): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const k of [...FILTER_KEYS, 'page']) next.delete(k);
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v) next.set(k, v);
  }
  return next;
}

/**
 * /projects: a platform's projects of both kinds, each title opening its page; admins and lab directors
 * register intramural ones.
 */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const { list: platforms } = usePlatforms();
  const mine = [...new Set(user.roles.map((r) => r.platformId))];
  // The shared choice (web/app/platformChoice.ts); these lists show one platform, so none chosen
  // falls back to the user's own.
  const choice = usePlatformChoice();
  const platformId = choice.platformId ?? defaultPlatform(platforms, mine);
  // Every filter, the search text and the page live in the URL (docs/web-conventions.md), so a reload,
  // back/forward and a shared link open the same list; the workbench's "projects in execution" (?state=)
  // and the analytics' figures (?unitId=, ?state=) link here with theirs.
  const [params, setParams] = useSearchParams();
  const f = filtersOf(params);
  const { kind, q, state } = f;
  const setF = (next: Filters) => setParams((prev) => withFilters(prev, next));
  const [registering, setRegistering] = useState(false);
  // A change of filter drops the page in the same URL change (setF), so the paging hook's own reset is
  // not wanted: it would also fire on back/forward and lose the page that history entry had.
  const paged = usePagedTable('projects', { defaultPageSize: 50 });
  const list = useApi(
    () =>
      platformId
        ? projectsApi.list(platformId, { ...f, page: paged.page, pageSize: paged.pageSize })
        : Promise.resolve(null),
    [platformId, JSON.stringify(f), paged.page, paged.pageSize],
  );
  const units = list.data?.access.registrableUnitIds ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="projects-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <PlatformSelect
            platforms={platforms}
            value={platformId}
            onChange={(id) => choice.setPlatform(id)}
          />
          <Segmented<ProjectKind | 'all'>
            value={kind ?? 'all'}
            onChange={(v) => setF({ ...f, kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('All') },
              { value: 'intramural', label: t(KIND_LABELS.intramural) },
              { value: 'extramural', label: t(KIND_LABELS.extramural) },
            ]}
          />
          <SearchBox
            label={t('Code or title')}
            // Remounted with the URL's text, so back/forward show the search the list was filtered by.
            key={q ?? ''}
            defaultValue={q}
            allowClear
            placeholder={t('Code or title')}
            onSearch={(v) => setF({ ...f, q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          {state ? (
            <Tag closable data-testid="state-filter" onClose={() => setF({ ...f, state: undefined })}>
              {t(STATE_LABELS[state])}
            </Tag>
          ) : null}
        </Space>
        <Space wrap>
          {platformId ? <ExportButton file={(opts) => exportsApi.projects(platformId, f, opts)} /> : null}
          {units.length > 0 && platformId ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="register-project"
            >
              {t('Register an internal project')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <DrillNotice
        active={!!(f.unitId || state)}
        count={list.data?.total}
        onClear={() => setParams(platformId ? { platform: platformId } : {})}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paged.pagination(list.data?.total)}
        data-testid="projects-table"
        scroll={WIDE}
        columns={[
          { title: t('Code'), dataIndex: 'code' },
          {
            title: t('work.title'),
            render: (_, p) => <Link to={`/projects/${p.id}`}>{pick(p.titleZh, p.titleEn, locale)}</Link>,
          },
          {
            title: t('Kind'),
            render: (_, p) => (
              <Tag color={p.kind === 'intramural' ? 'blue' : 'purple'}>{t(KIND_LABELS[p.kind])}</Tag>
            ),
          },
          {
            title: t('Unit or lead'),
            render: (_, p) =>
              p.unit ? localName(p.unit, locale) : p.leadOrg ? localName(p.leadOrg, locale) : '—',
          },
          { title: t('Technology fields'), render: (_, p) => <FieldTags fields={p.fields} /> },
          { title: t('Budget'), align: 'right', render: (_, p) => money(p.budgetMinor, p.currency, locale) },
          { title: t('Project period'), render: (_, p) => `${p.startsOn} – ${p.endsOn}` },
          { title: t('State'), render: (_, p) => t(STATE_LABELS[p.state]) },
        ]}
      />
      {platformId ? (
        <RegisterProjectModal
          platformId={platformId}
          unitIds={units}
          open={registering}
          onClose={() => setRegistering(false)}
          onDone={() => {
            setRegistering(false);
            list.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
