import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Criterion } from '../../../../common/calls.js';
import { DIMENSIONS, MIN_COMMENT_CHARS, weightedTotal } from '../../../../common/review-scoring.js';
import { ApiError } from '../../../api/client.js';
import { type ScorecardView, scoringApi } from '../../../api/review-scoring.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { pick } from '../../../components/labels.js';
import { zonedTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';
import { CriterionScore, type Entry } from './CriterionScore.js';
import { ReviewerApplication } from './ReviewerApplication.js';

type Entries = Partial<Record<Criterion, Entry>>;
const DIMENSION_SHOWN = { academic: tk('Academic evaluation'), economic: tk('Economic evaluation') };

const entriesOf = (v: ScorecardView): Entries =>
  Object.fromEntries(v.scores.map((s) => [s.criterion, { score: s.score, comment: s.comment }]));

/** /my-reviews/:assignmentId — the expert reads the application, declares no conflict and scores it. */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { assignmentId = '' } = useParams();
  const card = useApi(() => scoringApi.scorecard(assignmentId), [assignmentId]);
  const [entries, setEntries] = useState<Entries>({});
  const [overall, setOverall] = useState('');
  const [declaring, setDeclaring] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!card.data) return;
    setEntries(entriesOf(card.data));
    setOverall(card.data.overallComment ?? '');
  }, [card.data]);
  if (card.error) return <LoadFailed error={card.error} />;
  const v = card.data;
  if (!v || v.assignmentId !== assignmentId) return <Centered />;
  const editable = v.access.canEdit;
  const scores = Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, e?.score]));
  const total = weightedTotal({ items: v.criteria }, scores);
  const set = (k: Criterion, patch: Partial<Entry>) =>
    setEntries((x) => ({ ...x, [k]: { score: null, comment: '', ...x[k], ...patch } }));

  /** The body in the call's criterion order; `all` keeps criteria without a score (submission). */
  const body = (all: boolean) => {
    const list = v.criteria
      .map((c) => ({
        criterion: c.key,
        score: entries[c.key]?.score ?? null,
        comment: entries[c.key]?.comment ?? '',
      }))
      .filter((s) => all || s.score !== null);
    return { list, overallComment: overall.trim() || null };
  };
  const localCheck = () => {
    const found: Record<string, string> = {};
    for (const c of v.criteria) {
      const e = entries[c.key];
      if (e?.score === null || e?.score === undefined) found[`${c.key}.score`] = t('Give a score');
      if ((e?.comment ?? '').trim().length < MIN_COMMENT_CHARS)
        found[`${c.key}.comment`] = t('Write a comment of at least 5 characters');
    }
    return found;
  };
  const save = async (submit: boolean) => {
    const { list, overallComment } = body(submit);
    if (submit) {
      const found = localCheck();
      setErrors(found);
      if (Object.keys(found).length) {
        message.warning(t('Every criterion needs a score and a comment'));
        return;
      }
    }
    setBusy(true);
    try {
      const payload = {
        scores: list.map((s) => ({ criterion: s.criterion, score: s.score!, comment: s.comment })),
        overallComment,
      };
      await (submit ? scoringApi.submit(assignmentId, payload) : scoringApi.saveDraft(assignmentId, payload));
      setErrors({});
      message.success(submit ? t('Scorecard submitted') : t('Draft saved'));
      card.reload();
    } catch (err) {
      if (err instanceof ApiError) {
        const found: Record<string, string> = {};
        for (const f of err.fieldErrors) {
          const m = /^\/scores\/(\d+)\/(score|comment)$/.exec(f.pointer);
          const at = m ? list[Number(m[1])] : undefined;
          if (at && m) found[`${at.criterion}.${m[2]}`] = errorText(t, new ApiError(400, { code: f.code }));
        }
        setErrors(found);
      }
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const declare = async () => {
    setBusy(true);
    try {
      await scoringApi.declare(assignmentId);
      message.success(t('Declaration recorded'));
      card.reload();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const a = v.application;
  const scale = `${v.scale.min}–${v.scale.max}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scorecard-page">
      <Card size="small">
        <Space orientation="vertical" size={4}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {pick(a.content.titleZh, a.content.titleEn, locale) || t('Untitled application')}
            </Typography.Title>
            <Tag color={v.state === 'submitted' ? 'green' : 'blue'} data-testid="scorecard-state">
              {v.state === 'submitted' ? t('Submitted') : t('Not submitted')}
            </Tag>
          </Space>
          <Typography.Text type="secondary">
            {pick(a.callTitleZh, a.callTitleEn, locale)} ·{' '}
            {t('You review as reviewer {{label}}', { label: v.label })} · {t('Scoring closes')}:{' '}
            {v.scoringClosesAt ? zonedTime(v.scoringClosesAt, locale) : t('No deadline set')}
          </Typography.Text>
        </Space>
      </Card>
      {/* The application on the left, the scorecard beside it on wide screens (one column below 1,200 px). */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ReviewerApplication app={a} assignmentId={assignmentId} />
        </Col>
        <Col xs={24} xl={12}>
          <Space
            orientation="vertical"
            size="middle"
            style={{ width: '100%' }}
            data-testid="scorecard-column"
          >
            <Card size="small" title={t('Declaration of no conflict of interest')} data-testid="declaration">
              {v.declaredAt ? (
                <Alert
                  type="success"
                  showIcon
                  title={t('Declared on {{at}}', { at: zonedTime(v.declaredAt, locale) })}
                />
              ) : (
                <Space orientation="vertical">
                  <Checkbox
                    checked={declaring}
                    onChange={(e) => setDeclaring(e.target.checked)}
                    disabled={!v.access.canDeclare}
                    data-testid="declare-check"
                  >
                    {t(
                      'I declare that I have no conflict of interest with this application, its organisations or its people',
                    )}
                  </Checkbox>
                  <Button
                    type="primary"
                    disabled={!declaring || !v.access.canDeclare}
                    loading={busy}
                    onClick={declare}
                    data-testid="declare-submit"
                  >
                    {t('Confirm the declaration')}
                  </Button>
                </Space>
              )}
            </Card>
            <Card
              size="small"
              title={t('Scores (scale {{scale}})', { scale })}
              extra={
                <Statistic
                  title={t('Weighted total')}
                  value={total ?? '—'}
                  precision={total === null ? undefined : 2}
                  data-testid="weighted-total"
                />
              }
            >
              {!v.declaredAt ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('Declare no conflict of interest to start scoring')}
                  style={{ marginBottom: 12 }}
                />
              ) : null}
              {DIMENSIONS.map((d) => (
                <div key={d} data-testid={`dimension-${d}`}>
                  <Typography.Title level={5}>{t(DIMENSION_SHOWN[d])}</Typography.Title>
                  {v.criteria
                    .filter((c) => c.dimension === d)
                    .map((c) => (
                      <CriterionScore
                        key={c.key}
                        criterion={c}
                        scale={v.scale}
                        entry={entries[c.key]}
                        editable={editable}
                        errors={errors}
                        onChange={(patch) => set(c.key, patch)}
                      />
                    ))}
                </div>
              ))}
              <Typography.Title level={5}>{t('Overall comment')}</Typography.Title>
              <Input.TextArea
                rows={3}
                maxLength={4000}
                value={overall}
                disabled={!editable}
                onChange={(e) => setOverall(e.target.value)}
                aria-label={t('Overall comment')}
                data-testid="overall-comment"
              />
              {editable ? (
                <Space style={{ marginTop: 12 }}>
                  <Button onClick={() => save(false)} loading={busy} data-testid="save-draft">
                    {t('Save draft')}
                  </Button>
                  <Popconfirm
                    title={t('Submit the scorecard? It cannot be changed afterwards.')}
                    okText={t('Submit')}
                    cancelText={t('Cancel')}
                    onConfirm={() => save(true)}
                  >
                    <Button type="primary" loading={busy} data-testid="submit-scorecard">
                      {t('Submit')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : v.submittedAt ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="success"
                  showIcon
                  title={t('Submitted on {{at}}', { at: zonedTime(v.submittedAt, locale) })}
                />
              ) : null}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
