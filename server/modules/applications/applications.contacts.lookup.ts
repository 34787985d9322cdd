/**
 * The people the applications name, for the people directory (part of the service, docs/adr/0015):
 * consortium contacts and invitees keep a person on file. A file of its own, importing only the
 * repositories: applications.lookup.ts reads the people directory, which reads this.
 */
export { invitationsOfPerson as invitationsTo } from './applications.invitations.repository.js';
export { contactEntriesOf } from './applications.parts.repository.js';
