import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Empty, List, Pagination, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { announcementsApi } from '../../api/announcements.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { localName, pick } from '../../components/labels.js';
import { formatTime } from '../../components/time.js';

const PAGE_SIZE = 10;

/** /public/notices: every platform's published 通知公告, newest first, paged (`?page=` in the URL). */
export function PublicNoticesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi(() => announcementsApi.published({ page, pageSize: PAGE_SIZE }), [page]);
  if (list.error) return <LoadFailed error={list.error} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="notices-page">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {t('Announcements')}
      </Typography.Title>
      <Card>
        <List
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('No announcement has been published')} /> }}
          renderItem={(a) => (
            <List.Item data-testid="notice">
              <List.Item.Meta
                title={<Link to={`/public/notices/${a.id}`}>{pick(a.titleZh, a.titleEn, locale)}</Link>}
                description={`${localName(a.platform, locale)} · ${t('Date published')} ${formatTime(a.publishedAt, locale)}`}
              />
            </List.Item>
          )}
        />
        {(list.data?.total ?? 0) > PAGE_SIZE ? (
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            onChange={(p) => setParams({ page: String(p) })}
          />
        ) : null}
      </Card>
    </Space>
  );
}

/** /public/notices/:id: one published announcement with its file. */
export function PublicNoticePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const one = useApi(() => announcementsApi.one(id), [id]);
  if (one.error) return <LoadFailed error={one.error} />;
  const a = one.data;
  if (!a || a.id !== id) return <Centered />;
  return (
    <Card data-testid="notice-page">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 22 }} data-testid="notice-title">
        {pick(a.titleZh, a.titleEn, locale)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {localName(a.platform, locale)} · {t('Date published')} {formatTime(a.publishedAt, locale)}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-body">
        {pick(a.bodyZh, a.bodyEn, locale)}
      </Typography.Paragraph>
      {a.attachment ? (
        <Typography.Link href={announcementsApi.fileUrl(a.id)} data-testid="notice-file">
          <PaperClipOutlined /> {a.attachment.fileName}
        </Typography.Link>
      ) : null}
      <div style={{ marginTop: 24 }}>
        <Link to="/public/notices">{t('All announcements')}</Link>
      </div>
    </Card>
  );
}
