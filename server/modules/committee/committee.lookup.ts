/**
 * Reads of the committees for other modules (part of the service, docs/adr/0015): the people
 * directory places people on the platforms whose committee they sit on and keeps a member on file.
 * It imports only the repository, so the people module, which the committee service calls, reads it
 * without an import cycle.
 */
export {
  committeePeopleOfPlatform as committeePeopleOf,
  committeePlatformsOfPeople as committeePlatformsOf,
  committeeSeatCount as committeeSeatsOf,
} from './committee.repository.js';
