/**
 * Reads of the conflict records for other modules (part of the service, docs/adr/0015): the
 * organisation registry's keeping rule (ADR 0013) counts the avoid requests naming an organisation.
 * It imports only the repository, so a reader makes no import cycle.
 */
export { applicationsAvoiding } from './conflicts.repository.js';
