/**
 * Reads of the lab evaluations for other modules (part of the service, docs/adr/0015): the rounds that
 * evaluated a unit (the units module refuses to delete a unit they name). It imports only the repository,
 * so the units module, which the lab evaluations read, reads it without an import cycle.
 */
export { roundCountOfUnit as evaluationRoundsNamingUnit } from './lab-evaluations.repository.js';
