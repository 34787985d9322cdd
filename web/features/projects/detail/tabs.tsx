import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ProjectDetail } from '../../../api/projects.js';
import { ProjectChecksTab } from '../checks/ProjectChecksTab.js';
import { AgreementTab } from './AgreementTab.js';
import { BudgetTab } from './BudgetTab.js';
import { MilestonesTab } from './MilestonesTab.js';
import { OutputsTab } from './OutputsTab.js';
import { OverviewTab } from './OverviewTab.js';
import { ReportsTab } from './ReportsTab.js';
import { TimelineTab } from './TimelineTab.js';

export interface ProjectTab {
  /** The last segment of the tab's address: /projects/:id/<key> (the overview has none). */
  key: string;
  label: string;
  node: ReactNode;
}

/**
 * The tabs of the project page, in order: the one list to extend when a new part of a project gets its
 * page.
 */
export function projectTabs(project: ProjectDetail, reload: () => void, t: TFunction): ProjectTab[] {
  return [
    { key: 'overview', label: t('Overview'), node: <OverviewTab project={project} onChanged={reload} /> },
    { key: 'agreement', label: t('Task agreement'), node: <AgreementTab project={project} /> },
    { key: 'budget', label: t('Budget and spending'), node: <BudgetTab project={project} /> },
    { key: 'milestones', label: t('Milestones'), node: <MilestonesTab project={project} /> },
    { key: 'reports', label: t('Reports'), node: <ReportsTab project={project} /> },
    { key: 'outputs', label: t('Outputs'), node: <OutputsTab project={project} /> },
    { key: 'checks', label: t('Checks'), node: <ProjectChecksTab projectId={project.id} /> },
    { key: 'timeline', label: t('Project timeline'), node: <TimelineTab project={project} /> },
  ];
}
