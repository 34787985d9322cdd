import { Card, Collapse, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { clippedText, WIDE } from '../../components/tables.js';

/** The manifest of GET /api/open/v1/dumps (server/modules/open-data/open-data.dumps.ts). */
interface DumpManifest {
  generatedAt: string;
  licence: { id: string; url: string | null; attribution: string };
  files: Array<{
    name: string;
    dataset: string | null;
    format: string;
    bytes: number;
    sha256: string;
    records: number | null;
  }>;
}
type Dictionary = {
  datasets: Record<
    string,
    Array<{ name: string; type: string; nullable: boolean; description: string | null }>
  >;
};

const OPEN = '/api/open/v1';

const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

/**
 * 开放数据 at /public/open-data (issue 15; docs/open-data.md): the datasets with their record counts, the
 * data dictionary, the bulk dumps with sizes and checksums, the licence and example queries. Anonymous:
 * it reads only the open-data API.
 */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const manifest = useApi(() => request<DumpManifest>('GET', `${OPEN}/dumps`), []);
  const dictionary = useApi(() => request<Dictionary>('GET', `${OPEN}/dumps/dictionary.json`), []);
  const failed = manifest.error ?? dictionary.error;
  if (failed) return <LoadFailed error={failed} />;
  if (!manifest.data || !dictionary.data) return <Centered />;
  const m = manifest.data;
  const datasets = m.files.filter((f) => f.format === 'jsonl');
  const origin = window.location.origin;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="open-data-page">
      <Typography.Title level={2}>{t('Open data')}</Typography.Title>
      <Typography.Paragraph data-testid="open-data-licence">
        {t('Every record here is published under {{licence}}; cite it as: {{attribution}}.', {
          licence: m.licence.id,
          attribution: m.licence.attribution,
        })}{' '}
        {m.licence.url && <a href={m.licence.url}>{m.licence.url}</a>}
      </Typography.Paragraph>
      <Card title={t('Datasets')}>
        <Table
          scroll={WIDE}
          data-testid="open-data-datasets"
          rowKey="name"
          pagination={false}
          dataSource={datasets}
          columns={[
            { title: t('Dataset'), dataIndex: 'dataset' },
            { title: t('Records'), dataIndex: 'records', align: 'right' },
            {
              title: t('API'),
              key: 'api',
              render: (_, f) => <Typography.Text code>{`${OPEN}/${f.dataset}`}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card title={t('Bulk dumps')}>
        <Typography.Paragraph>
          {t('Regenerated when the data changes; generated at {{at}}.', {
            at: new Date(m.generatedAt).toLocaleString(),
          })}
        </Typography.Paragraph>
        <Table
          scroll={WIDE}
          data-testid="open-data-dumps"
          rowKey="name"
          pagination={false}
          dataSource={m.files}
          columns={[
            {
              title: t('File'),
              dataIndex: 'name',
              render: (name: string) => <a href={`${OPEN}/dumps/${name}`}>{name}</a>,
            },
            { title: t('Size'), dataIndex: 'bytes', align: 'right', render: sizeOf },
            {
              title: t('SHA-256 checksum'),
              dataIndex: 'sha256',
              render: (s: string) => (
                <Typography.Text code copyable>
                  {s}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('Data dictionary')}>
        <Collapse
          data-testid="open-data-dictionary"
          items={Object.entries(dictionary.data.datasets).map(([d, fields]) => ({
            key: d,
            label: d,
            children: (
              <Table
                scroll={WIDE}
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={fields}
                columns={[
                  { title: t('Field'), dataIndex: 'name' },
                  { title: t('Type'), dataIndex: 'type' },
                  {
                    title: t('May be empty'),
                    dataIndex: 'nullable',
                    render: (v: boolean) => (v ? t('Yes') : t('No')),
                  },
                  { title: t('Description'), dataIndex: 'description', ...clippedText(280) },
                ]}
              />
            ),
          }))}
        />
      </Card>
      <Card title={t('Example queries')}>
        <Typography.Paragraph data-testid="open-data-examples">
          <pre>
            {[
              `curl '${origin}${OPEN}/projects?limit=100'`,
              `curl '${origin}${OPEN}/projects?limit=100&cursor=<nextCursor>'`,
              `curl '${origin}${OPEN}/changes?since=<pollCursor>'`,
              `curl -O '${origin}${OPEN}/dumps/results.jsonl.gz'`,
              `curl -O '${origin}${OPEN}/dumps/SHA256SUMS' && sha256sum -c --ignore-missing SHA256SUMS`,
            ].join('\n')}
          </pre>
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
