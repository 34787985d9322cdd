/**
 * Reads of the IP register for other modules (docs/adr/0015): the conflict engine's co-inventors, the
 * inventor entries that keep a person in the people directory, and the disclosures that keep a unit.
 */
export { coInventorsOf, inventorEntriesOf } from './ip.coinventors.repository.js';
export { disclosureCountOfUnit as disclosuresNamingUnit } from './ip.repository.js';
