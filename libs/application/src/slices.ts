// Long work on the request path (a verify of the whole ledger, a report of every hub) runs in
// slices: between them the event loop serves other requests, so none waits for it to finish.
import { nextTurn } from '@commons/projections';

export { nextTurn };

export const SLICE_ITEMS = 100; // a slice of a verify hashes about this many events: under a millisecond

/** The same items, with a turn of the event loop after every `every` of them. */
export async function* inSlices<T>(items: AsyncIterable<T>, every = SLICE_ITEMS): AsyncIterable<T> {
  let count = 0;
  for await (const item of items) {
    yield item;
    count += 1;
    if (count % every === 0) await nextTurn();
  }
}
