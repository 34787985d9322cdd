/**
 * Reads of the results for other modules (part of the service, docs/adr/0015): the results that keep a
 * unit (the units module refuses to delete a unit they name). It imports only the repository, so the
 * units module reads it without an import cycle.
 */
export { resultCountOfUnit as resultsNamingUnit } from './results.repository.js';
