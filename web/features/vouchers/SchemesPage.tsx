import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEME_MOVES } from '../../../common/vouchers.js';
import { type Scheme, type Voucher, vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { KIND_LABELS } from '../../components/service-labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import {
  SCHEME_MOVE_LABELS,
  SCHEME_STATE_COLORS,
  SCHEME_STATE_LABELS,
  SIZE_LABELS,
  VOUCHER_STATE_COLORS,
  VOUCHER_STATE_LABELS,
} from './labels.js';
import { SchemeFormModal } from './SchemeFormModal.js';

/** A scheme's rules as the supervisor set them, and the stored draw anyone can re-run. */
function SchemeRulesView({ s }: { s: Scheme }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const r = s.rules;
  const regionShares = Object.entries(r.sharePercent.byRegion)
    .map(([region, p]) => `${region} ${p}%`)
    .join('，');
  return (
    <Descriptions size="small" column={1} bordered data-testid="scheme-rules">
      <Descriptions.Item label={t('Enterprise sizes')}>
        {r.eligibility.sizes.map((z) => t(SIZE_LABELS[z])).join('，')}
      </Descriptions.Item>
      <Descriptions.Item label={t('Eligible regions (empty: any)')}>
        {r.eligibility.regions.join('，') || t('Any region')}
      </Descriptions.Item>
      <Descriptions.Item label={t('Share of the price the voucher pays')}>
        {t(
          '{{default}}% by default; {{regions}}; +{{bonus}}% with a provider of the same region; at most {{max}}%',
          {
            default: r.sharePercent.default,
            regions: regionShares || '—',
            bonus: r.sharePercent.localProviderBonus,
            max: r.sharePercent.max,
          },
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('Caps per year')}>
        {t('{{enterprise}} per enterprise, {{controller}} per actual controller', {
          enterprise: money(r.caps.perEnterprisePerYearMinor, s.currency, locale),
          controller: money(r.caps.perControllerPerYearMinor, s.currency, locale),
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('Kinds of service')}>
        {r.serviceKinds.map((k) => t(KIND_LABELS[k])).join('，')}
      </Descriptions.Item>
      {s.lotterySeed ? (
        <Descriptions.Item label={t('Lottery draw')}>
          <span data-testid="scheme-draw">
            {t('Seed {{seed}}; order drawn: {{order}}', {
              seed: s.lotterySeed,
              order: (s.lotteryDraw ?? []).map((id) => id.slice(-6)).join(' → '),
            })}
          </span>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 创新券方案: the supervisor sets schemes as data, opens and closes them, draws lotteries and issues vouchers. */
export default function SchemesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(['supervisor']);
  const [editing, setEditing] = useState<Scheme | 'new' | null>(null);
  const [drawing, setDrawing] = useState<Scheme | null>(null);
  const [drawForm] = Form.useForm<{ seed: string; winners: number }>();
  const schemes = useApi(
    () => (platformId ? vouchersApi.schemes(platformId) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const vouchers = useApi(
    () => (platformId ? vouchersApi.vouchers({ platformId, view: 'all' }) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const reload = () => {
    schemes.reload();
    vouchers.reload();
  };
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      message.success(t('Saved'));
      reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const schemeName = (id: string) => {
    const s = schemes.data?.items.find((x) => x.id === id);
    return s ? pickFilled(s.nameZh, s.nameEn, locale) : '';
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t('Voucher schemes')}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            {picker}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('New voucher scheme')}
            </Button>
          </Space>
        }
      >
        {schemes.error ? <LoadFailed error={schemes.error} /> : null}
        <Table<Scheme>
          scroll={WIDE}
          rowKey="id"
          loading={schemes.loading}
          dataSource={schemes.data?.items ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (s) => <SchemeRulesView s={s} /> }}
          columns={[
            { title: t('Scheme'), render: (_, s) => pickFilled(s.nameZh, s.nameEn, locale) },
            { title: t('Valid from and to'), render: (_, s) => `${s.validFrom} – ${s.validTo}` },
            { title: t('Issue by lottery'), render: (_, s) => (s.lottery ? t('Yes') : t('No')) },
            {
              title: t('State'),
              render: (_, s) => (
                <Tag color={SCHEME_STATE_COLORS[s.state]}>{t(SCHEME_STATE_LABELS[s.state])}</Tag>
              ),
            },
            {
              title: t('Actions'),
              ...actions(),
              render: (_, s) => (
                <Space wrap>
                  {s.state === 'draft' ? (
                    <Button size="small" onClick={() => setEditing(s)}>
                      {t('Edit')}
                    </Button>
                  ) : null}
                  {SCHEME_MOVES[s.state].map((to) => (
                    <Popconfirm
                      key={to}
                      title={t('Are you sure?')}
                      onConfirm={() => act(() => vouchersApi.setSchemeState(s.id, to))}
                    >
                      <Button size="small" danger={to === 'closed'}>
                        {t(SCHEME_MOVE_LABELS[to])}
                      </Button>
                    </Popconfirm>
                  ))}
                  {s.lottery && s.state === 'open' && !s.lotterySeed ? (
                    <Button
                      size="small"
                      onClick={() => {
                        drawForm.resetFields();
                        setDrawing(s);
                      }}
                    >
                      {t('Draw the lottery')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('Applications and vouchers')}>
        {vouchers.error ? <LoadFailed error={vouchers.error} /> : null}
        <Table<Voucher>
          scroll={WIDE}
          rowKey="id"
          loading={vouchers.loading}
          dataSource={vouchers.data?.items ?? []}
          pagination={false}
          data-testid="scheme-vouchers"
          columns={[
            { title: t('Scheme'), render: (_, v) => schemeName(v.schemeId) },
            {
              title: t('Enterprise'),
              render: (_, v) =>
                v.organisation ? pickFilled(v.organisation.nameZh, v.organisation.nameEn, locale) : '—',
            },
            {
              title: t('Declared profile'),
              render: (_, v) =>
                `${t(SIZE_LABELS[v.profile.size])} · ${v.profile.region} · ${v.profile.controllerName}`,
            },
            {
              title: t('Amount'),
              align: 'right',
              render: (_, v) => money(v.amountMinor, v.currency, locale),
            },
            {
              title: t('Balance'),
              align: 'right',
              render: (_, v) => money(v.balanceMinor, v.currency, locale),
            },
            {
              title: t('State'),
              render: (_, v) => (
                <Tag color={VOUCHER_STATE_COLORS[v.state]}>{t(VOUCHER_STATE_LABELS[v.state])}</Tag>
              ),
            },
            {
              title: t('Actions'),
              ...actions(),
              render: (_, v) =>
                v.state === 'applied' ? (
                  <Space>
                    <Popconfirm
                      title={t('Are you sure?')}
                      onConfirm={() => act(() => vouchersApi.decide(v.id, 'issue'))}
                    >
                      <Button size="small" type="primary">
                        {t('Issue')}
                      </Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('Are you sure?')}
                      onConfirm={() => act(() => vouchersApi.decide(v.id, 'refuse'))}
                    >
                      <Button size="small" danger>
                        {t('Refuse')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {platformId && editing ? (
        <SchemeFormModal
          platformId={platformId}
          scheme={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success(t('Saved'));
            reload();
          }}
        />
      ) : null}
      <FormModal<{ seed: string; winners: number }>
        open={drawing !== null}
        title={t('Draw the lottery')}
        okText={t('Draw')}
        onCancel={() => setDrawing(null)}
        form={drawForm}
        formTestId="lottery-form"
        onSubmit={async (v) => {
          await vouchersApi.draw(drawing!.id, v.seed, v.winners);
          setDrawing(null);
          message.success(t('Saved'));
          reload();
        }}
      >
        <Typography.Paragraph type="secondary">
          {t('Publish the seed before the draw: anyone can re-run it and get the same winners.')}
        </Typography.Paragraph>
        <Form.Item name="seed" label={t('Seed')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="winners" label={t('Number of winners')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
