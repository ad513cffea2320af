import { Injectable } from '@nestjs/common';
import { findIdempotentResponse } from '@commons/projections';
import { ReadModelBehind, ReadModels } from './read-models';

const RECENT_KEYS_MAX = 100_000; // keys remembered in memory; older ones are found in the read model
const CATCH_UP_WAIT_MS = 5_000;

export class IdempotencyConflict extends Error {
  readonly code = 'idempotency_conflict';
  constructor() {
    super('this Idempotency-Key was used with a different request');
    this.name = 'IdempotencyConflict';
  }
}

export interface Outcome {
  body: Record<string, unknown>;
  replayed: boolean;
}

interface Recent {
  requestHash: string;
  outcome: Promise<Record<string, unknown>>;
}

/**
 * Same key and same request: the first response again, nothing new recorded. Same key and
 * another request: idempotency_conflict. Keys recorded by this process are remembered in
 * memory; every key recorded by anyone is in the read model, which is caught up before asking.
 */
@Injectable()
export class Idempotency {
  private readonly recent = new Map<string, Recent>();

  constructor(private readonly readModels: ReadModels) {}

  async run(
    scope: string,
    key: string,
    requestHash: string,
    execute: () => Promise<Record<string, unknown>>,
  ): Promise<Outcome> {
    const id = `${scope}\n${key}`;
    const known = this.recent.get(id) ?? (await this.recorded(scope, key, id));
    if (known) {
      if (known.requestHash !== requestHash) throw new IdempotencyConflict();
      return { body: await known.outcome, replayed: true };
    }
    const outcome = execute();
    this.remember(id, { requestHash, outcome });
    try {
      return { body: await outcome, replayed: false };
    } catch (error) {
      this.recent.delete(id); // a refused request recorded nothing: the key is free again
      throw error;
    }
  }

  private async recorded(scope: string, key: string, id: string): Promise<Recent | undefined> {
    // without every recorded key at hand a retry could be applied twice: better a 503 than that
    if (!(await this.readModels.runner.catchUp(CATCH_UP_WAIT_MS))) {
      throw new ReadModelBehind(await this.readModels.headPosition(), this.readModels.runner.position);
    }
    // another request with this key may have started while we waited
    const started = this.recent.get(id);
    if (started) return started;
    const stored = findIdempotentResponse(this.readModels.db, scope, key);
    if (!stored) return undefined;
    return {
      requestHash: stored.requestHash,
      outcome: Promise.resolve({ ...stored.response.body, position: stored.position }),
    };
  }

  private remember(id: string, entry: Recent): void {
    this.recent.set(id, entry);
    if (this.recent.size > RECENT_KEYS_MAX) {
      this.recent.delete(this.recent.keys().next().value!); // the oldest: Maps keep insertion order
    }
  }
}
