import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { labEvaluationsApi, type MyScorecards, type RoundList } from '../../api/lab-evaluations.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { localName } from '../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { EditRoundModal } from './EditRoundModal.js';
import { OpenRoundModal } from './OpenRoundModal.js';
import { ScorecardModal } from './ScorecardModal.js';

type MyCard = MyScorecards['items'][number];
type Round = RoundList['items'][number];
const fy = (r: { fromYear: number; toYear: number }) =>
  r.fromYear === r.toYear ? `FY${r.fromYear}` : `FY${r.fromYear}–${r.toYear}`;

/** /lab-evaluations: a member's scorecards, and a platform's rounds with the chair's adoption. */
export default function LabEvaluationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const { list: platforms } = usePlatforms();
  const [params, setParams] = useSearchParams();
  const platformId =
    params.get('platform') ?? defaultPlatform(platforms, [...new Set(user.roles.map((r) => r.platformId))]);
  const mine = useApi(() => labEvaluationsApi.mine(), []);
  const rounds = useApi(
    () => (platformId ? labEvaluationsApi.rounds(platformId) : Promise.resolve(null)),
    [platformId],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const adopt = async (r: Round) => {
    try {
      await labEvaluationsApi.adopt(r.id, {});
      message.success(t('Report adopted'));
      rounds.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const myCards = mine.data?.items ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {myCards.length > 0 && (
        <Card title={t('My scorecards')}>
          <Table<MyCard>
            scroll={WIDE}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={myCards}
            data-testid="my-lab-scorecards"
            columns={[
              { title: t('Period'), key: 'p', render: (_, c) => fy(c) },
              { title: t('Unit'), key: 'u', render: (_, c) => localName(c.unit, locale) },
              {
                title: t('State'),
                key: 's',
                render: (_, c) => (
                  <Tag color={c.state === 'submitted' ? 'green' : 'orange'}>
                    {c.state === 'submitted' ? t('Submitted') : t('To score')}
                  </Tag>
                ),
              },
              { title: t('Total score'), key: 't', render: (_, c) => c.total ?? '—' },
              {
                key: 'a',
                render: (_, c) =>
                  c.state === 'draft' && c.roundState === 'open' ? (
                    <Button size="small" type="primary" onClick={() => setOpen(c.id)}>
                      {t('Score this unit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Card
        title={t('Evaluation rounds')}
        extra={
          <Space>
            <PlatformSelect
              platforms={platforms}
              value={platformId}
              onChange={(id) => setParams({ platform: id })}
            />
            {rounds.data?.access.open ? (
              <Button type="primary" onClick={() => setOpening(true)} data-testid="open-lab-eval-round">
                {t('Open an evaluation round')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<Round>
          scroll={WIDE}
          rowKey="id"
          size="small"
          pagination={false}
          loading={rounds.loading}
          dataSource={rounds.data?.items ?? []}
          data-testid="lab-eval-rounds"
          columns={[
            { title: t('Period'), key: 'p', render: (_, r) => fy(r) },
            {
              title: t('State'),
              key: 's',
              render: (_, r) =>
                r.state === 'adopted' ? (
                  <Tag color="green">{t('Adopted')}</Tag>
                ) : (
                  <Tag>{t('Round open')}</Tag>
                ),
            },
            { title: t('committee.chair'), key: 'c', render: (_, r) => localName(r.chair.person, locale) },
            {
              title: t('Scorecards submitted'),
              key: 'g',
              render: (_, r) => `${r.progress.submitted} / ${r.progress.total}`,
            },
            {
              key: 'a',
              render: (_, r) => (
                <Space>
                  {/* Offered on every open round to those who manage rounds; once scoring started the
                      server answers 409 and the dialog says so. */}
                  {r.state === 'open' && rounds.data?.access.open ? (
                    <Button size="small" onClick={() => setEditing(r.id)}>
                      {t('Edit the round')}
                    </Button>
                  ) : null}
                  {r.state === 'open' && myCards.some((c) => c.roundId === r.id) ? (
                    <Button size="small" onClick={() => adopt(r)}>
                      {t('Adopt the report')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {opening && platformId ? (
        <OpenRoundModal
          platformId={platformId}
          onClose={() => setOpening(false)}
          onDone={() => {
            setOpening(false);
            message.success(t('Round opened'));
            rounds.reload();
          }}
        />
      ) : null}
      {editing && platformId ? (
        <EditRoundModal
          roundId={editing}
          platformId={platformId}
          onClose={() => {
            setEditing(null);
            rounds.reload();
          }}
          onDone={() => {
            setEditing(null);
            message.success(t('Round changed'));
            rounds.reload();
          }}
        />
      ) : null}
      {open && (
        <ScorecardModal
          id={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            message.success(t('Scores submitted'));
            mine.reload();
            rounds.reload();
          }}
        />
      )}
    </Space>
  );
}
