import { randomUUID } from 'node:crypto';
import { DomainEvent, schemaVersionOf, toDomainEvent } from '@commons/domain';
import { EventStore, GENESIS_HASH, HistoryBroken, KeyAlreadyRecorded, KeyToRecord, NewEvent, WrongExpectedRevision, brokenLink } from '@commons/event-store';
import { CommandContext } from './command-context';
import { ConcurrencyConflict } from './concurrency-conflict';
import { KeyReplay } from './key-replay';

const GROUP_COMMIT_MAX = 512; // commands decided into one append: one fsync serves them all
const CONFLICT_RETRY_MAX = 12; // another process appended to the stream; reload and decide again
const CONFLICT_BACKOFF_MS = 4; // a random pause, growing per attempt, so two processes in lockstep fall out of step

/** How a stream's events fold into its state: a decider without its `decide`. */
export interface StreamModel<State> {
  initialState(): State;
  evolve(state: State, event: DomainEvent): State;
  copy(state: State): State;
}

export interface Decision<State, Context, Body> {
  decide(state: State, context: Context): DomainEvent[];
  /**
   * The command's answer, from the stream's state just after its events: the one place it is
   * built. Recorded with the command's Idempotency-Key, when it carries one, so a retry gets it back.
   */
  respond(after: State, events: DomainEvent[], context: Context): Body;
  context: CommandContext;
}

/**
 * A second stream whose events a writer's decisions may add, appended in the same append as
 * theirs (a loan, and the hours it costs on the time bank): all of them or none.
 */
export interface SecondStream<Context> {
  /** in a batch's context: the stream, the revision its state was read at, and the events decided for it so far */
  of(context: Context): { streamId: string; revision: number; events: DomainEvent[] };
  /** after an append to it: that stream's own writer must read it again before deciding on it */
  appended(streamId: string): void;
}

export interface Decided<Body> {
  events: DomainEvent[];
  /** position of the command's last event, or the store's head when it decided nothing */
  position: number;
  body: Body;
}

interface Job<State, Context> extends Decision<State, Context, unknown> {
  resolve(result: Decided<unknown>): void;
  reject(error: unknown): void;
}

interface CachedStream<State, Context> {
  state: State;
  /** -1 while the stream does not exist */
  revision: number;
  /** the hash of the stream's last event: the next one read must chain onto it */
  hash: string;
  /** the store's external version when the stream was last read: unchanged, nobody else wrote since */
  seen: number | undefined;
  /** bumped when another writer of this process appended to the stream: a catch-up under way then proves nothing */
  epoch: number;
  queue: Job<State, Context>[];
  writing: boolean;
}

/**
 * Decides commands for many streams of one kind, one stream at a time: each stream's latest
 * state and revision stay cached, commands waiting for a stream are decided one after another
 * into one append (group commit), and a conflict with another process reloads and retries.
 */
export class StreamWriter<State, Context = void> {
  private readonly streams = new Map<string, CachedStream<State, Context>>();

  constructor(
    private readonly store: EventStore,
    private readonly model: StreamModel<State>,
    /** what decisions read from elsewhere, loaded once per batch */
    private readonly loadContext: (streamId: string) => Promise<Context> = async () => undefined as Context,
    /** told of a stream whose stored history fails its hash chain */
    private readonly onBroken: (broken: HistoryBroken) => void = () => undefined,
    private readonly second?: SecondStream<Context>,
  ) {}

  execute<Body>(streamId: string, decision: Decision<State, Context, Body>): Promise<Decided<Body>> {
    const stream = this.cached(streamId);
    return new Promise<Decided<Body>>((resolve, reject) => {
      stream.queue.push({ ...decision, resolve: resolve as (result: Decided<unknown>) => void, reject });
      if (!stream.writing) void this.drain(streamId, stream);
    });
  }

  /** The stream's state, caught up with everything recorded so far. */
  async read(streamId: string): Promise<State> {
    const stream = this.cached(streamId);
    await this.catchUp(streamId, stream);
    // keep no entry for a stream that does not exist: unknown ids must not fill the cache
    if (stream.revision < 0 && !stream.writing && stream.queue.length === 0) this.streams.delete(streamId);
    return stream.state;
  }

  /** A copy of the stream's state, caught up, with the revision it is at: what another writer decides on beside its own. */
  async snapshot(streamId: string): Promise<{ state: State; revision: number }> {
    const stream = this.cached(streamId);
    await this.catchUp(streamId, stream);
    return { state: this.model.copy(stream.state), revision: stream.revision };
  }

  /** Another writer of this process appended to the stream: read it from the store before the next decision. */
  invalidate(streamId: string): void {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    stream.seen = undefined;
    stream.epoch += 1;
  }

  /** The state of every cached stream that exists. */
  *cachedStates(): Iterable<State> {
    for (const stream of this.streams.values()) if (stream.revision >= 0) yield stream.state;
  }

  private cached(streamId: string): CachedStream<State, Context> {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { state: this.model.initialState(), revision: -1, hash: GENESIS_HASH, seen: undefined, epoch: 0, queue: [], writing: false };
      this.streams.set(streamId, stream);
    }
    return stream;
  }

  private async catchUp(streamId: string, stream: CachedStream<State, Context>): Promise<void> {
    // every append of this process to the stream went through this cache: only another process can have changed it
    const version = this.store.externalVersion?.();
    if (version !== undefined && version === stream.seen) return;
    const epoch = stream.epoch;
    for await (const event of this.store.readStream(streamId, { fromRevision: stream.revision + 1 })) {
      // two catch-ups of one stream may interleave; each event is applied once, in order
      if (event.revision <= stream.revision) continue;
      // never decide on an event whose chain breaks, nor append on top of it
      const problem = brokenLink(stream.revision < 0 ? undefined : stream, event);
      if (problem) {
        const broken = new HistoryBroken(event.position, streamId, event.revision, problem);
        this.onBroken(broken);
        throw broken;
      }
      stream.state = this.model.evolve(stream.state, toDomainEvent(event));
      stream.revision = event.revision;
      stream.hash = event.hash;
    }
    if (stream.epoch === epoch) stream.seen = version;
  }

  private async drain(streamId: string, stream: CachedStream<State, Context>): Promise<void> {
    stream.writing = true;
    try {
      while (stream.queue.length > 0) {
        const batch = stream.queue.splice(0, GROUP_COMMIT_MAX);
        await this.writeBatch(streamId, stream, batch);
      }
    } finally {
      stream.writing = false;
    }
  }

  private async writeBatch(streamId: string, stream: CachedStream<State, Context>, batch: Job<State, Context>[]) {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      let context: Context;
      try {
        await this.catchUp(streamId, stream);
        context = await this.loadContext(streamId);
        // a retry after a conflict: another process may have recorded one of these keys meanwhile
        if (attempt > 1) pending = await this.replayRecordedKeys(pending);
      } catch (error) {
        for (const job of pending) job.reject(error);
        return;
      }
      const working = this.model.copy(stream.state);
      const accepted: Array<{ job: Job<State, Context>; events: DomainEvent[]; body: unknown; lastIndex: number }> = [];
      const records: NewEvent[] = [];
      const keys: KeyToRecord[] = [];
      const second = this.second?.of(context);
      const secondRecords: NewEvent[] = [];
      for (const job of pending) {
        let events: DomainEvent[];
        let body: unknown;
        const mark = second?.events.length ?? 0;
        try {
          events = job.decide(working, context);
          for (const event of events) this.model.evolve(working, event);
          body = job.respond(working, events, context);
        } catch (error) {
          if (second) second.events.length = mark;
          job.reject(error); // refused on the latest state: final, whatever happens to the rest
          continue;
        }
        if (second) for (const event of second.events.slice(mark)) secondRecords.push(toRecord(event, job.context));
        const firstIndex = records.length;
        for (const event of events) records.push(toRecord(event, job.context));
        const key = keyOf(job.context);
        if (key && events.length > 0) keys.push({ ...key, body, firstIndex, lastIndex: records.length - 1 });
        accepted.push({ job, events, body, lastIndex: records.length - 1 });
      }
      if (records.length === 0) {
        const head = accepted.length > 0 ? await this.store.headPosition() : 0;
        for (const { job, body } of accepted) job.resolve({ events: [], position: head, body });
        return;
      }
      try {
        const expectedRevision = stream.revision < 0 ? 'no_stream' : stream.revision;
        const alongside =
          second && secondRecords.length > 0 ? [{ streamId: second.streamId, events: secondRecords, expectedRevision: second.revision < 0 ? ('no_stream' as const) : second.revision }] : undefined;
        let result;
        try {
          result = await this.store.append(streamId, records, { expectedRevision, keys, alongside });
        } finally {
          // appended or not, the other stream's writer reads it again rather than trust its cache
          if (alongside) this.second!.appended(alongside[0].streamId);
        }
        stream.state = working;
        stream.revision = result.nextExpectedRevision;
        stream.hash = result.hash;
        for (const { job, events, body, lastIndex } of accepted) {
          job.resolve({ events, position: result.positions[lastIndex], body });
        }
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) && !(error instanceof KeyAlreadyRecorded)) {
          for (const { job } of accepted) job.reject(error);
          return;
        }
        if (attempt >= CONFLICT_RETRY_MAX) {
          for (const { job } of accepted) job.reject(new ConcurrencyConflict(streamId, attempt));
          return;
        }
        pending = accepted.map(({ job }) => job); // decide again on the state, and the keys, the other process left
        await new Promise((resolve) => setTimeout(resolve, Math.random() * CONFLICT_BACKOFF_MS * attempt));
      }
    }
  }

  /** Answers the jobs whose key is recorded with that record (KeyReplay); returns the others. */
  private async replayRecordedKeys(jobs: Job<State, Context>[]): Promise<Job<State, Context>[]> {
    const keyed = jobs.flatMap((job) => {
      const key = keyOf(job.context);
      return key ? [key] : [];
    });
    if (keyed.length === 0) return jobs;
    const recorded = new Map((await this.store.recordedKeys(keyed)).map((found) => [`${found.scope}\n${found.key}`, found]));
    return jobs.filter((job) => {
      const key = keyOf(job.context);
      const found = key && recorded.get(`${key.scope}\n${key.key}`);
      if (found) job.reject(new KeyReplay(found));
      return !found;
    });
  }
}

function keyOf(context: CommandContext): { scope: string; key: string; requestHash: string } | null {
  const { idempotencyKey, idempotencyScope, requestHash } = context;
  return idempotencyKey === undefined || idempotencyScope === undefined ? null : { scope: idempotencyScope, key: idempotencyKey, requestHash: requestHash ?? '' };
}

function toRecord(event: DomainEvent, context: CommandContext): NewEvent {
  const { actor, correlationId, at, idempotencyKey, requestHash } = context;
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      actor,
      correlationId,
      causationId: correlationId,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey, requestHash }),
      recordedAt: at,
      schemaVersion: schemaVersionOf(event.type),
    },
  };
}
