import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, IllustrativeTag, LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { EXCLUSIVITY_LABELS, KIND_LABELS, pickFilled, TYPE_LABELS } from '../../components/result-labels.js';
import { InquiryForm } from './InquiryForm.js';

/** A public result: what it is, its TRL with the level's definition, the technology listing, and the inquiry form. */
export default function PortalDetailPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const r = useApi(() => resultsApi.publicResult(id), [id]);
  if (r.error) return <LoadFailed error={r.error} />;
  if (!r.data) return <Centered />;
  const d = r.data;
  const text = (zh: string | null, en: string | null) => pickFilled(zh, en, locale) || null;
  const listing: Array<[string, ReactNode]> = [
    [t('Problem it solves'), text(d.problemZh, d.problemEn)],
    [t('Advantage over what industry uses today'), text(d.advantageZh, d.advantageEn)],
    [t('Economic comparison'), text(d.economicsZh, d.economicsEn)],
    [t('Applications'), text(d.applicationsZh, d.applicationsEn)],
    [t('IP status'), text(d.ipStatusZh, d.ipStatusEn)],
    [t('Licence types offered'), d.licenceTypes.map((x) => <Tag key={x}>{t(EXCLUSIVITY_LABELS[x])}</Tag>)],
    [t('What can be licensed'), d.licenceKinds.map((x) => <Tag key={x}>{t(KIND_LABELS[x])}</Tag>)],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/public/results">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }}>
          {t('Back to the search')}
        </Button>
      </Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {pickFilled(d.titleZh, d.titleEn, locale)}
        </Typography.Title>
        <Tag color="blue">{t(TYPE_LABELS[d.type])}</Tag>
        {d.isIllustrative ? <IllustrativeTag /> : null}
      </Space>
      <Typography.Text type="secondary">{locale === 'zh-CN' ? d.titleEn : d.titleZh}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card>
              <Typography.Paragraph data-testid="result-summary">
                {pickFilled(d.summaryZh, d.summaryEn, locale)}
              </Typography.Paragraph>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('Platform')}>{localName(d.platform, locale)}</Descriptions.Item>
                {d.unit ? (
                  <Descriptions.Item label={t('Unit')}>{localName(d.unit, locale)}</Descriptions.Item>
                ) : null}
                {d.fields.length ? (
                  <Descriptions.Item label={t('Technology fields')}>
                    {d.fields.map((f) => (
                      <Tag key={f.id}>{localName(f, locale)}</Tag>
                    ))}
                  </Descriptions.Item>
                ) : null}
                {d.trl ? (
                  <Descriptions.Item label={t('Technology readiness level')}>
                    <span data-testid="result-trl">
                      TRL {d.trl.level} · {locale === 'zh-CN' ? d.trl.zh : d.trl.en}
                    </span>
                  </Descriptions.Item>
                ) : null}
                {d.year ? <Descriptions.Item label={t('Year')}>{d.year}</Descriptions.Item> : null}
                {d.identifier ? (
                  <Descriptions.Item label={t('Identifier')}>{d.identifier}</Descriptions.Item>
                ) : null}
                {d.authors ? <Descriptions.Item label={t('Authors')}>{d.authors}</Descriptions.Item> : null}
                {d.url ? (
                  <Descriptions.Item label={t('Link')}>
                    <a href={d.url} target="_blank" rel="noreferrer noopener">
                      {d.url}
                    </a>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            {d.type === 'technology' ? (
              <Card title={t('Technology listing')} data-testid="tech-listing">
                <Descriptions column={1} size="small" bordered>
                  {listing
                    .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : !!v))
                    .map(([label, v]) => (
                      <Descriptions.Item key={label} label={label}>
                        {v}
                      </Descriptions.Item>
                    ))}
                </Descriptions>
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <InquiryForm
            resultId={d.id}
            defaultKind={d.type === 'technology' ? 'licensing' : 'collaboration'}
          />
        </Col>
      </Row>
    </Space>
  );
}
