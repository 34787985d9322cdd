import { InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EligibilityRule, EligibilityRuleKind } from '../../../common/eligibility.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { RULE_LABELS } from '../../components/labels.js';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../../components/org-labels.js';
import { tk } from '../../i18n/index.js';

const KINDS = Object.keys(RULE_LABELS) as EligibilityRuleKind[];

/** What a newly switched-on rule starts with. */
const DEFAULTS: { [K in EligibilityRuleKind]: Extract<EligibilityRule, { kind: K }> } = {
  lead_org_types: { kind: 'lead_org_types', types: ['enterprise', 'university', 'institute'] },
  member_org_types: { kind: 'member_org_types', types: ['enterprise', 'university', 'institute'] },
  min_consortium_size: { kind: 'min_consortium_size', min: 2 },
  must_include_enterprise: { kind: 'must_include_enterprise' },
  min_sme_share: { kind: 'min_sme_share', share: 0.3, basis: 'members' },
  within_ceiling: { kind: 'within_ceiling' },
  min_cofunding_ratio: { kind: 'min_cofunding_ratio', ratio: 1, from: 'enterprises' },
};

export const RULE_HINTS: Record<EligibilityRuleKind, string> = {
  lead_org_types: tk('The lead organisation must be of one of these types'),
  member_org_types: tk('Every organisation of the consortium must be of one of these types'),
  min_consortium_size: tk('Organisations in the consortium, lead included'),
  must_include_enterprise: tk('At least one enterprise among lead and members'),
  min_sme_share: tk('Share of SMEs in the consortium'),
  within_ceiling: tk('The requested total does not exceed the per-project ceiling'),
  min_cofunding_ratio: tk('Own co-funding relative to the requested amount (1 = matching 1:1)'),
};

/**
 * The eligibility rules of a call as a Form control over common/eligibility.ts: each rule kind can be
 * switched on once and carries its own parameters; the server's engine evaluates them.
 */
export function RuleBuilder({
  value = [],
  onChange,
}: {
  value?: EligibilityRule[];
  onChange?(rules: EligibilityRule[]): void;
}) {
  const { t } = useTranslation();
  const byKind = new Map(value.map((r) => [r.kind, r]));
  // Rules keep the order of KINDS, so the list reads the same every time.
  const emit = (next: Map<EligibilityRuleKind, EligibilityRule>) =>
    onChange?.(KINDS.flatMap((k) => (next.has(k) ? [next.get(k)!] : [])));
  const toggle = (kind: EligibilityRuleKind, on: boolean) => {
    const next = new Map(byKind);
    if (on) next.set(kind, DEFAULTS[kind]);
    else next.delete(kind);
    emit(next);
  };
  const set = (rule: EligibilityRule) => emit(new Map(byKind).set(rule.kind, rule));

  return (
    <div data-testid="rule-builder" style={{ display: 'grid', gap: 8 }}>
      {KINDS.map((kind) => {
        const rule = byKind.get(kind);
        return (
          <div
            key={kind}
            data-testid={`rule-${kind}`}
            style={{ border: '1px solid #e5e7eb', borderRadius: 4, padding: '8px 12px' }}
          >
            <Space wrap>
              <Switch
                size="small"
                checked={Boolean(rule)}
                onChange={(on) => toggle(kind, on)}
                aria-label={t(RULE_LABELS[kind])}
              />
              <Typography.Text strong>{t(RULE_LABELS[kind])}</Typography.Text>
              <Typography.Text type="secondary">{t(RULE_HINTS[kind])}</Typography.Text>
            </Space>
            {rule ? <div style={{ marginTop: 8, marginInlineStart: 36 }}>{params(rule, set, t)}</div> : null}
          </div>
        );
      })}
    </div>
  );
}

function params(
  rule: EligibilityRule,
  set: (r: EligibilityRule) => void,
  t: (s: string) => string,
): React.ReactNode {
  switch (rule.kind) {
    case 'lead_org_types':
    case 'member_org_types':
      return (
        <CheckboxGroup
          value={rule.types}
          onChange={(types) => set({ ...rule, types: types as typeof rule.types })}
          options={ORG_TYPES.map((o) => ({ value: o, label: t(ORG_TYPE_LABELS[o]) }))}
        />
      );
    case 'min_consortium_size':
      return (
        <InputNumber<number>
          min={1}
          max={50}
          precision={0}
          value={rule.min}
          onChange={(min) => set({ ...rule, min: min ?? 1 })}
          aria-label={t('Minimum consortium size')}
          data-testid="rule-min-size"
        />
      );
    case 'min_sme_share':
      return (
        <Space wrap>
          <InputNumber<number>
            min={0}
            max={100}
            precision={2}
            value={Math.round(rule.share * 10_000) / 100}
            onChange={(p) => set({ ...rule, share: Math.round((p ?? 0) * 100) / 10_000 })}
            suffix="%"
            aria-label={t('Minimum SME share')}
          />
          <Radio.Group
            value={rule.basis}
            onChange={(e) => set({ ...rule, basis: e.target.value })}
            options={[
              { value: 'members', label: t('by number of members') },
              { value: 'requested_budget', label: t('by requested budget') },
            ]}
          />
        </Space>
      );
    case 'min_cofunding_ratio':
      return (
        <Space wrap>
          <InputNumber<number>
            min={0}
            max={100}
            precision={4}
            step={0.1}
            value={rule.ratio}
            onChange={(ratio) => set({ ...rule, ratio: ratio ?? 0 })}
            prefix="≥"
            suffix=": 1"
            aria-label={t('Minimum co-funding ratio')}
            data-testid="rule-cofunding-ratio"
          />
          <Radio.Group
            value={rule.from}
            onChange={(e) => set({ ...rule, from: e.target.value })}
            options={[
              { value: 'all_members', label: t('co-funding of all members') },
              { value: 'enterprises', label: t('co-funding of enterprises only') },
            ]}
          />
        </Space>
      );
    default:
      return null;
  }
}
