import {
  CloudDownloadOutlined,
  PlayCircleOutlined,
  PrinterOutlined,
  SendOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_MODES, type AssignmentMode } from '../../../../common/review.js';
import { ApiError } from '../../../api/client.js';
import { type RunView, reviewRunsApi } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { fileOptions } from '../../../components/file-options.js';
import { MODE_LABELS } from '../../../components/review-labels.js';
import { saveFile } from '../../../components/save-file.js';
import { errorText } from '../../../i18n/errors.js';
import { OverridesCard } from './OverridesCard.js';
import { RunResult } from './RunResult.js';
import { SeatsCard } from './SeatsCard.js';

/**
 * A call's reviewer assignment: choose the mode (and seed), run, compare with the previous run, replay,
 * download the instance, publish; pins and forbids; after publishing, the seats and refill.
 */
export default function AssignmentTab({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [mode, setMode] = useState<AssignmentMode>('optimal');
  const [seed, setSeed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [current, setCurrent] = useState<RunView>();
  const [previous, setPrevious] = useState<RunView>();
  const runs = useApi(() => reviewRunsApi.runs(callId), [callId]);
  const published = runs.data?.items.find((r) => r.state === 'published' && r.purpose === 'initial');
  const latestId = published?.id ?? runs.data?.items.find((r) => r.state === 'draft')?.id;
  // On opening: the published (or latest draft) run, compared with the run made before it.
  useEffect(() => {
    if (!latestId || current) return;
    const items = runs.data?.items ?? [];
    const before = items[items.findIndex((r) => r.id === latestId) + 1];
    reviewRunsApi.run(callId, latestId).then(setCurrent, () => undefined);
    if (before) reviewRunsApi.run(callId, before.id).then(setPrevious, () => undefined);
  }, [callId, latestId, current, runs.data]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    act(async () => {
      setProblem(null);
      try {
        const next = await reviewRunsApi.createRun(
          callId,
          mode,
          mode === 'optimal' ? undefined : (seed ?? undefined),
        );
        setPrevious(current);
        setCurrent(next);
        runs.reload();
      } catch (err) {
        setProblem(err);
      }
    });
  const replay = (r: RunView) =>
    act(async () => {
      const res = await reviewRunsApi.replay(callId, r.id);
      if (res.identical) message.success(t('Replay gives the identical result'));
      else message.error(t('Replay differs from the stored result'));
    });
  const download = (r: RunView) => act(async () => saveFile(await reviewRunsApi.instance(callId, r.id)));
  const printRecord = (r: RunView) =>
    act(async () => saveFile(await reviewRunsApi.record(callId, r.id, fileOptions(locale))));
  const publish = (r: RunView) =>
    act(async () => {
      setCurrent(await reviewRunsApi.publish(callId, r.id));
      message.success(t('Published: the experts are invited'));
      runs.reload();
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="assignment-tab">
      {published ? null : (
        <Card size="small">
          <Space wrap>
            <Select<AssignmentMode>
              aria-label={t('Mode')}
              value={mode}
              onChange={setMode}
              style={{ width: 160 }}
              data-testid="assignment-mode"
              options={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(MODE_LABELS[m]) }))}
            />
            {mode === 'optimal' ? null : (
              <InputNumber<number>
                min={0}
                max={4294967295}
                value={seed}
                onChange={(v) => setSeed(v)}
                placeholder={t('Seed (optional)')}
                style={{ width: 180 }}
                data-testid="assignment-seed"
              />
            )}
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={busy}
              onClick={run}
              data-testid="run-assignment"
            >
              {t('Run assignment')}
            </Button>
          </Space>
        </Card>
      )}
      {problem ? (
        <Alert type="error" showIcon title={errorText(t, problem)} description={violationsOf(problem)} />
      ) : null}
      {current ? (
        <Card
          size="small"
          title={
            <Typography.Text>
              {current.state === 'published' ? t('Published assignment') : t('Draft assignment')}
            </Typography.Text>
          }
          extra={
            <Space wrap>
              <Button icon={<SyncOutlined />} onClick={() => replay(current)} data-testid="replay-run">
                {t('Replay')}
              </Button>
              <Button
                icon={<CloudDownloadOutlined />}
                onClick={() => download(current)}
                data-testid="download-instance"
              >
                {t('Download instance')}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => printRecord(current)}>
                {t('Expert selection record (PDF)')}
              </Button>
              {current.state === 'draft' ? (
                <Popconfirm title={t('Invite these experts now?')} onConfirm={() => publish(current)}>
                  <Button type="primary" icon={<SendOutlined />} data-testid="publish-run">
                    {t('Publish')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          }
        >
          <RunResult run={current} previous={previous} />
        </Card>
      ) : null}
      {published ? <SeatsCard callId={callId} /> : <OverridesCard callId={callId} />}
    </Space>
  );
}

/** The violated constraints of a 422, one line each (constraint: message). */
function violationsOf(err: unknown) {
  const problem = err instanceof ApiError ? err.problem : {};
  const list = (problem.violations ?? []) as { constraint: string; message: string }[];
  return list.length ? (
    <ul data-testid="assignment-violations">
      {list.slice(0, 10).map((v) => (
        <li key={`${v.constraint}${v.message}`}>
          {v.constraint}: {v.message}
        </li>
      ))}
    </ul>
  ) : null;
}
