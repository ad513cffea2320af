import { ALL_EVENT_TYPES } from './event-types';
import { LedgerEvent } from './ledger-event';
import { UPCASTERS, schemaVersionOf } from './upcasters';

/** An event as a store hands it over: its type, its data as stored, and the version it was written at. */
export interface StoredShape {
  type: string;
  data: unknown;
  metadata: { schemaVersion?: number };
}

/** A stored event no version of this ledger wrote (an unknown type, a version from the future). */
export class UnreadableEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableEvent';
  }
}

/**
 * The one way from a stored event to a domain event: a known type, brought up from the schema
 * version it was written at to today's through each upcaster step. An event already at today's
 * version is handed on as it is (no copy on the replay's hot path).
 */
export function toDomainEvent(stored: StoredShape): LedgerEvent {
  if (!ALL_EVENT_TYPES.has(stored.type)) throw new UnreadableEvent(`unknown event type ${stored.type}`);
  const current = schemaVersionOf(stored.type);
  const written = stored.metadata.schemaVersion ?? 1;
  if (written > current) throw new UnreadableEvent(`${stored.type} of schema version ${written}, newer than this ledger's ${current}`);
  if (written === current) return stored as LedgerEvent;
  let data = stored.data as Record<string, unknown>;
  const steps = UPCASTERS[stored.type as LedgerEvent['type']] ?? [];
  for (let version = written; version < current; version += 1) data = steps[version - 1](data);
  return { type: stored.type, data } as LedgerEvent;
}
