import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementState } from '../../../common/announcements.js';
import { type AnnouncementView, announcementsApi } from '../../api/announcements.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { pick } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';

const STATE_LABELS: Record<AnnouncementState, string> = {
  draft: tk('Draft'),
  published: tk('Published'),
  withdrawn: tk('Withdrawn'),
};
const STATE_COLORS: Record<AnnouncementState, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};
const PAGE_SIZE = 20;

/** 通知公告 as a platform's admins keep them: write drafts, attach a file, publish, withdraw. */
export default function AnnouncementsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(['platform_admin']);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AnnouncementView | 'new' | null>(null);
  const list = useApi(
    () =>
      platformId
        ? announcementsApi.ofPlatform(platformId, { page, pageSize: PAGE_SIZE })
        : Promise.resolve({ items: [], total: 0, page: 1, pageSize: PAGE_SIZE }),
    [platformId, page],
  );
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      list.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Card
      extra={
        <Space wrap>
          {picker}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('Write an announcement')}
          </Button>
        </Space>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<AnnouncementView>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('work.title'), render: (_, a) => pick(a.titleZh, a.titleEn, locale) },
          {
            title: t('State'),
            render: (_, a) => <Tag color={STATE_COLORS[a.state]}>{t(STATE_LABELS[a.state])}</Tag>,
          },
          {
            title: t('Date published'),
            render: (_, a) => (a.publishedAt ? formatTime(a.publishedAt, locale) : '—'),
          },
          {
            title: t('Attachment'),
            render: (_, a) =>
              a.attachment ? (
                <Typography.Link href={announcementsApi.fileUrl(a.id)}>
                  <PaperClipOutlined /> {a.attachment.fileName}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, a) => (
              <Space wrap>
                {a.access.canEdit ? (
                  <>
                    <Button size="small" onClick={() => setEditing(a)}>
                      {t('Edit')}
                    </Button>
                    <Upload
                      accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                      showUploadList={false}
                      beforeUpload={(file) => {
                        void act(() => announcementsApi.attach(a.id, file), t('The file is attached'));
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />}>
                        {t('Attach a file')}
                      </Button>
                    </Upload>
                  </>
                ) : null}
                {a.access.canPublish ? (
                  <Popconfirm
                    title={t('Publish this announcement? Everyone will see it on the portal.')}
                    okText={t('Publish')}
                    cancelText={t('Cancel')}
                    onConfirm={() => act(() => announcementsApi.move(a.id, 'published'), t('Published'))}
                  >
                    <Button size="small" type="primary">
                      {t('Publish')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {a.access.canWithdraw ? (
                  <Popconfirm
                    title={t('Withdraw this announcement? It leaves the portal for good.')}
                    okText={t('Withdraw')}
                    cancelText={t('Cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => act(() => announcementsApi.move(a.id, 'withdrawn'), t('Withdrawn'))}
                  >
                    <Button size="small" danger>
                      {t('Withdraw')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {platformId && editing ? (
        <AnnouncementForm
          platformId={platformId}
          announcement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success(t('Saved'));
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

type Values = { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };

function AnnouncementForm({
  platformId,
  announcement,
  onClose,
  onDone,
}: {
  platformId: string;
  announcement: AnnouncementView | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormModal<Values>
      open
      title={announcement ? t('Edit the announcement') : t('Write an announcement')}
      okText={t('Save')}
      onCancel={onClose}
      form={form}
      width={720}
      initialValues={announcement ?? {}}
      onSubmit={async (v) => {
        if (announcement) await announcementsApi.update(announcement.id, v);
        else await announcementsApi.create(platformId, v);
        onDone();
      }}
    >
      <Form.Item name="titleZh" label={t('Chinese title')} rules={required(t('Enter a title'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="titleEn" label={t('English title')} rules={required(t('Enter a title'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="bodyZh" label={t('Chinese text')} rules={required(t('Enter the text'))}>
        <Input.TextArea rows={6} maxLength={20_000} />
      </Form.Item>
      <Form.Item name="bodyEn" label={t('English text')} rules={required(t('Enter the text'))}>
        <Input.TextArea rows={6} maxLength={20_000} />
      </Form.Item>
    </FormModal>
  );
}
