/**
 * The applications' references to organisations, for the organisation registry's keeping rule
 * (part of the service, docs/adr/0015, ADR 0013). A file of its own, importing only the repository,
 * so the orgs module reads it without an import cycle.
 */
export {
  budgetLineOrgPlatforms,
  invitationOrgPlatforms,
  leadOrgPlatforms as applicationLeadOrgPlatforms,
  memberOrgPlatforms,
  platformsOfApplicationIds as applicationPlatforms,
} from './applications.orgs.repository.js';
