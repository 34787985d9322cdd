import type { ProjectKind } from '../../common/calls.js';
import type { AmendmentTimelineAction } from '../../common/projects.amendments.js';
import type { ProjectAction, ProjectState } from '../../common/projects.js';
import { tk } from '../i18n/index.js';

/** The states of a project as people name them (立项, 任务书, 执行中 …). */
export const STATE_LABELS: Record<ProjectState, string> = {
  approved: tk('Approved'),
  contracting: tk('Task agreement'),
  in_progress: tk('In progress'),
  interim_check: tk('Interim check'),
  final_acceptance: tk('Final acceptance'),
  rectification: tk('Rectification'),
  closed: tk('Concluded'),
  evaluated: tk('Performance evaluated'),
  suspended: tk('Suspended'),
  terminated: tk('Terminated'),
};

export const ACTION_LABELS: Record<ProjectAction, string> = {
  start_contracting: tk('Start the task agreement'),
  start: tk('Start execution'),
  open_interim: tk('Open the interim check'),
  close_interim: tk('End the interim check'),
  open_final: tk('Open the final acceptance'),
  request_rectification: tk('Ask for rectification'),
  resubmit: tk('Back to final acceptance'),
  close: tk('Conclude'),
  evaluate: tk('Record the performance evaluation'),
  suspend: tk('Suspend'),
  resume: tk('Resume'),
  terminate: tk('Terminate'),
};

/** The timeline's rows of an amendment of the 任务书 (the state does not change). */
export const AMENDMENT_TIMELINE_LABELS: Record<AmendmentTimelineAction, string> = {
  amendment_proposed: tk('Amendment proposed'),
  amendment_approved: tk('Amendment approved'),
  amendment_refused: tk('Amendment refused'),
  amendment_withdrawn: tk('Amendment withdrawn'),
};

export const KIND_LABELS: Record<ProjectKind, string> = {
  intramural: tk('Intramural'),
  extramural: tk('Extramural'),
};
