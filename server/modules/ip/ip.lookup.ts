/** Reads of the IP register for other modules (docs/adr/0015): the conflict engine's co-inventors. */
export { coInventorsOf } from './ip.coinventors.repository.js';
