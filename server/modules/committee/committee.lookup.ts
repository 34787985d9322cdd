/**
 * Reads of the committees for other modules (part of the service, docs/adr/0015): the people
 * directory places people on the platforms whose committee they sit on and keeps a member on file;
 * the organisation registry finds the platforms whose committee seats name an organisation.
 * It imports only the repository, so the people module, which the committee service calls, reads it
 * without an import cycle.
 */
export {
  committeePeopleOfPlatform as committeePeopleOf,
  committeePlatformsOfOrganisation as committeePlatformsNaming,
  committeePlatformsOfPeople as committeePlatformsOf,
  committeeSeatCount as committeeSeatsOf,
} from './committee.repository.js';
