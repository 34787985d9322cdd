import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { projectsApi } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { pick } from '../../../components/labels.js';
import { KIND_LABELS, STATE_LABELS } from '../../../components/project-labels.js';
import { projectTabs } from './tabs.js';

/**
 * /projects/:id[/:tab]: one project with its tabs, each tab its own address so a link opens it. A
 * project the caller may not read is 404 (the server hides it), one they may read but not act on shows
 * without the forms.
 */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { id = '', tab } = useParams();
  const detail = useApi(() => projectsApi.get(id), [id]);

  if (detail.error) return <LoadFailed error={detail.error} />;
  const p = detail.data;
  if (!p || p.id !== id) return <Centered />;

  const tabs = projectTabs(p, detail.reload, t);
  const active = tabs.some((x) => x.key === tab) ? (tab as string) : 'overview';
  return (
    <Card data-testid="project-page">
      <Space orientation="vertical" size={2} style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ padding: 0 }}
          onClick={() => navigate('/projects')}
        >
          {t('All projects')}
        </Button>
        <Space wrap size={8}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="project-title">
            {pick(p.titleZh, p.titleEn, locale)}
          </Typography.Title>
          <Tag>{p.code}</Tag>
          <Tag color={p.kind === 'intramural' ? 'blue' : 'purple'}>{t(KIND_LABELS[p.kind])}</Tag>
          <Tag color="geekblue" data-testid="project-state">
            {t(STATE_LABELS[p.state])}
          </Tag>
        </Space>
      </Space>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(k === 'overview' ? `/projects/${p.id}` : `/projects/${p.id}/${k}`)}
        items={tabs.map((x) => ({ key: x.key, label: x.label, children: x.node }))}
        data-testid="project-tabs"
        destroyOnHidden
      />
    </Card>
  );
}
