import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../api/applications.js';
import { APPLICATION_STATES_SHOWN } from '../../components/labels.js';
import { tk } from '../../i18n/index.js';
import { JOURNEY, type JourneyStage, journeyOf } from './progress.js';

const STAGE_TITLES: Record<JourneyStage, string> = {
  submitted: tk('Submission'),
  screening: tk('Formal screening'),
  review: tk('Expert review'),
  decision: tk('Funding decision'),
};

/**
 * Where a submitted application stands, for its applicant: submission → formal screening → expert review
 * → decision, the current stage named by the application's state (退回修改, 未通过, 已撤回 … in red).
 */
export function JourneySteps({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const journey = journeyOf(app.state, app.transitions);
  if (!journey) return null;
  return (
    <Card size="small" data-testid="application-journey">
      <Steps
        size="small"
        current={journey.current}
        status={journey.status}
        items={JOURNEY.map((stage, i) => ({
          key: stage,
          title: t(STAGE_TITLES[stage]),
          description: i === journey.current ? t(APPLICATION_STATES_SHOWN[app.state]) : undefined,
        }))}
      />
    </Card>
  );
}
