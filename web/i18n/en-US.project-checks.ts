/** English of project checks' namespaced keys (issue 13): the expert's invitations to check panels. */
export const enUSProjectChecks: Record<string, string> = {
  'checkInvitations.title': 'Invitations to check panels',
};
