import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ProjectKind } from '../../../common/calls.js';
import { PROJECT_STATES } from '../../../common/projects.js';
import { exportsApi } from '../../api/exports.js';
import { type ProjectView, projectsApi } from '../../api/projects.js';
import { useLocale } from '../../app/locale.js';
import { usePlatformChoice } from '../../app/platformChoice.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { DrillNotice, useDrillParams } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { localName, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { KIND_LABELS, STATE_LABELS } from '../../components/project-labels.js';
import { WIDE } from '../../components/tables.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { errorText } from '../../i18n/errors.js';
import { RegisterProjectModal } from './RegisterProjectModal.js';

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
  const [kind, setKind] = useState<ProjectKind | 'all'>('all');
  // ?state= narrows the list (the workbench's "projects in execution" links here with it).
  const [params, setParams] = useSearchParams();
  const state = PROJECT_STATES.find((s) => s === params.get('state'));
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  // Opened from a figure of the analytics: the projects of a unit, or in a state, as the figure counts.
  const drill = useDrillParams(['unitId'] as const);
  // One page at a time, the page in the URL; a new platform or filter starts at the first.
  const paged = usePagedTable(
    platformId ? JSON.stringify([platformId, kind, q, drill.unitId, state]) : null,
    {
      defaultPageSize: 50,
    },
  );
  const list = useApi(
    () =>
      platformId
        ? projectsApi.list(platformId, {
            kind: kind === 'all' ? undefined : kind,
            q: q || undefined,
            unitId: drill.unitId,
            state,
            page: paged.page,
            pageSize: paged.pageSize,
          })
        : Promise.resolve(null),
    [platformId, kind, q, drill.unitId, state, paged.page, paged.pageSize],
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
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: t('All') },
              { value: 'intramural', label: t(KIND_LABELS.intramural) },
              { value: 'extramural', label: t(KIND_LABELS.extramural) },
            ]}
          />
          <Input.Search allowClear placeholder={t('Code or title')} onSearch={setQ} style={{ width: 220 }} />
          {state ? (
            <Tag
              closable
              data-testid="state-filter"
              onClose={() =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  next.delete('state');
                  return next;
                })
              }
            >
              {t(STATE_LABELS[state])}
            </Tag>
          ) : null}
        </Space>
        <Space wrap>
          {platformId ? (
            <ExportButton
              file={(opts) =>
                exportsApi.projects(
                  platformId,
                  { kind: kind === 'all' ? undefined : kind, q: q || undefined, unitId: drill.unitId, state },
                  opts,
                )
              }
            />
          ) : null}
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
        active={!!(drill.unitId || state)}
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
