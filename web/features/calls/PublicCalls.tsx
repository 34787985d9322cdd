import { LoginOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate, useParams } from 'react-router-dom';
import { callsApi, type PublicCallFilter } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { useSession } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { Countdown } from '../../components/Countdown.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { CallStateTag } from '../../components/StateTags.js';
import { viewerZone, zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { CallDetails } from './CallDetails.js';
import { PUBLIC_FILTERS } from './CallsPage.js';

/** /public/calls: open, upcoming and past calls for anyone, with the time left in the viewer's zone. */
export function PublicCallsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [status, setStatus] = useState<PublicCallFilter>('open');
  const list = useApi(() => callsApi.publicCalls({ status, pageSize: 100 }), [status]);
  const counts = list.data?.counts;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
        {t('Calls for proposals')}
      </Typography.Title>
      <Space wrap>
        <Segmented<PublicCallFilter>
          value={status}
          onChange={setStatus}
          data-testid="public-call-filter"
          options={PUBLIC_FILTERS.map(([value, label]) => ({
            value,
            label: counts && value !== 'all' ? `${t(label)} (${counts[value]})` : t(label),
          }))}
        />
        <Typography.Text type="secondary">
          {t('Times in your time zone ({{zone}})', { zone: viewerZone() })}
        </Typography.Text>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="public-calls"
        locale={{ emptyText: t('No calls') }}
        renderItem={(c) => (
          <List.Item data-testid="public-call">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/public/calls/${c.id}`}>{pick(c.titleZh, c.titleEn, locale)}</Link>
                  <CallStateTag state={c.effectiveState} />
                  <Tag>{c.code}</Tag>
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <span>
                    {pick(c.platform.nameZh, c.platform.nameEn, locale)} · {t('Ceiling per project')}:{' '}
                    {money(c.ceilingMinor, c.currency, locale)}
                  </span>
                  <span>
                    {t('Closes at')}: {zonedTime(c.closesAt, locale)}
                    {c.effectiveState === 'open' ? (
                      <>
                        {' · '}
                        <Countdown until={c.closesAt} serverNow={list.data?.serverNow} />
                      </>
                    ) : null}
                  </span>
                  <FieldTags fields={c.fields} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

/** /public/calls/:id: one published call; applying starts with signing in. */
export function PublicCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { status } = useSession();
  const call = useApi(() => callsApi.publicCall(id), [id]);
  if (call.error) return <LoadFailed error={call.error} />;
  if (!call.data || call.data.id !== id) return <Centered />;
  const c = call.data;
  return (
    <CallDetails
      call={c}
      extra={
        c.effectiveState === 'open' ? (
          <Button
            type="primary"
            icon={<LoginOutlined />}
            data-testid="public-apply"
            onClick={() =>
              status === 'signedIn'
                ? navigate(`/calls/${c.id}`)
                : navigate('/sign-in', { state: { from: `/calls/${c.id}` } })
            }
          >
            {status === 'signedIn' ? t('Apply') : t('Sign in to apply')}
          </Button>
        ) : null
      }
    />
  );
}

/** The public header's link to the calls. */
export function PublicCallsLink() {
  const { t } = useTranslation();
  return (
    <NavLink to="/public/calls">
      {({ isActive }) => (
        <Button
          type={isActive ? 'primary' : 'text'}
          icon={<SoundOutlined />}
          style={isActive ? undefined : { color: '#fff' }}
          data-testid="public-calls-link"
        >
          {t('Calls for proposals')}
        </Button>
      )}
    </NavLink>
  );
}
