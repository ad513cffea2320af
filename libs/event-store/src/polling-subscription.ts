import { RecordedEvent, Subscription } from './event-store';

export interface PollingSource {
  /** the next page of `$all` after a position (empty when there is none yet) */
  readPage(after: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /** woken when this handle commits (or hears of a commit): the subscription reads at once */
  listeners: Set<() => void>;
  /** how long an idle subscription waits before it reads again */
  pollMs: number;
  /** a page that could not be read (the server restarting) is tried again this soon; unset: the error ends the subscription */
  retryMs?: number;
  /** called before each idle wait */
  beforeWait?(): void;
  /** the store itself closed */
  closed?(): boolean;
}

/** A live feed of `$all` for stores that are read by position: pages while there are events, then a wait for a commit or the poll. */
export function pollingSubscription(source: PollingSource, options: { after?: number }): Subscription {
  let closed = false;
  let wake: (() => void) | null = null;
  const listener = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  source.listeners.add(listener);
  const pause = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(listener, ms).unref();
    });
    clearTimeout(timer); // a stale timer would wake a later wait for nothing
  };
  async function* pages(): AsyncGenerator<RecordedEvent[]> {
    let after = options.after ?? 0;
    try {
      while (!closed && !source.closed?.()) {
        let page: RecordedEvent[];
        try {
          page = await source.readPage(after);
        } catch (error) {
          if (source.retryMs === undefined) throw error;
          await pause(source.retryMs); // the server is away: a subscriber waits, it does not end
          continue;
        }
        if (page.length > 0) {
          after = page[page.length - 1].position;
          yield page;
          continue;
        }
        source.beforeWait?.();
        await pause(source.pollMs);
      }
    } finally {
      source.listeners.delete(listener);
    }
  }
  return {
    [Symbol.asyncIterator]: () => pages(),
    close() {
      closed = true;
      listener();
    },
  };
}
