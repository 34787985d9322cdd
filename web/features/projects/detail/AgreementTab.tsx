import { Alert, Descriptions, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { projectAmendmentsApi } from '../../../api/project-amendments.js';
import { projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { localName } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import {
  INDICATOR_TYPE_LABELS,
  REPORT_KIND_LABELS,
  SPENDING_LABELS,
} from '../../../components/project-detail-labels.js';
import { clippedText, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { AgreementChanges } from './AgreementChanges.js';
import { AmendmentsPanel } from './AmendmentsPanel.js';

/**
 * 任务书: what both sides signed, as frozen — objectives (研究目标/主要内容), budget, indicators, milestones, reports, signatures — in its
 * current version or, chosen in the version selector, any earlier one with what that version changed; and
 * the amendments (变更) that make new versions.
 */
export function AgreementTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const a = useApi(() => projectExecutionApi.agreement(p.id), [p.id]);
  const versions = useApi(() => projectAmendmentsApi.versions(p.id), [p.id]);
  const [chosen, setChosen] = useState<number | null>(null);
  if (a.error instanceof ApiError && a.error.code === 'projects.agreement_not_found') {
    return <Empty description={t('This project has no task agreement yet')} />;
  }
  if (a.error) return <LoadFailed error={a.error} />;
  if (!a.data) return <Centered />;
  const current = a.data;
  const older = chosen !== null && chosen !== current.version;
  const shown = older ? versions.data?.items.find((v) => v.version === chosen) : undefined;
  const content = shown?.content ?? current.content;
  // A version that states no objectives keeps the application's (as the amendments' terms read them).
  const objectives = (content.objectives ?? p.objectives.map((o) => o.text)).map((text, i) => ({
    n: i + 1,
    text,
  }));
  const schedule = shown?.schedule ?? current.schedule;
  const reload = () => {
    setChosen(null);
    a.reload();
    versions.reload();
  };
  const member = (orgId: string) => {
    const m = p.members.find((x) => x.organisation.id === orgId);
    return m ? localName(m.organisation, locale) : orgId;
  };
  const cur = (minor: number) => money(minor, p.currency, locale);
  const yes = (b: boolean) => (b ? t('Yes') : t('No'));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="agreement-tab">
      {a.data.frozenAt ? null : (
        <Alert type="info" showIcon title={t('Draft: not yet signed by both sides')} />
      )}
      {a.data.frozenAt && versions.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <span id="agreement-version-label">{t('Version')}</span>
            <Select<number>
              aria-labelledby="agreement-version-label"
              data-testid="agreement-version"
              style={{ width: 280 }}
              value={chosen ?? current.version}
              onChange={setChosen}
              options={versions.data.items.map((v) => ({
                value: v.version,
                label: `${t('Version {{n}}', { n: v.version })} · ${formatTime(v.frozenAt, locale)}${v.version === current.version ? ` (${t('current')})` : ''}`,
              }))}
            />
          </Space>
          {(() => {
            const v = versions.data.items.find((x) => x.version === (chosen ?? current.version));
            return v && v.version > 1 ? (
              <AgreementChanges diff={v.diff} testId="agreement-version-changes" />
            ) : null;
          })()}
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="n"
        pagination={false}
        title={() => t('Research objectives and main content')}
        data-testid="agreement-objectives"
        dataSource={objectives}
        scroll={WIDE}
        locale={{ emptyText: t('No objectives stated') }}
        columns={[
          { title: '#', dataIndex: 'n', width: 48 },
          { title: t('Objectives'), dataIndex: 'text' },
        ]}
      />
      <Table
        size="small"
        rowKey="organisationId"
        pagination={false}
        title={() => t('Budget by member and category')}
        data-testid="agreement-budget"
        dataSource={content.budget}
        scroll={WIDE}
        columns={[
          { title: t('Member'), render: (_, b) => member(b.organisationId) },
          { title: t(SPENDING_LABELS.equipment), align: 'right', render: (_, b) => cur(b.equipmentMinor) },
          { title: t(SPENDING_LABELS.operations), align: 'right', render: (_, b) => cur(b.operationsMinor) },
          { title: t(SPENDING_LABELS.labour), align: 'right', render: (_, b) => cur(b.labourMinor) },
          { title: t(SPENDING_LABELS.indirect), align: 'right', render: (_, b) => cur(b.indirectMinor) },
          {
            title: t('Budget total'),
            align: 'right',
            render: (_, b) => cur(b.equipmentMinor + b.operationsMinor + b.labourMinor + b.indirectMinor),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              {t('Budget total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span data-testid="agreement-total">{cur(a.data?.totalMinor ?? 0)}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Table
        scroll={WIDE}
        size="small"
        rowKey="name"
        pagination={false}
        title={() => t('Performance indicators')}
        data-testid="agreement-indicators"
        dataSource={content.indicators}
        columns={[
          { title: t('Indicator'), dataIndex: 'name' },
          { title: t('Type'), render: (_, i) => t(INDICATOR_TYPE_LABELS[i.type]) },
          {
            title: t('Target'),
            render: (_, i) =>
              i.type === 'amount'
                ? cur(i.target)
                : i.type === 'yes_no'
                  ? yes(i.target)
                  : i.type === 'percentage'
                    ? `${i.target}%`
                    : String(i.target),
          },
          { title: t('How it is verified'), dataIndex: 'verification' },
        ]}
      />
      <Table
        scroll={WIDE}
        size="small"
        rowKey={(m) => `${m.title}-${m.dueOn}`}
        pagination={false}
        title={() => t('Milestones')}
        data-testid="agreement-milestones"
        dataSource={content.milestones}
        columns={[
          { title: t('Project milestone'), dataIndex: 'title', ...clippedText(320) },
          { title: t('Due'), dataIndex: 'dueOn' },
          { title: t('Deliverables'), render: (_, m) => m.deliverables.join('; ') },
        ]}
      />
      <Table
        scroll={WIDE}
        size="small"
        rowKey={(r) => `${r.kind}-${r.dueOn}`}
        pagination={false}
        title={() => t('Reporting schedule')}
        data-testid="agreement-schedule"
        dataSource={schedule}
        columns={[
          { title: t('Report'), render: (_, r) => t(REPORT_KIND_LABELS[r.kind]) },
          { title: t('Due'), dataIndex: 'dueOn' },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        title={t('Signatures')}
        data-testid="agreement-signatures"
      >
        <Descriptions.Item label={t('Signed by the funder')}>
          {a.data.officerSigned ? formatTime(a.data.officerSigned.at, locale) : <Tag>{t('Not signed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('Signed by the lead organisation')}>
          {a.data.leadSigned ? formatTime(a.data.leadSigned.at, locale) : <Tag>{t('Not signed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('Frozen at')}>
          {a.data.frozenAt ? formatTime(a.data.frozenAt, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          {a.data.checksum ? (
            <Typography.Text code copyable data-testid="agreement-checksum">
              {shown?.checksum ?? a.data.checksum}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {a.data.frozenAt ? <AmendmentsPanel project={p} agreement={a.data} onApproved={reload} /> : null}
    </Space>
  );
}
