/** English of the person record links page (issue 10): namespaced keys need their English text. */
export const enUSPeople: Record<string, string> = {
  'personLinks.title': 'Person record links',
  'personLinks.explain':
    'A platform admin proposes that a person record of the directory is you. If you accept, your account acts as that person: as the director of their unit, as the expert of their reviews. Accept only a record that is really yours.',
  'personLinks.none': 'No proposals await your answer',
  'personLinks.accept': 'Accept',
  'personLinks.decline': 'Decline',
  'personLinks.acceptConfirm': 'Link the record of {{name}} to your account?',
  'personLinks.accepted': 'The record is now linked to your account',
  'personLinks.declined': 'The proposal is declined; nothing was linked',
  'personLinks.proposedBy': 'Proposed by {{name}} on {{at}}',
};
