/**
 * Reads of the agreements for other modules (part of the service, docs/adr/0015): the distributions
 * that keep a person in the people directory. It imports only the repository, so the people module
 * reads it without an import cycle.
 */
export { distributionCountOfPerson as distributionsPaying } from './agreements.repository.js';
