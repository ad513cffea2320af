import { AppendOptions, AppendResult, ExpectedRevision, KeyToRecord, NewEvent, StreamAppend } from './event-store';

/** An append waiting for the next group commit: stores that fold appends into one transaction queue these. */
export interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
  keys: KeyToRecord[];
  alongside: StreamAppend[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export function pendingAppend(
  streamId: string,
  events: NewEvent[],
  options: AppendOptions,
  resolve: (result: AppendResult) => void,
  reject: (error: unknown) => void,
): PendingAppend {
  return { streamId, events, expectedRevision: options.expectedRevision, keys: options.keys ?? [], alongside: options.alongside ?? [], resolve, reject };
}
