import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityRule } from '../../../common/eligibility.js';
import type { PublicCallView } from '../../api/calls.js';
import { useLocale } from '../../app/locale.js';
import { ATTACHMENT_TYPE_LABELS } from '../../components/CallFormLists.js';
import { Countdown } from '../../components/Countdown.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { CRITERIA_SHOWN, pick, RULE_LABELS } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { ORG_TYPE_LABELS } from '../../components/org-labels.js';
import { CallStateTag } from '../../components/StateTags.js';
import { zonedTime } from '../../components/time.js';

/** One eligibility rule in words, with its parameters. */
export function ruleText(rule: EligibilityRule, t: (s: string, o?: Record<string, unknown>) => string) {
  const label = t(RULE_LABELS[rule.kind]);
  switch (rule.kind) {
    case 'lead_org_types':
    case 'member_org_types':
      return `${label}: ${rule.types.map((x) => t(ORG_TYPE_LABELS[x])).join(' / ')}`;
    case 'min_consortium_size':
      return `${label}: ${rule.min}`;
    case 'min_sme_share':
      return `${label}: ${Math.round(rule.share * 1000) / 10}% (${
        rule.basis === 'members' ? t('by number of members') : t('by requested budget')
      })`;
    case 'min_cofunding_ratio':
      return `${label}: ≥ ${rule.ratio} : 1 (${
        rule.from === 'all_members' ? t('co-funding of all members') : t('co-funding of enterprises only')
      })`;
    default:
      return label;
  }
}

/** What a call says, as applicants and the public read it (also the officer's preview). */
export function CallDetails({ call, extra }: { call: PublicCallView; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const summary = pick(call.summaryZh, call.summaryEn, locale);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="call-details">
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="call-title">
              {pick(call.titleZh, call.titleEn, locale)}
            </Typography.Title>
            <CallStateTag state={call.effectiveState} />
            <Tag>{call.code}</Tag>
          </Space>
          <Typography.Text type="secondary">
            {pick(call.platform.nameZh, call.platform.nameEn, locale)}
          </Typography.Text>
          {summary ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{summary}</Typography.Paragraph>
          ) : null}
          {extra}
        </Space>
      </Card>
      <Card size="small" title={t('Key facts')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('Opens at')}>{zonedTime(call.opensAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('Closes at')}>
            <span data-testid="call-closes-at">{zonedTime(call.closesAt, locale)}</span>
          </Descriptions.Item>
          {call.effectiveState === 'open' || call.effectiveState === 'upcoming' ? (
            <Descriptions.Item label={t('Time left')}>
              <Countdown until={call.closesAt} serverNow={call.serverNow} testId="call-countdown" />
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('Total budget')}>
            {money(call.budgetTotalMinor, call.currency, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('Ceiling per project')}>
            <span data-testid="call-ceiling-shown">{money(call.ceilingMinor, call.currency, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('Technology fields')}>
            <FieldTags fields={call.fields} />
          </Descriptions.Item>
          <Descriptions.Item label={t('Reviewers per application')}>
            {call.reviewersPerApplication}
          </Descriptions.Item>
          <Descriptions.Item label={t('Resubmission window (days)')}>
            {call.resubmitWindowDays}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {call.contactName || call.contactPhone || call.contactEmail ? (
        <Card size="small" title={t('Contact person')} data-testid="call-contact">
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            {call.contactName ? (
              <Descriptions.Item label={t('Full name')}>{call.contactName}</Descriptions.Item>
            ) : null}
            {call.contactPhone ? (
              <Descriptions.Item label={t('Phone')}>
                <a href={`tel:${call.contactPhone.replace(/[^0-9+]/g, '')}`}>{call.contactPhone}</a>
              </Descriptions.Item>
            ) : null}
            {call.contactEmail ? (
              <Descriptions.Item label={t('E-mail')}>
                <a href={`mailto:${call.contactEmail}`}>{call.contactEmail}</a>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {call.deadlineExtensions.length > 0 ? (
        <Card size="small" title={t('Deadline extensions')}>
          <List
            size="small"
            dataSource={call.deadlineExtensions}
            renderItem={(x) => (
              <List.Item data-testid="deadline-extension">
                {t('{{from}} → {{to}}: {{reason}}', {
                  from: zonedTime(x.previousClosesAt, locale),
                  to: zonedTime(x.closesAt, locale),
                  reason: x.reason,
                })}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('Eligibility rules')}>
        {call.eligibility.length === 0 ? (
          <Typography.Text type="secondary">{t('No eligibility rules')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="call-rules">
            {call.eligibility.map((r) => (
              <li key={r.kind}>{ruleText(r, t)}</li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={t('Evaluation criteria and weights')}>
        <Typography.Text type="secondary">
          {t('Score scale')}: {call.criteria.scale.min}–{call.criteria.scale.max}
        </Typography.Text>
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
          {call.criteria.items.map((c) => (
            <li key={c.key}>
              {t(CRITERIA_SHOWN[c.key])}: {c.weight}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('Required attachments')}>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {call.requiredAttachments.map((a) => (
            <li key={a.key}>
              {pick(a.labelZh, a.labelEn, locale)} (
              {a.types.map((x) => t(ATTACHMENT_TYPE_LABELS[x])).join(', ')}; ≤{' '}
              {Math.round((a.maxBytes / 1024 / 1024) * 100) / 100} MB)
              {a.required ? ` · ${t('Required')}` : ` · ${t('Optional')}`}
            </li>
          ))}
        </ul>
      </Card>
    </Space>
  );
}
