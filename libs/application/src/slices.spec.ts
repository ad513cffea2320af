import { inSlices, nextTurn } from './slices';

async function* numbers(count: number) {
  for (let i = 0; i < count; i += 1) yield i;
}

describe('work in slices', () => {
  it('lets the event loop run other callbacks between slices, and hands on every item in order', async () => {
    const seen: number[] = [];
    const between: number[] = [];
    let waiting = true;
    // another request's callback, queued as the work starts: it runs during the work, not after it
    const other = () => {
      between.push(seen.length);
      if (waiting) setImmediate(other);
    };
    setImmediate(other);
    for await (const n of inSlices(numbers(5_000), 1_000)) seen.push(n);
    waiting = false;
    await nextTurn();
    expect(seen).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(between.filter((count) => count > 0 && count < 5_000).length).toBeGreaterThanOrEqual(3);
  });
});
