import type { DialectSeam } from '../../db/dialect.js';

/**
 * Runs a write transaction again once when it lost a race on a unique key. Services check uniqueness
 * before writing so they can name the clashing field; two concurrent requests can both pass that check
 * and the loser then hits the database's unique constraint. On the second run the check sees the
 * winner's committed row and answers 409 with the field pointer instead of a 500.
 */
export async function retryOnUniqueViolation<T>(seam: DialectSeam, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!seam.isUniqueViolation(err)) throw err;
    return run();
  }
}
