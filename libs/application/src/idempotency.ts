import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedKey } from '@commons/event-store';
import { IdempotencyConflict, KeyReplay } from './key-replay';

export { IdempotencyConflict } from './key-replay';

export interface Outcome {
  body: Record<string, unknown>;
  replayed: boolean;
}

interface InFlight {
  requestHash: string;
  outcome: Promise<Record<string, unknown>>;
}

/** Whose key it is: the admin's keys are global, a member's belong to their hub. */
export function idempotencyScope(actor: string, hubId: string | null): string {
  return actor === 'admin' ? 'admin' : `${hubId}/${actor}`;
}

/**
 * Same key and same request: the first response again, nothing new recorded. Same key and
 * another request: idempotency_conflict. The store decides: a key is recorded in the same
 * transaction as its command's events, once, whichever instance got there first. A retry that
 * arrives while the first attempt is still running in this process waits for its answer.
 */
@Injectable()
export class Idempotency {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(
    scope: string,
    key: string,
    requestHash: string,
    execute: () => Promise<Record<string, unknown>>,
  ): Promise<Outcome> {
    const id = `${scope}\n${key}`;
    const running = this.inFlight.get(id);
    if (running) {
      if (running.requestHash !== requestHash) throw new IdempotencyConflict();
      return { body: await running.outcome, replayed: true };
    }
    const [recorded] = await this.store.recordedKeys([{ scope, key }]);
    // another request with this key may have started while the store answered
    const started = this.inFlight.get(id);
    if (started) return this.run(scope, key, requestHash, execute);
    if (recorded) return replay(recorded, requestHash);

    // a writer that finds the key recorded by another instance meanwhile answers with that record
    const outcome = execute().catch((error: unknown) => {
      if (error instanceof KeyReplay) return replay(error.recorded, requestHash).body;
      throw error; // a refused request recorded nothing: the key is free again
    });
    this.inFlight.set(id, { requestHash, outcome });
    try {
      return { body: await outcome, replayed: false };
    } finally {
      this.inFlight.delete(id);
    }
  }
}

function replay(recorded: RecordedKey, requestHash: string): Outcome {
  if (recorded.requestHash !== requestHash) throw new IdempotencyConflict();
  return { body: { ...(recorded.body as Record<string, unknown>), position: recorded.position }, replayed: true };
}
