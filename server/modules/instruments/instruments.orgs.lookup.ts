/**
 * The instruments module's references to organisations, for the organisation registry's keeping rule (part
 * of the service, docs/adr/0015, ADR 0013). It imports only the repository, so the orgs module reads
 * it without an import cycle.
 */
export { bookingPlatformsOf } from './instruments.orgs.repository.js';
