import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { tk } from '../../i18n/index.js';

/** The tabs of a call's review page, in the order of the work; each tab gets the call's id. */
export interface CallReviewTab {
  key: string;
  /** English source text; translated where it is shown. */
  label: string;
  component: LazyExoticComponent<ComponentType<{ callId: string }>>;
}

export const CALL_REVIEW_TABS: readonly CallReviewTab[] = [
  { key: 'conflicts', label: tk('Conflicts'), component: lazy(() => import('./conflicts/ConflictsTab.js')) },
  {
    key: 'assignment',
    label: tk('Reviewer assignment'),
    component: lazy(() => import('./assignment/AssignmentTab.js')),
  },
  { key: 'panel', label: tk('Scores and panel'), component: lazy(() => import('./panel/PanelTab.js')) },
  { key: 'decision', label: tk('Decision'), component: lazy(() => import('./decision/DecisionTab.js')) },
];
