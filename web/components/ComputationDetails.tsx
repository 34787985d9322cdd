import { Collapse, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tk } from '../i18n/index.js';

/** What each engine is, in words; the exact id and version stay beside it for auditors who replay a run. */
export const SOLVER_LABELS: Record<string, string> = {
  'commonlab-mcf-ssp': tk('Optimal assignment (minimum-cost flow)'),
  'commonlab-draw': tk('Random draw'),
  'commonlab-draw-top': tk('Random draw among the best matches'),
  'commonlab-bnb-lagrangian': tk('Optimal funding plan (branch and bound)'),
};

/** The phases a run times, in the order they happen. */
export const PHASE_LABELS: Record<string, string> = {
  build: tk('Gathering the data'),
  conflicts: tk('Checking conflicts of interest'),
  affinity: tk('Matching expertise'),
  solve: tk('Computing the result'),
};

export function solverText(t: (k: string) => string, solver: string): string {
  const [id = solver, version] = solver.split('@');
  const words = SOLVER_LABELS[id];
  if (!words) return solver;
  return version ? `${t(words)} · ${id} v${version}` : `${t(words)} · ${id}`;
}

/**
 * How a result was computed (engine, input hash, time per phase), folded away for auditors: officers read
 * the result, not solver ids and millisecond timings (issue 12 item 6).
 */
export function ComputationDetails({
  solver,
  timings,
  inputHash,
  extra,
}: {
  solver: string;
  timings: Record<string, number>;
  inputHash?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const phases = Object.entries(timings).map(([phase, ms]) =>
    t('{{phase}}: {{ms}} ms', { phase: PHASE_LABELS[phase] ? t(PHASE_LABELS[phase]) : phase, ms }),
  );
  return (
    <Collapse
      size="small"
      data-testid="computation-details"
      items={[
        {
          key: 'details',
          // In the page from the start, so a search or a test finds the figures without opening it.
          forceRender: true,
          label: t('How this was computed (for auditors)'),
          children: (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('Method')}>{solverText(t, solver)}</Descriptions.Item>
              {inputHash ? (
                <Descriptions.Item label={t('Input fingerprint (SHA-256)')}>
                  <code data-testid="run-hash">{inputHash}</code>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('Time taken')}>{phases.join('; ') || '—'}</Descriptions.Item>
              {extra}
            </Descriptions>
          ),
        },
      ]}
    />
  );
}
