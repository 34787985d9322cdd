import { Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { type CreateResult, type ResultItem, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useApi } from '../../app/useApi.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { SaveFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { exclusivityOptions, kindOptions, trlOptions, typeOptions } from '../../components/result-labels.js';
import { fieldErrors } from '../../i18n/errors.js';

type Values = Omit<CreateResult, 'fieldCodes'>;
const TECH_TEXT = [
  ['problem', 'Problem it solves'],
  ['advantage', 'Advantage over what industry uses today'],
  ['economics', 'Economic comparison'],
  ['applications', 'Applications'],
  ['ipStatus', 'IP status'],
] as const;

const valuesOf = (r: ResultItem): Values => ({
  platformId: r.platform.id,
  type: r.type,
  unitId: r.unit?.id ?? null,
  titleZh: r.titleZh,
  titleEn: r.titleEn,
  summaryZh: r.summaryZh,
  summaryEn: r.summaryEn,
  trl: r.trl?.level ?? null,
  visibility: r.visibility,
  year: r.year,
  identifier: r.identifier,
  url: r.url,
  authors: r.authors,
  problemZh: r.problemZh,
  problemEn: r.problemEn,
  advantageZh: r.advantageZh,
  advantageEn: r.advantageEn,
  economicsZh: r.economicsZh,
  economicsEn: r.economicsEn,
  applicationsZh: r.applicationsZh,
  applicationsEn: r.applicationsEn,
  ipStatusZh: r.ipStatusZh,
  ipStatusEn: r.ipStatusEn,
  licenceTypes: r.licenceTypes,
  licenceKinds: r.licenceKinds,
  fieldIds: r.fields.map((f) => f.id),
});

/** Empty optional texts go to the server as null, so clearing a field clears it. */
const clean = (v: Values): Values =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x]),
  ) as Values;

/** Create or edit a result; technology listings get the fields industry scouts ask for. */
export function ResultFormDrawer(props: {
  result: ResultItem | null;
  platformIds: string[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const platforms = usePlatforms();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const r = props.result;
  const platformId = Form.useWatch('platformId', form) ?? r?.platform.id ?? props.platformIds[0];
  const type = Form.useWatch('type', form) ?? r?.type ?? 'technology';
  const units = useApi(
    () => (platformId ? api.units(platformId) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const fields = useApi(() => api.fields(), []);
  const tree = (fields.data?.items ?? []).map((f) => ({
    value: f.id,
    title: localName(f, locale),
    children: f.children.map((c) => ({ value: c.id, title: localName(c, locale) })),
  }));
  const save = async (raw: Values) => {
    setBusy(true);
    setError(null);
    const v = clean(raw);
    const tech = v.type === 'technology';
    const body = {
      ...v,
      fieldIds: raw.fieldIds ?? [],
      licenceTypes: tech ? (raw.licenceTypes ?? []) : [],
      licenceKinds: tech ? (raw.licenceKinds ?? []) : [],
      ...(tech
        ? {}
        : Object.fromEntries(
            TECH_TEXT.flatMap(([k]) => [
              [`${k}Zh`, null],
              [`${k}En`, null],
            ]),
          )),
    };
    try {
      if (r) {
        const { platformId: _p, ...patch } = body;
        await resultsApi.update(r.id, patch);
      } else await resultsApi.create(body);
      props.onSaved();
    } catch (e) {
      setError(e);
      form.setFields(fieldErrors(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      size="large"
      title={r ? t('Edit result') : t('New result')}
      onClose={props.onClose}
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="result-save">
          {t('Save')}
        </Button>
      }
    >
      {error ? <SaveFailed error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          r
            ? valuesOf(r)
            : { platformId: props.platformIds[0], type: 'technology', visibility: 'public', fieldIds: [] }
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="platformId" label={t('Platform')} rules={[{ required: true }]}>
              <Select
                disabled={!!r}
                options={platforms.list
                  .filter((p) => r || props.platformIds.includes(p.id))
                  .map((p) => ({ value: p.id, label: localName(p, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitId" label={t('Unit')}>
              <Select
                allowClear
                options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t('Type')} rules={[{ required: true }]}>
              <Select options={typeOptions(t)} data-testid="result-type" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="visibility" label={t('Visibility')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'public', label: t('Public') },
                  { value: 'internal', label: t('Internal') },
                ]}
              />
            </Form.Item>
          </Col>
          {(['Zh', 'En'] as const).map((l) => (
            <Col span={12} key={l}>
              <Form.Item name={`title${l}`} label={l === 'Zh' ? t('Title (Chinese)') : t('Title (English)')}>
                <Input maxLength={300} data-testid={`result-title-${l}`} />
              </Form.Item>
              <Form.Item
                name={`summary${l}`}
                label={l === 'Zh' ? t('Summary (Chinese)') : t('Summary (English)')}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid={`result-summary-${l}`} />
              </Form.Item>
            </Col>
          ))}
          <Col span={16}>
            <Form.Item name="trl" label={t('Technology readiness level')}>
              <Select allowClear options={trlOptions(locale)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label={t('Year')}>
              <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="fieldIds" label={t('Technology fields')}>
              <TreeSelect multiple treeData={tree} treeDefaultExpandAll allowClear />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="identifier" label={t('Identifier')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="url" label={t('Link')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="authors" label={t('Authors')}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        {type === 'technology' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Row gutter={12}>
              {TECH_TEXT.flatMap(([k, label]) =>
                (['Zh', 'En'] as const).map((l) => (
                  <Col span={12} key={`${k}${l}`}>
                    <Form.Item name={`${k}${l}`} label={`${t(label)} (${l === 'Zh' ? '中文' : 'English'})`}>
                      <Input.TextArea rows={2} maxLength={4000} data-testid={`result-${k}-${l}`} />
                    </Form.Item>
                  </Col>
                )),
              )}
            </Row>
            <Form.Item name="licenceTypes" label={t('Licence types offered')}>
              <CheckboxGroup options={exclusivityOptions(t)} />
            </Form.Item>
            <Form.Item name="licenceKinds" label={t('What can be licensed')}>
              <CheckboxGroup options={kindOptions(t)} />
            </Form.Item>
          </Space>
        ) : null}
      </Form>
    </Drawer>
  );
}
