import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { announcementsApi } from '../../api/announcements.js';
import { callsApi } from '../../api/calls.js';
import { api } from '../../api/endpoints.js';
import { resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { localName, pick } from '../../components/labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { formatTime, zonedTime } from '../../components/time.js';
import { MODEL_LABELS } from '../../i18n/labels.js';

/**
 * /public: the portal's home for anyone (issue 12 item 4): open calls with their deadlines, results and
 * technologies, the platforms, and the searches; the latest 通知公告 when any is published (none: no section).
 */
export default function PortalHome() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const calls = useApi(() => callsApi.publicCalls({ status: 'open', pageSize: 5 }), []);
  const results = useApi(() => resultsApi.publicSearch({ page: 1, pageSize: 6 }), []);
  const platforms = useApi(() => api.platforms(), []);
  const notices = useApi(() => announcementsApi.published({ pageSize: 5 }), []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="portal-home">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }} data-testid="page-title">
        {t('Generic Technology Service Platform')}
      </Typography.Title>
      <SearchBox
        label={t('Search results and technologies')}
        size="large"
        enterButton
        placeholder={t('Search results and technologies')}
        onSearch={(q) =>
          navigate(q.trim() ? `/public/results?q=${encodeURIComponent(q.trim())}` : '/public/results')
        }
        data-testid="portal-search"
      />
      {notices.data?.items.length ? (
        <Card
          title={t('Announcements')}
          extra={<Link to="/public/notices">{t('All announcements')}</Link>}
          data-testid="portal-notices"
        >
          <List
            dataSource={notices.data.items}
            renderItem={(a) => (
              <List.Item data-testid="portal-notice" extra={formatTime(a.publishedAt, locale)}>
                <Link to={`/public/notices/${a.id}`}>{pick(a.titleZh, a.titleEn, locale)}</Link>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title={t('Open calls')}
            extra={<Link to="/public/calls">{t('All calls')}</Link>}
            data-testid="portal-calls"
          >
            <List
              loading={calls.loading}
              dataSource={calls.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('No call is open for applications')} /> }}
              renderItem={(c) => (
                <List.Item data-testid="portal-call">
                  <List.Item.Meta
                    title={<Link to={`/public/calls/${c.id}`}>{pick(c.titleZh, c.titleEn, locale)}</Link>}
                    description={
                      <>
                        {localName(c.platform, locale)} · {t('Closes at')}: {zonedTime(c.closesAt, locale)}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('Results and technologies')}
            extra={<Link to="/public/results">{t('Search all results')}</Link>}
            data-testid="portal-results"
          >
            <List
              loading={results.loading}
              dataSource={results.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('No results published yet')} /> }}
              renderItem={(r) => (
                <List.Item data-testid="portal-result">
                  <List.Item.Meta
                    title={<Link to={`/public/results/${r.id}`}>{pick(r.titleZh, r.titleEn, locale)}</Link>}
                    description={
                      <>
                        {localName(r.platform, locale)}
                        {r.year ? ` · ${r.year}` : ''}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('Platforms')}
        extra={
          <Space>
            <Link to="/public/comparison">{t('Platform comparison')}</Link>
            <Link to="/public/open-data">{t('Open data')}</Link>
          </Space>
        }
        data-testid="portal-platforms"
      >
        <Row gutter={[16, 16]}>
          {(platforms.data?.items ?? []).map((p) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <Card size="small" data-testid="portal-platform">
                <Card.Meta
                  title={<Link to={`/public/org-chart/${p.id}`}>{localName(p, locale)}</Link>}
                  description={
                    <Space wrap>
                      <Tag>{p.code}</Tag>
                      {t(MODEL_LABELS[p.model])}
                    </Space>
                  }
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </Space>
  );
}
