import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Todo, WorkbenchChart } from '../../api/workbench.js';
import { workbenchApi } from '../../api/workbench.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useApi } from '../../app/useApi.js';
import { Chart } from '../../components/Chart.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { CHART_CODE_LABELS, CHART_TITLES, TODO_LABELS } from './workbench.labels.js';

/** The to-dos and charts of the signed-in user's roles (issue 12 item 1; docs/workbench.md). */
export function Workbench() {
  const { t } = useTranslation();
  const wb = useApi(() => workbenchApi.get(), []);
  if (wb.error) return <Alert type="error" showIcon title={errorText(t, wb.error)} />;
  if (!wb.data) return <Skeleton active />;
  const { todos, charts } = wb.data;
  return (
    <>
      <Card title={t('My to-dos')} data-testid="todos" style={{ marginBottom: 16 }}>
        {todos.length === 0 ? (
          <Empty description={t('Nothing waits for you on the workbench')} />
        ) : (
          <Row gutter={[16, 16]}>
            {todos.map((todo) => (
              <Col key={`${todo.kind}:${todo.platformId ?? ''}`} xs={24} sm={12} lg={8} xl={6}>
                <TodoCard todo={todo} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {charts.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {charts.map((c) => (
            <Col key={c.kind} xs={24} xl={12}>
              <ChartCard chart={c} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

function TodoCard({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { nameOf } = usePlatforms();
  // The docket's deadlines are days; the others are instants shown in the viewer's zone.
  const deadline =
    todo.deadline === null
      ? null
      : todo.deadline.length === 10
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
            new Date(`${todo.deadline}T00:00:00`),
          )
        : zonedTime(todo.deadline, locale);
  return (
    <Link to={todo.link} data-testid={`todo-${todo.kind}`} data-count={todo.count}>
      <Card size="small" hoverable className="cl-stat-card">
        <Statistic title={t(TODO_LABELS[todo.kind])} value={todo.count} />
        {todo.platformId ? <Tag style={{ marginTop: 4 }}>{nameOf(todo.platformId)}</Tag> : null}
        {deadline && todo.count > 0 ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {t('Nearest deadline: {{when}}', { when: deadline })}
          </Typography.Text>
        ) : null}
      </Card>
    </Link>
  );
}

/** A chart of the user's own work, with its figures as a table one click away. */
function ChartCard({ chart }: { chart: WorkbenchChart }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const rows = chart.points.map((p) => ({
    code: p.code,
    label: t(CHART_CODE_LABELS[chart.kind][p.code] ?? p.code),
    value: p.value,
  }));
  const title = t(CHART_TITLES[chart.kind]);
  return (
    <Card
      title={title}
      data-testid={`chart-${chart.kind}`}
      extra={
        <Segmented<'chart' | 'table'>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: t('Chart') },
            { value: 'table', label: t('Table') },
          ]}
        />
      }
    >
      {view === 'chart' ? (
        <Chart
          height={260}
          label={title}
          option={{
            grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
            series: [{ type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: '#1d4ed8' } }],
          }}
        />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={rows}
          columns={[
            { title: t('State'), dataIndex: 'label' },
            { title: t('Count'), dataIndex: 'value', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
