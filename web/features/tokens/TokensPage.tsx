import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPES, type TokenScope } from '../../../common/roles.js';
import { api } from '../../api/endpoints.js';
import type { ApiToken, CreatedToken } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText, fieldErrors } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';
import { SessionsCard } from '../auth/SessionsCard.js';

const SCOPE_LABELS: Record<TokenScope, string> = { read: tk('Read'), write: tk('Write') };

interface NewToken {
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number | null;
}

export default function TokensPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const tokens = useApi(() => api.tokens(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const revoke = async (tok: ApiToken) => {
    try {
      await api.revokeToken(tok.id);
      message.success(t('Token {{name}} revoked', { name: tok.name }));
      tokens.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const state = (tok: ApiToken) => {
    if (tok.revokedAt) return <Tag>{t('Revoked')}</Tag>;
    if (tok.expiresAt && tok.expiresAt <= new Date().toISOString())
      return <Tag color="orange">{t('Expired')}</Tag>;
    return <Tag color="green">{t('Active')}</Tag>;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('Personal API tokens let scripts call the API as you, with the scopes you choose.')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('New token')}
          </Button>
        }
      >
        {created ? (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setCreated(null) }}
            style={{ marginBottom: 16 }}
            data-testid="new-token"
            title={t('Token {{name}} created. Copy it now: it will not be shown again.', {
              name: created.name,
            })}
            description={
              <Typography.Paragraph
                copyable={{ text: created.token }}
                code
                style={{ margin: 0, wordBreak: 'break-all' }}
                data-testid="new-token-value"
              >
                {created.token}
              </Typography.Paragraph>
            }
          />
        ) : null}
        {tokens.error ? (
          <Alert type="error" showIcon title={errorText(t, tokens.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ApiToken>
          scroll={WIDE}
          rowKey="id"
          loading={tokens.loading}
          dataSource={tokens.data?.items ?? []}
          pagination={false}
          data-testid="tokens-table"
          columns={[
            { title: t('Name'), dataIndex: 'name' },
            {
              title: t('Prefix'),
              dataIndex: 'prefix',
              render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
            },
            {
              title: t('Scopes'),
              dataIndex: 'scopes',
              render: (s: TokenScope[]) =>
                s.map((x) => (
                  <Tag key={x} color={x === 'write' ? 'volcano' : 'blue'}>
                    {t(SCOPE_LABELS[x])}
                  </Tag>
                )),
            },
            { title: t('Created'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, locale) },
            {
              title: t('Expires'),
              dataIndex: 'expiresAt',
              render: (v: string | null) => (v ? formatTime(v, locale) : t('Never')),
            },
            {
              title: t('Last used'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? formatTime(v, locale) : t('Never')),
            },
            { title: t('Status'), render: (_, tok) => state(tok) },
            {
              title: t('Actions'),
              ...actions(),
              render: (_, tok) =>
                tok.revokedAt ? null : (
                  <Popconfirm
                    title={t('Revoke {{name}}? Scripts using it stop working.', { name: tok.name })}
                    okText={t('Revoke')}
                    cancelText={t('Cancel')}
                    onConfirm={() => revoke(tok)}
                  >
                    <Button type="link" size="small" danger>
                      {t('Revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        <NewTokenModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(tok) => {
            setCreating(false);
            setCreated(tok);
            tokens.reload();
          }}
        />
      </Card>
      <SessionsCard />
    </Space>
  );
}

function NewTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(t: CreatedToken): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewToken>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: NewToken) => {
    setBusy(true);
    try {
      const tok = await api.createToken({
        name: v.name,
        scopes: v.scopes,
        ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}),
      });
      form.resetFields();
      setError(null);
      onCreated(tok);
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('New token')}
      okText={t('Create')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<NewToken>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ scopes: ['read'], expiresInDays: 90 }}
      >
        <Form.Item
          name="name"
          label={t('Name')}
          rules={[{ required: true, message: t('Enter a name') }]}
          extra={t('What the token is for, e.g. the script that uses it')}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('Scopes')}
          rules={[{ required: true, message: t('Choose at least one scope') }]}
        >
          <CheckboxGroup options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(SCOPE_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('Expires after (days)')}
          extra={t('Leave empty for a token that does not expire')}
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
