/**
 * Reads of the IP register for other modules (docs/adr/0015): the conflict engine's co-inventors, and
 * the inventor entries that keep a person in the people directory.
 */
export { coInventorsOf, inventorEntriesOf } from './ip.coinventors.repository.js';
