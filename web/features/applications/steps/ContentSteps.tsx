import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicCallView } from '../../../api/calls.js';
import { useLocale } from '../../../app/locale.js';
import { localName } from '../../../components/labels.js';

/** Step 1: titles and summaries in Chinese and/or English, and one of the call's fields. */
export function SummaryStep({ call }: { call: PublicCallView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['content', 'titleZh']} label={t('Chinese title')}>
          <Input maxLength={300} data-testid="app-title-zh" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['content', 'titleEn']} label={t('English title')}>
          <Input maxLength={300} data-testid="app-title-en" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['content', 'summaryZh']} label={t('Chinese summary')}>
          <Input.TextArea rows={6} maxLength={5000} data-testid="app-summary-zh" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['content', 'summaryEn']} label={t('English summary')}>
          <Input.TextArea rows={6} maxLength={5000} data-testid="app-summary-en" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['content', 'fieldId']} label={t('Technology field')}>
          <Select
            allowClear
            data-testid="app-field"
            options={call.fields.map((f) => ({ value: f.id, label: `${localName(f, locale)} · ${f.code}` }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Step 2: objectives, each with measurable indicators. */
export function ObjectivesStep() {
  const { t } = useTranslation();
  return (
    <Form.List name={['content', 'objectives']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={t('Objective {{n}}', { n: i + 1 })}
              extra={
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('Remove')} />
              }
              data-testid="objective"
            >
              <Form.Item name={[f.name, 'text']} label={t('Objective')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.List name={[f.name, 'indicators']}>
                {(inds, ops) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {inds.map((ind) => (
                      <Space key={ind.key} wrap align="start" data-testid="indicator">
                        <Form.Item name={[ind.name, 'name']} noStyle>
                          <Input placeholder={t('Indicator')} style={{ width: 280 }} maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[ind.name, 'target']} noStyle>
                          <Input placeholder={t('Target value')} style={{ width: 220 }} maxLength={200} />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => ops.remove(ind.name)}
                          aria-label={t('Remove')}
                        />
                      </Space>
                    ))}
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => ops.add({})}
                      data-testid="add-indicator"
                    >
                      {t('Add an indicator')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ indicators: [{}] })}
            data-testid="add-objective"
          >
            {t('Add an objective')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** Step 3: work packages with their months and milestones. */
export function WorkPlanStep() {
  const { t } = useTranslation();
  return (
    <Form.List name={['content', 'workPlan']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={t('Work package {{n}}', { n: i + 1 })}
              extra={
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('Remove')} />
              }
              data-testid="work-package"
            >
              <Space wrap align="start">
                <Form.Item name={[f.name, 'title']} label={t('work.title')}>
                  <Input style={{ width: 360 }} maxLength={300} />
                </Form.Item>
                <Form.Item name={[f.name, 'startMonth']} label={t('From month')}>
                  <InputNumber<number> min={1} max={120} precision={0} />
                </Form.Item>
                <Form.Item name={[f.name, 'endMonth']} label={t('To month')}>
                  <InputNumber<number> min={1} max={120} precision={0} />
                </Form.Item>
              </Space>
              <Form.List name={[f.name, 'milestones']}>
                {(ms, ops) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {ms.map((m) => (
                      <Space key={m.key} wrap align="start" data-testid="milestone">
                        <Form.Item name={[m.name, 'title']} noStyle>
                          <Input
                            placeholder={t('Work-plan milestone')}
                            style={{ width: 360 }}
                            maxLength={300}
                          />
                        </Form.Item>
                        <Form.Item name={[m.name, 'month']} noStyle>
                          <InputNumber<number> min={1} max={120} precision={0} placeholder={t('Month')} />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => ops.remove(m.name)}
                          aria-label={t('Remove')}
                        />
                      </Space>
                    ))}
                    <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add({})}>
                      {t('Add a milestone')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ startMonth: 1, endMonth: 12, milestones: [{}] })}
            data-testid="add-work-package"
          >
            {t('Add a work package')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
