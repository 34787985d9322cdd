/**
 * Reads of the agreements for other modules (part of the service, docs/adr/0015): the distributions
 * that keep a person in the people directory, the platforms whose agreements have an organisation
 * as partner (the organisation registry's keeping rule), and the agreements that keep a unit. It
 * imports only the repository, so the people, orgs and units modules read it without an import cycle.
 */
export {
  agreementCountOfUnit as agreementsNamingUnit,
  agreementPlatformsWithPartner as agreementPlatformsOfPartner,
  distributionCountOfPerson as distributionsPaying,
} from './agreements.repository.js';
