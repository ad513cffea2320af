import { EntryAddress, RecordedEntry, ReversalEvent } from './reversal.events';

export type ReversalStatus = 'proposed' | 'applied' | 'rejected';

export interface ReversalRecord {
  reversalId: string;
  entry: RecordedEntry;
  reason: string;
  proposedBy: string;
  status: ReversalStatus;
}

/** A stream's reversals. Records are replaced, never edited, so a copy of the maps stays untouched. */
export interface ReversalBook {
  byId: Map<string, ReversalRecord>;
  /** the original's revision in this stream → the reversal that is open for it or applied to it */
  byRevision: Map<number, string>;
}

export const initialReversalBook = (): ReversalBook => ({ byId: new Map(), byRevision: new Map() });

export const copyReversalBook = (book: ReversalBook): ReversalBook => ({ byId: new Map(book.byId), byRevision: new Map(book.byRevision) });

/** The reversal open for, or applied to, the entry at this address. */
export function reversalOf(book: ReversalBook, original: EntryAddress): ReversalRecord | undefined {
  const id = book.byRevision.get(original.revision);
  return id === undefined ? undefined : book.byId.get(id);
}

export function evolveReversals(book: ReversalBook, event: ReversalEvent): ReversalBook {
  switch (event.type) {
    case 'ReversalProposed': {
      const { reversalId, entry, reason, proposedBy } = event.data;
      book.byId.set(reversalId, { reversalId, entry, reason, proposedBy, status: 'proposed' });
      book.byRevision.set(entry.revision, reversalId);
      return book;
    }
    case 'ReversalRejected': {
      const record = book.byId.get(event.data.reversalId)!;
      book.byId.set(record.reversalId, { ...record, status: 'rejected' });
      // the entry may be proposed for reversal again
      book.byRevision.delete(record.entry.revision);
      return book;
    }
    case 'EntryReversed': {
      const { reversalId, entry, reason, proposedBy } = event.data;
      book.byId.set(reversalId, { reversalId, entry, reason, proposedBy, status: 'applied' });
      book.byRevision.set(entry.revision, reversalId);
      return book;
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown reversal event ${(unhandled as { type: string }).type}`);
    }
  }
}

/**
 * A reversal event folded into a stream's state: the book always, and for an applied reversal the
 * entry moved back by the stream's own `undo`.
 */
export function foldReversal<State extends { reversals: ReversalBook }>(
  state: State,
  event: ReversalEvent,
  undo: (state: State, entry: RecordedEntry) => void,
): State {
  evolveReversals(state.reversals, event);
  if (event.type === 'EntryReversed') undo(state, event.data.entry);
  return state;
}
