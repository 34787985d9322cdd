import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, api } from '../../api/endpoints.js';
import { exportsApi } from '../../api/exports.js';
import type { AuditEntry, VerifyResult } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { canVerifyAudit } from '../../app/permissions.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { ExportButton } from '../../components/ExportButton.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { actorText } from '../../i18n/audit-labels.js';
import { errorText } from '../../i18n/errors.js';
import { actionLabel, entityLabel } from '../../i18n/labels.js';
import { AuditDiff } from './AuditDiff.js';
import { AuditFilters } from './AuditFilters.js';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { locale } = useLocale();
  const { nameOf } = usePlatforms();
  const [items, setItems] = useState<AuditEntry[]>([]);
  // undefined: first page not loaded yet; null: the oldest entry has been reached.
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<AuditFilter>({});
  const verify = useVerify();

  const load = async (beforeSeq?: number, f: AuditFilter = filter) => {
    setLoading(true);
    try {
      const page = await api.audit({ ...f, beforeSeq, limit: PAGE_SIZE });
      setItems((prev) => (beforeSeq ? [...prev, ...page.items] : page.items));
      setNext(page.nextBeforeSeq);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on open; "Refresh" reloads
  useEffect(() => {
    void load();
  }, []);

  return (
    <Card
      title={t('Newest first. Entries are hash-chained, so tampering is detectable.')}
      extra={
        <Space>
          <Button onClick={() => void load()} loading={loading && items.length === 0}>
            {t('Refresh')}
          </Button>
          <ExportButton file={(opts) => exportsApi.audit(filter, opts)} />
          {canVerifyAudit(user) && verify.button}
        </Space>
      }
    >
      {verify.alert ? <div style={{ marginBottom: 16 }}>{verify.alert}</div> : null}
      <AuditFilters
        onChange={(f) => {
          setFilter(f);
          void load(undefined, f);
        }}
      />
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<AuditEntry>
        scroll={WIDE}
        rowKey="seq"
        size="middle"
        loading={loading && items.length === 0}
        dataSource={items}
        pagination={false}
        data-testid="audit-table"
        expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('Time'), dataIndex: 'at', width: 190, render: (v: string) => formatTime(v, locale) },
          { title: t('Actor'), dataIndex: 'actorLabel', render: (a: string) => actorText(t, a) },
          {
            title: t('Action'),
            dataIndex: 'action',
            // The code stays in the entry's details, for auditors; people read the words.
            render: (a: string) => actionLabel(t, a),
          },
          {
            title: t('Entity'),
            render: (_, e) => (
              <Space size={4}>
                <Tag>{entityLabel(t, e.entityType)}</Tag>
                {/* UUIDv7 ids begin with their timestamp; the tail is what tells rows apart. */}
                {e.entityId ? (
                  <Typography.Text type="secondary">…{e.entityId.slice(-8)}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('Platform'),
            dataIndex: 'platformId',
            render: (id: string | null) => (id ? nameOf(id) : '—'),
          },
        ]}
      />
      {next ? (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void load(next)} loading={loading}>
            {t('Load older entries')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 140 } }}>
      <Descriptions.Item label={t('auditField.changes')}>
        <AuditDiff before={entry.before} after={entry.after} />
      </Descriptions.Item>
      {entry.reason ? <Descriptions.Item label={t('Reason')}>{entry.reason}</Descriptions.Item> : null}
      <Descriptions.Item label={t('Action code')}>
        <Typography.Text code>{entry.action}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('Entity id')}>{entry.entityId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('Request id')}>{entry.requestId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('Hash')}>
        <Typography.Text code copyable>
          {entry.hash}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The "Verify chain" button and the alert reporting its answer, placed apart on the page. */
function useVerify() {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      setResult(await api.verifyAudit());
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  let alert = null;
  if (error) alert = <Alert type="error" showIcon title={errorText(t, error)} />;
  else if (result?.ok) {
    alert = (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title={t('Chain intact: {{count}} entries verified', { count: result.entries })}
        description={result.headHash ? t('Head hash: {{hash}}', { hash: result.headHash }) : undefined}
      />
    );
  } else if (result) {
    alert = (
      <Alert
        type="error"
        showIcon
        data-testid="verify-result"
        title={t('Chain broken at entry #{{seq}}', { seq: result.brokenAtSeq ?? '?' })}
        description={result.reason}
      />
    );
  }

  const button = (
    <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()}>
      {t('Verify chain')}
    </Button>
  );
  return { button, alert };
}
