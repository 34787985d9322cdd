import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPERT_CATEGORIES, OUTPUT_KINDS } from '../../../common/review.js';
import type { ExpertView } from '../../api/experts.js';
import { DateRange } from '../../components/DateRange.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { CATEGORY_LABELS, OUTPUT_LABELS } from './labels.js';

type Org = { id: string; nameZh: string; nameEn: string | null };

/** The registry's organisation picker, labelling a stored value from the profile before any search. */
function KnownOrgPicker({
  known,
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  known: Org[];
  value?: string | null;
  onChange?(v: string | null): void;
  id?: string;
  'aria-label'?: string;
}) {
  return (
    <OrgPicker
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      current={known.find((o) => o.id === value) ?? null}
    />
  );
}

/**
 * The fields of an expert profile inside a Form of ProfileValues: expertise, fields, load limit, outputs
 * with collaborators, declared conflicts and availability; `curated` adds category, active and notes.
 */
export function ProfileFields({ curated, current }: { curated: boolean; current: ExpertView | null }) {
  const { t } = useTranslation();
  const known = [
    ...(current?.outputs.flatMap((o) => o.collaborators.map((c) => c.organisation)) ?? []),
    ...(current?.declaredConflicts.map((c) => c.organisation) ?? []),
  ].filter((o): o is Org => !!o);
  return (
    <>
      <Row gutter={16}>
        {curated ? (
          <>
            <Col span={12}>
              <Form.Item name="category" label={t('Category')} rules={[{ required: true }]}>
                <Select
                  data-testid="expert-category"
                  options={EXPERT_CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c]) }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="active" label={t('Active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col span={16}>
          <Form.Item name="fieldIds" label={t('Technology fields')}>
            <FieldTreeSelect testId="expert-fields" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="loadMax" label={t('Load limit')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="expertiseZh" label={t('Expertise (Chinese)')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} data-testid="expert-expertise-zh" />
          </Form.Item>
          <Form.Item name="expertiseEn" label={t('Expertise (English)')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        {curated ? (
          <Col span={24}>
            <Form.Item name="notes" label={t('Curator notes')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>

      <Divider titlePlacement="start">{t('Past outputs')}</Divider>
      <Form.List name="outputs">
        {(outputs, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {outputs.map((o) => (
              <Card
                key={o.key}
                size="small"
                extra={<MinusCircleOutlined onClick={() => remove(o.name)} aria-label={t('Remove')} />}
              >
                <Row gutter={8}>
                  <Col span={6}>
                    <Form.Item name={[o.name, 'kind']} label={t('Kind')} rules={[{ required: true }]}>
                      <Select options={OUTPUT_KINDS.map((k) => ({ value: k, label: t(OUTPUT_LABELS[k]) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item
                      name={[o.name, 'title']}
                      label={t('person.title')}
                      rules={[{ required: true, whitespace: true }, { max: 500 }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[o.name, 'year']} label={t('Year')}>
                      <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[o.name, 'abstract']} label={t('Abstract')} rules={[{ max: 5000 }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.List name={[o.name, 'collaborators']}>
                  {(people, more) => (
                    <>
                      {people.map((c) => (
                        <Space key={c.key} align="baseline" wrap>
                          <Form.Item name={[c.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                            <Input placeholder={t('Collaborator name')} style={{ width: 180 }} />
                          </Form.Item>
                          <Form.Item name={[c.name, 'organisationId']}>
                            <KnownOrgPicker known={known} aria-label={t('Organisation')} />
                          </Form.Item>
                          <Form.Item name={[c.name, 'personId']} hidden>
                            <Input />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => more.remove(c.name)} aria-label={t('Remove')} />
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => more.add({ name: '' })}>
                        {t('Add collaborator')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'publication', title: '', collaborators: [] })}
            >
              {t('Add output')}
            </Button>
          </Space>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('Declared conflicts')}</Divider>
      <Form.List name="declaredConflicts">
        {(rows, { add, remove }) => (
          <>
            {rows.map((r) => (
              <Space key={r.key} align="baseline" wrap>
                <Form.Item name={[r.name, 'organisationId']}>
                  <KnownOrgPicker known={known} aria-label={t('Organisation')} />
                </Form.Item>
                <Form.Item name={[r.name, 'personId']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[r.name, 'reason']}
                  rules={[{ required: true, whitespace: true }, { max: 1000 }]}
                >
                  <Input placeholder={t('Reason')} style={{ width: 260 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(r.name)} aria-label={t('Remove')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ reason: '' })}>
              {t('Declare a conflict')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('Availability')}</Divider>
      <Form.List name="availability">
        {(rows, { add, remove }) => (
          <>
            {rows.map((r) => (
              <Space key={r.key} align="baseline" wrap>
                <Form.Item name={[r.name, 'range']} rules={[{ required: true }]}>
                  <DateRange label={t('Availability')} />
                </Form.Item>
                <Form.Item name={[r.name, 'note']} rules={[{ max: 200 }]}>
                  <Input placeholder={t('Note')} style={{ width: 220 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(r.name)} aria-label={t('Remove')} />
              </Space>
            ))}
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 8 }}>
              {t('No window means always available')}
            </div>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('Add availability window')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
