import { RecordedEntry } from './reversal.events';

/** `entry` is the event the command's `position` names, as the store holds it. */
export interface ProposeReversal {
  type: 'ProposeReversal';
  reversalId: string;
  entry: RecordedEntry;
  reason: string;
  actorId: string;
  at: string;
}

export interface ConfirmReversal {
  type: 'ConfirmReversal';
  reversalId: string;
  note?: string;
  actorId: string;
  at: string;
}

export interface RejectReversal {
  type: 'RejectReversal';
  reversalId: string;
  reason: string;
  actorId: string;
  at: string;
}

export type ReversalCommand = ProposeReversal | ConfirmReversal | RejectReversal;
