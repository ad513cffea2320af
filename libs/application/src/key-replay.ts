import { RecordedKey } from '@commons/event-store';

/**
 * Thrown by a writer instead of deciding a command whose Idempotency-Key another process has
 * just recorded: the caller answers with what was recorded (Idempotency does), never with a new
 * decision nor with anything a handler would add to a fresh answer.
 */
export class KeyReplay extends Error {
  constructor(readonly recorded: RecordedKey) {
    super(`the Idempotency-Key ${recorded.key} was recorded already`);
    this.name = 'KeyReplay';
  }
}

export class IdempotencyConflict extends Error {
  readonly code = 'idempotency_conflict';
  constructor() {
    super('this Idempotency-Key was used with a different request');
    this.name = 'IdempotencyConflict';
  }
}
