/**
 * The people the projects name, for the people directory (part of the service, docs/adr/0015): a
 * consortium member's contact keeps a person on file, because the contact is who submits the member's
 * reports. A file of its own importing only the repository, so the people module reads it without an
 * import cycle.
 */
export { projectContactEntriesOf } from './projects.people.repository.js';
