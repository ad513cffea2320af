/** A stream kept changing under us for every retry: the caller may try again. */
export class ConcurrencyConflict extends Error {
  readonly code = 'concurrency_conflict';
  constructor(streamId: string, attempts: number) {
    super(`stream ${streamId} changed concurrently ${attempts} times; try again`);
    this.name = 'ConcurrencyConflict';
  }
}
