import { App, Button, Form, Popconfirm, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTPUT_TYPES, type OutputType } from '../../../../common/project-outputs.js';
import { type ProjectOutputs, projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { resultsApi } from '../../../api/results.js';
import { ttApi } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { FormModal } from '../../../components/FormModal.js';
import { LoadFailed } from '../../../components/feedback.js';
import { pick } from '../../../components/labels.js';
import { OUTPUT_TYPE_LABELS } from '../../../components/project-detail-labels.js';
import { actions, clippedText, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';

type Link = ProjectOutputs['items'][number];
type Candidate = { value: string; label: string };

/**
 * The records of a type on the project's platform the caller sees, as choices for a link. The server
 * still decides: a record the caller may see but not link is refused there (403), shown in the dialog.
 */
async function candidates(
  type: OutputType,
  projectId: string,
  platformId: string,
  locale: string,
  search: string,
): Promise<Candidate[]> {
  const q = search.trim() || undefined;
  if (type === 'result') {
    const list = await resultsApi.list({ platformId, q, pageSize: 100 });
    return list.items.map((r) => ({ value: r.id, label: pick(r.titleZh, r.titleEn, locale) }));
  }
  if (type === 'disclosure') {
    const list = await ttApi.disclosures(platformId, { q, limit: 500 });
    return list.items.map((d) => ({ value: d.id, label: `${d.refNo} ${d.title}` }));
  }
  if (type === 'filing') {
    const list = await ttApi.filings(platformId, { q, limit: 500 });
    return list.items.map((f) => ({
      value: f.id,
      label: `${f.jurisdiction} ${f.patentNumber ?? f.applicationNumber ?? f.familyId} (${f.filingDate})`,
    }));
  }
  // Licences and service requests: searched and paged by their owners through the project, only those
  // the caller could link (the first page of the owners' own lists missed the rest).
  const list = await projectExecutionApi.outputChoices(projectId, { type, q, pageSize: 50 });
  return list.items.map((c) => ({ value: c.id, label: pick(c.titleZh, c.titleEn, locale) }));
}

/** 成果: what the project produced, linked (not copied) from the records that own it, with counts. */
export function OutputsTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => projectExecutionApi.outputs(p.id), [p.id]);
  const [linking, setLinking] = useState(false);
  if (list.error) return <LoadFailed error={list.error} />;
  const data = list.data;
  const unlink = (l: Link) =>
    projectExecutionApi.unlinkOutput(p.id, l.id).then(list.reload, (err) => message.error(errorText(t, err)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space size="large" wrap data-testid="output-counts">
        {OUTPUT_TYPES.map((type) => (
          <Statistic key={type} title={t(OUTPUT_TYPE_LABELS[type])} value={data?.counts[type] ?? 0} />
        ))}
      </Space>
      {data?.access.link ? (
        <Button type="primary" onClick={() => setLinking(true)}>
          {t('Link an output')}
        </Button>
      ) : null}
      <Table<Link>
        scroll={WIDE}
        size="small"
        rowKey="id"
        loading={list.loading}
        pagination={false}
        data-testid="project-outputs"
        dataSource={[...(data?.items ?? [])].sort(
          (a, b) => OUTPUT_TYPES.indexOf(a.type) - OUTPUT_TYPES.indexOf(b.type),
        )}
        columns={[
          { title: t('Type'), render: (_, l) => <Tag>{t(OUTPUT_TYPE_LABELS[l.type])}</Tag> },
          { title: t('work.title'), dataIndex: 'title', ...clippedText(320) },
          { title: t('Linked at'), render: (_, l) => formatTime(l.linkedAt, locale) },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, l) =>
              data?.access.link ? (
                <Popconfirm
                  title={t('Unlink this output from the project?')}
                  okText={t('Unlink')}
                  cancelText={t('Cancel')}
                  onConfirm={() => unlink(l)}
                >
                  <Button size="small" danger>
                    {t('Unlink')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <LinkModal
        open={linking}
        platformId={p.platformId}
        projectId={p.id}
        linked={new Set((data?.items ?? []).map((l) => `${l.type}:${l.outputId}`))}
        onClose={() => setLinking(false)}
        onLinked={() => {
          setLinking(false);
          list.reload();
        }}
      />
    </Space>
  );
}

function LinkModal(props: {
  open: boolean;
  platformId: string;
  projectId: string;
  linked: Set<string>;
  onClose(): void;
  onLinked(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<{ type: OutputType; outputId: string }>();
  const type = Form.useWatch('type', form) ?? 'result';
  // Searched on the server for every type, so a record beyond the first page is found by its title.
  const [search, setSearch] = useState('');
  const options = useApi(
    () =>
      props.open ? candidates(type, props.projectId, props.platformId, locale, search) : Promise.resolve([]),
    [props.open, type, props.projectId, props.platformId, locale, search],
  );
  return (
    <FormModal<{ type: OutputType; outputId: string }>
      open={props.open}
      title={t('Link an output')}
      okText={t('Link the output')}
      onCancel={props.onClose}
      form={form}
      initialValues={{ type: 'result' }}
      onSubmit={async (v) => {
        await projectExecutionApi.linkOutput(props.projectId, v);
        form.resetFields();
        props.onLinked();
      }}
    >
      <Form.Item name="type" label={t('Type')} rules={[{ required: true }]}>
        <Select
          options={OUTPUT_TYPES.map((o) => ({ value: o, label: t(OUTPUT_TYPE_LABELS[o]) }))}
          onChange={() => form.setFieldValue('outputId', undefined)}
        />
      </Form.Item>
      <Form.Item name="outputId" label={t('Output')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label', onSearch: setSearch }}
          loading={options.loading}
          options={(options.data ?? []).filter((o) => !props.linked.has(`${type}:${o.value}`))}
        />
      </Form.Item>
    </FormModal>
  );
}
