import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  DomainEvent,
  HubState,
  InvalidState,
  NotFound,
  ReversalBook,
  ReversalEvent,
  entryAt,
  isReversible,
  toDomainEvent,
  ReversalCommand,
  fundDecider,
  fundStream,
  hubOfStream,
  poolDecider,
  poolStream,
  timeBankDecider,
  timeBankStream,
} from '@commons/domain';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { CommandContext, CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { StreamWriter } from '../stream-writer';
import { ConfirmReversalCommand, ProposeReversalCommand, RejectReversalCommand, ReversalAnswer } from './reversal.commands';

/** One of the three streams whose entries can be reversed, with its writer and decider. */
interface ReversibleStream {
  streamId: string;
  book(): Promise<ReversalBook>;
  run(command: ReversalCommand, context: CommandContext): Promise<CommandResult<ReversalAnswer>>;
}

const STATUS_AFTER: Record<ReversalEvent['type'], ReversalAnswer['status']> = {
  ReversalProposed: 'proposed',
  EntryReversed: 'applied',
  ReversalRejected: 'rejected',
};

function reversibleStreams(ledger: Ledger, hubId: string): ReversibleStream[] {
  return [
    via(timeBankStream(hubId), ledger.timeBanks, timeBankDecider.decide),
    via(poolStream(hubId), ledger.pools, poolDecider.decide),
    via(fundStream(hubId), ledger.funds, fundDecider.decide),
  ];
}

function via<State extends { reversals: ReversalBook }>(
  streamId: string,
  writer: StreamWriter<State, HubState>,
  decide: (command: ReversalCommand, state: State, hub: HubState) => DomainEvent[],
): ReversibleStream {
  return {
    streamId,
    book: async () => (await writer.read(streamId)).reversals,
    run: (command, context) =>
      writer.execute(streamId, {
        context,
        decide: (state, hub) => decide(command, state, hub),
        respond: (_after, [event]) => ({ reversalId: command.reversalId, status: STATUS_AFTER[event.type as ReversalEvent['type']] }),
      }),
  };
}

/**
 * The entry is read from the store at its position, so a reversal names and moves back exactly
 * what was recorded. Refusals: not_found (no such position in this hub), invalid_state (not a
 * reversible entry), and those of the reversal rules.
 */
@CommandHandler(ProposeReversalCommand)
export class ProposeReversalHandler implements ICommandHandler<ProposeReversalCommand> {
  constructor(
    private readonly ledger: Ledger,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ hubId, position, reason, context }: ProposeReversalCommand): Promise<CommandResult<ReversalAnswer>> {
    let recorded;
    for await (const event of this.store.readAll({ after: position - 1, maxCount: 1 })) recorded = event;
    // another hub's entry is not this hub's to learn of
    if (!recorded || recorded.position !== position || hubOfStream(recorded.streamId) !== hubId) {
      throw new NotFound(`no entry of hub ${hubId} at position ${position}`);
    }
    const stream = reversibleStreams(this.ledger, hubId).find((candidate) => candidate.streamId === recorded.streamId);
    // the entry in today's shape, so the reversal moves back exactly what it means now
    const event = toDomainEvent(recorded);
    if (!stream || !isReversible(event)) throw new InvalidState(`the entry at position ${position} (${recorded.type}) cannot be reversed`);
    const entry = entryAt(recorded, event);
    const reversalId = randomUUID();
    return stream.run({ type: 'ProposeReversal', reversalId, entry, reason, actorId: context.actor, at: context.at }, context);
  }
}

/** Refusals: not_found (no such reversal in this hub), and those of the reversal rules. */
@CommandHandler(ConfirmReversalCommand)
export class ConfirmReversalHandler implements ICommandHandler<ConfirmReversalCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, reversalId, note, context }: ConfirmReversalCommand): Promise<CommandResult<ReversalAnswer>> {
    const stream = await streamOfReversal(this.ledger, hubId, reversalId);
    return stream.run({ type: 'ConfirmReversal', reversalId, note, actorId: context.actor, at: context.at }, context);
  }
}

/** Refusals: not_found, and those of the reversal rules. */
@CommandHandler(RejectReversalCommand)
export class RejectReversalHandler implements ICommandHandler<RejectReversalCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, reversalId, reason, context }: RejectReversalCommand): Promise<CommandResult<ReversalAnswer>> {
    const stream = await streamOfReversal(this.ledger, hubId, reversalId);
    return stream.run({ type: 'RejectReversal', reversalId, reason, actorId: context.actor, at: context.at }, context);
  }
}

// a reversal lives in the stream of the entry it reverses; it never moves
async function streamOfReversal(ledger: Ledger, hubId: string, reversalId: string): Promise<ReversibleStream> {
  for (const stream of reversibleStreams(ledger, hubId)) {
    if ((await stream.book()).byId.has(reversalId)) return stream;
  }
  throw new NotFound(`reversal ${reversalId} not found`);
}
