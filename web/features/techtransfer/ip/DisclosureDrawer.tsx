import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Tree, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisclosureView, type FilingView, ttApi } from '../../../api/techtransfer.js';
import { useApi } from '../../../app/useApi.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { FILING_STATUS_LABELS, FILING_TYPE_LABELS, IP_KIND_LABELS } from '../labels.js';
import { FilingModal } from './FilingModal.js';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

const STATUS_COLORS: Record<FilingView['status'], string> = {
  pending: 'blue',
  granted: 'green',
  abandoned: 'default',
  expired: 'default',
};

/** Filings as families: each filing under the one it claims priority from or continues. */
export function familyTree(filings: FilingView[], t: TFunction, onEdit: (f: FilingView) => void): TreeNode[] {
  const ids = new Set(filings.map((f) => f.id));
  const node = (f: FilingView): TreeNode => ({
    key: f.id,
    title: (
      <Space size={4} wrap>
        <Tag>{f.jurisdiction}</Tag>
        <span>{t(FILING_TYPE_LABELS[f.filingType])}</span>
        <span>{f.applicationNumber ?? '—'}</span>
        <Typography.Text type="secondary">{f.filingDate}</Typography.Text>
        {f.patentNumber && <span>· {f.patentNumber}</span>}
        {f.grantDate && <Typography.Text type="secondary">({f.grantDate})</Typography.Text>}
        <Tag color={STATUS_COLORS[f.status]}>{t(FILING_STATUS_LABELS[f.status])}</Tag>
        <Button type="link" size="small" onClick={() => onEdit(f)}>
          {t('Edit')}
        </Button>
      </Space>
    ),
    children: filings.filter((c) => c.parentFilingId === f.id).map(node),
  });
  return filings.filter((f) => !f.parentFilingId || !ids.has(f.parentFilingId)).map(node);
}

/** A disclosure: its facts, inventors with shares, and its patent family with a form to file. */
export function DisclosureDrawer({
  disclosureId,
  version,
  onClose,
  onEdit,
  onChanged,
}: {
  disclosureId: string | null;
  version: number;
  onClose(): void;
  onEdit(d: DisclosureView): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [filing, setFiling] = useState<FilingView | 'new' | null>(null);
  const loaded = useApi(
    () => (disclosureId ? ttApi.disclosure(disclosureId) : Promise.resolve(null)),
    [disclosureId, version],
  );
  const d = loaded.data;
  const tree = d ? familyTree(d.filings, t, setFiling) : [];
  return (
    <Drawer
      open={disclosureId !== null}
      onClose={onClose}
      size="large"
      title={d ? `${d.refNo} · ${d.title}` : t('Invention disclosure')}
      extra={d && <Button onClick={() => onEdit(d)}>{t('Edit')}</Button>}
      data-testid="disclosure-drawer"
    >
      {loaded.error ? <Alert type="error" showIcon title={errorText(t, loaded.error)} /> : null}
      {d && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('Kind of IP')}>{t(IP_KIND_LABELS[d.ipKind])}</Descriptions.Item>
            <Descriptions.Item label={t('Received on')}>{d.receivedDate}</Descriptions.Item>
            <Descriptions.Item label={t('Funding source')}>{d.fundingSource ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('First public disclosure on')}>
              {d.firstPublicDisclosureDate ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            scroll={WIDE}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.inventors}
            data-testid="inventors-table"
            columns={[
              { title: t('Inventors'), dataIndex: 'name' },
              { title: t('Share'), align: 'right', render: (_, i) => `${i.sharePct}%` },
            ]}
          />
          <div>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('Patent family')}
              </Typography.Title>
              <Button icon={<PlusOutlined />} onClick={() => setFiling('new')} data-testid="filing-new">
                {t('New patent filing')}
              </Button>
            </Space>
            {tree.length ? (
              <Tree
                key={d.filings.map((f) => f.id).join()}
                treeData={tree}
                defaultExpandAll
                selectable={false}
                style={{ marginTop: 8 }}
                data-testid="family-tree"
              />
            ) : (
              <Empty description={t('No filings yet')} />
            )}
          </div>
          <FilingModal
            disclosure={d}
            filing={filing === 'new' ? null : filing}
            open={filing !== null}
            onClose={() => setFiling(null)}
            onDone={() => {
              setFiling(null);
              onChanged();
            }}
          />
        </Space>
      )}
    </Drawer>
  );
}
