import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Todo, WorkbenchChart } from '../../api/workbench.js';
import { workbenchApi } from '../../api/workbench.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useApi } from '../../app/useApi.js';
import { ChartCard } from '../../components/ChartCard.js';
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
              <WorkbenchChartCard chart={c} />
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
        {todo.platformId ? (
          // A long platform name (山东省工业共性技术服务平台（示例）) stays inside its card, whole on hover.
          <Tag
            title={nameOf(todo.platformId)}
            style={{
              marginTop: 4,
              maxWidth: '100%',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              verticalAlign: 'top',
            }}
          >
            {nameOf(todo.platformId)}
          </Tag>
        ) : null}
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
function WorkbenchChartCard({ chart }: { chart: WorkbenchChart }) {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t(CHART_TITLES[chart.kind])}
      testId={`chart-${chart.kind}`}
      categoryTitle={t('State')}
      categories={chart.points.map((p) => t(CHART_CODE_LABELS[chart.kind][p.code] ?? p.code))}
      series={[{ key: 'value', name: t('Count'), values: chart.points.map((p) => p.value) }]}
    />
  );
}
