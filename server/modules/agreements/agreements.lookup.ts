/**
 * Reads of the agreements for other modules (part of the service, docs/adr/0015): the distributions
 * that keep a person in the people directory, and the platforms whose agreements have an organisation
 * as partner (the organisation registry's keeping rule). It imports only the repository, so the people
 * and orgs modules read it without an import cycle.
 */
export {
  agreementPlatformsWithPartner as agreementPlatformsOfPartner,
  distributionCountOfPerson as distributionsPaying,
} from './agreements.repository.js';
