import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AmendmentTimelineAction } from '../../../../common/projects.amendments.js';
import type { ProjectAction } from '../../../../common/projects.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import {
  ACTION_LABELS,
  AMENDMENT_TIMELINE_LABELS,
  STATE_LABELS,
} from '../../../components/project-labels.js';
import { formatTime } from '../../../components/time.js';
import { actorText } from '../../../i18n/audit-labels.js';

/** 时间线: every audited move of the project, oldest first, with who made it and why. */
export function TimelineTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Timeline
      data-testid="project-timeline"
      items={p.timeline.map((e) => ({
        key: e.id,
        children: (
          <div>
            <Typography.Text strong>
              {e.action === 'create'
                ? t('Project created')
                : t(
                    e.action in AMENDMENT_TIMELINE_LABELS
                      ? AMENDMENT_TIMELINE_LABELS[e.action as AmendmentTimelineAction]
                      : ACTION_LABELS[e.action as ProjectAction],
                  )}
            </Typography.Text>
            {' → '}
            {t(STATE_LABELS[e.toState])}
            <div>
              <Typography.Text type="secondary">{`${formatTime(e.at, locale)} · ${actorText(t, e.actorLabel)}`}</Typography.Text>
            </div>
            {e.reason ? <div>{e.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
