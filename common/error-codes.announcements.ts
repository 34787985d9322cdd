/** Problem codes of the platforms' announcements (通知公告, issue 12). */
export const ANNOUNCEMENTS_ERRORS = {
  'announcements.not_found': 'No such announcement',
  'announcements.illegal_state': 'The announcement cannot move to that state from its current state',
  'announcements.not_editable': 'Only a draft announcement can be changed',
} as const;
