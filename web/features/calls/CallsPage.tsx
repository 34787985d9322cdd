import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CallEffectiveState } from '../../../common/calls.js';
import { CALL_EFFECTIVE_STATES } from '../../../common/calls.js';
import { callsApi, type PublicCallFilter, type PublicCallSummary } from '../../api/calls.js';
import { exportsApi } from '../../api/exports.js';
import { useLocale } from '../../app/locale.js';
import { usePlatformChoice } from '../../app/platformChoice.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { DrillNotice, useDrillParams } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { CALL_STATES_SHOWN, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { CallStateTag } from '../../components/StateTags.js';
import { WIDE } from '../../components/tables.js';
import { zonedTime } from '../../components/time.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';

export const PUBLIC_FILTERS: [PublicCallFilter, string][] = [
  ['open', tk('Open')],
  ['upcoming', tk('Upcoming')],
  ['past', tk('Past')],
  ['all', tk('All')],
];

/** /calls: a platform's calls; its program officers and admins see every state, drafts too, and create calls. */
export default function CallsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const { list } = usePlatforms();
  const navigate = useNavigate();
  const mine = [...new Set(user.roles.map((r) => r.platformId))];
  // The shared choice (web/app/platformChoice.ts); these lists show one platform, so none chosen
  // falls back to the user's own.
  const choice = usePlatformChoice();
  const platformId = choice.platformId ?? defaultPlatform(list, mine);
  const [state, setState] = useState<CallEffectiveState | 'all'>('all');
  const [status, setStatus] = useState<PublicCallFilter>('open');
  // Opened from a figure of the analytics: the calls that opened in its years, whatever their state now.
  const opened = useDrillParams(['openedFrom', 'openedTo'] as const);
  const [, setParams] = useSearchParams();
  const staff =
    !!platformId &&
    (user.isSystemAdmin ||
      user.roles.some(
        (r) => r.platformId === platformId && (r.role === 'platform_admin' || r.role === 'program_officer'),
      ));
  // One page at a time, the page in the URL; a new platform or filter starts at the first.
  const paged = usePagedTable(platformId ? JSON.stringify([platformId, state, status, staff, opened]) : null);
  const paging = { page: paged.page, pageSize: paged.pageSize };
  const calls = useApi(async (): Promise<{
    items: PublicCallSummary[];
    total: number;
    canCreate: boolean;
  } | null> => {
    if (!platformId) return null;
    if (staff) {
      const list = await callsApi.platformCalls(
        platformId,
        state === 'all' ? undefined : state,
        opened,
        paging,
      );
      return { items: list.items, total: list.total, canCreate: list.access.canCreate };
    }
    const drilled = opened.openedFrom || opened.openedTo;
    const list = await callsApi.publicCalls({
      platformId,
      status: drilled ? 'all' : status,
      ...paging,
      ...opened,
    });
    return { items: list.items, total: list.total, canCreate: false };
  }, [platformId, state, status, staff, opened.openedFrom, opened.openedTo, paged.page, paged.pageSize]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="calls-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <PlatformSelect platforms={list} value={platformId} onChange={(id) => choice.setPlatform(id)} />
          {staff ? (
            <Segmented<CallEffectiveState | 'all'>
              value={state}
              onChange={setState}
              data-testid="call-state-filter"
              options={[
                { value: 'all', label: t('All') },
                ...CALL_EFFECTIVE_STATES.map((s) => ({ value: s, label: t(CALL_STATES_SHOWN[s]) })),
              ]}
            />
          ) : (
            <Segmented<PublicCallFilter>
              value={status}
              onChange={setStatus}
              data-testid="call-state-filter"
              options={PUBLIC_FILTERS.map(([value, label]) => ({ value, label: t(label) }))}
            />
          )}
        </Space>
        <Space wrap>
          {staff && platformId ? (
            <ExportButton
              file={(opts) =>
                exportsApi.calls(platformId, { state: state === 'all' ? undefined : state, ...opened }, opts)
              }
            />
          ) : null}
          {calls.data?.canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(`/calls/new?platform=${platformId}`)}
              data-testid="new-call"
            >
              {t('New call')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <DrillNotice
        active={!!(opened.openedFrom || opened.openedTo)}
        from={opened.openedFrom}
        to={opened.openedTo}
        count={calls.data?.total}
        onClear={() => setParams(platformId ? { platform: platformId } : {})}
      />
      {calls.error ? <Alert type="error" showIcon title={errorText(t, calls.error)} /> : null}
      <Table<PublicCallSummary>
        rowKey="id"
        size="middle"
        loading={calls.loading}
        dataSource={calls.data?.items ?? []}
        pagination={paged.pagination(calls.data?.total)}
        data-testid="calls-table"
        scroll={WIDE}
        columns={[
          { title: t('Code'), dataIndex: 'code', width: 140 },
          {
            title: t('work.title'),
            render: (_, c) => <Link to={`/calls/${c.id}`}>{pick(c.titleZh, c.titleEn, locale)}</Link>,
          },
          { title: t('State'), render: (_, c) => <CallStateTag state={c.effectiveState} /> },
          { title: t('Technology fields'), render: (_, c) => <FieldTags fields={c.fields} /> },
          {
            title: t('Ceiling per project'),
            align: 'right',
            render: (_, c) => money(c.ceilingMinor, c.currency, locale),
          },
          {
            title: t('Closes at'),
            render: (_, c) => (
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {zonedTime(c.closesAt, locale)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
