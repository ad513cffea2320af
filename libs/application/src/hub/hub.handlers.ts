import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DomainEvent, HubEvent, HubState, MemberRecord, hubDecider, hubStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { hashToken, newToken } from '../tokens';
import {
  Awaiting,
  ChangeMemberCommand,
  ConfirmMemberChangeCommand,
  CreateHubCommand,
  EnrolMemberCommand,
  MemberChangeDecided,
  MemberChanged,
  MemberView,
  RejectMemberChangeCommand,
  RotateTokenCommand,
} from './hub.commands';

/** Refusals: forbidden (not the admin), validation_failed, already_exists. */
@CommandHandler(CreateHubCommand)
export class CreateHubHandler implements ICommandHandler<CreateHubCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ input, context }: CreateHubCommand): Promise<CommandResult<{ hubId: string }>> {
    const { body, position } = await this.ledger.hubs.execute(hubStream(input.hubId), {
      context,
      decide: (state) =>
        hubDecider.decide(
          {
            type: 'CreateHub',
            hubId: input.hubId,
            name: input.name,
            currency: input.currency,
            defaultCreditLimit: input.timeBank.defaultCreditLimit,
            maxBalance: input.timeBank.maxBalance,
            hubAccountLimit: input.timeBank.hubAccountLimit,
            approvalQuorum: input.pool.approvalQuorum,
            reserveRatio: input.pool.reserveRatio,
            listingDays: input.listingDays,
            warnAt: input.timeBank.warnAt,
            requestAutoAcceptDays: input.timeBank.requestAutoAcceptDays,
            actorId: context.actor,
            at: context.at,
          },
          state,
        ),
      respond: () => ({ hubId: input.hubId }),
    });
    return { body, position };
  }
}

/** Refusals: as `enrolMember` lists them. Officer roles given by a coordinator answer `awaiting_confirmation`. */
@CommandHandler(EnrolMemberCommand)
export class EnrolMemberHandler implements ICommandHandler<EnrolMemberCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: EnrolMemberCommand) {
    const token = newToken();
    const { body, position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) =>
        hubDecider.decide(
          { type: 'EnrolMember', ...input, tokenHash: hashToken(token), changeId: randomUUID(), actorId: context.actor, at: context.at },
          state,
        ),
      // the token itself never enters an event; a replay after a restart returns the member id only
      respond: (_after, events) => ({ memberId: input.memberId, ...awaiting(events) }),
    });
    return { body: { ...body, token }, position };
  }
}

/** A new token, shown once; the old one stops working at once, or when a second officer confirms. Refusals: as `rotateToken` lists them. */
@CommandHandler(RotateTokenCommand)
export class RotateTokenHandler implements ICommandHandler<RotateTokenCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, memberId, context }: RotateTokenCommand) {
    const token = newToken();
    const { body, position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) =>
        hubDecider.decide({ type: 'RotateToken', memberId, tokenHash: hashToken(token), changeId: randomUUID(), actorId: context.actor, at: context.at }, state),
      respond: (_after, events) => ({ memberId, ...awaiting(events) }),
    });
    // a reset waiting for confirmation never hands out the token it did not record
    return { body: 'changeId' in body ? body : { ...body, token }, position };
  }
}

/** Refusals: as `changeMember` lists them. A coordinator's change to officer roles answers `awaiting_confirmation`. */
@CommandHandler(ChangeMemberCommand)
export class ChangeMemberHandler implements ICommandHandler<ChangeMemberCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, memberId, input, context }: ChangeMemberCommand): Promise<CommandResult<MemberChanged>> {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) =>
        hubDecider.decide({ type: 'ChangeMember', memberId, ...input, changeId: randomUUID(), actorId: context.actor, at: context.at }, state),
      respond: (after, events): MemberChanged => {
        const member = memberView(after.members.get(memberId)!);
        const waiting = awaiting(events);
        // the member as they stand now, and the change that waits for a second officer
        return waiting.changeId ? { changeId: waiting.changeId, status: 'awaiting_confirmation', member } : member;
      },
    });
  }
}

/** A second officer applies a change; a token reset's new token is in this response only. Refusals: as `confirmMemberChange` lists them. */
@CommandHandler(ConfirmMemberChangeCommand)
export class ConfirmMemberChangeHandler implements ICommandHandler<ConfirmMemberChangeCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, changeId, note, context }: ConfirmMemberChangeCommand): Promise<CommandResult<MemberChangeDecided>> {
    const token = newToken();
    const { body, position, events } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'ConfirmMemberChange', changeId, note, tokenHash: hashToken(token), actorId: context.actor, at: context.at }, state),
      respond: (after, events) => decided(after, events, 'applied'),
    });
    const rotated = events.some((event) => event.type === 'MemberTokenRotated');
    return { body: rotated ? { ...body, token } : body, position };
  }
}

/** Refusals: as `rejectMemberChange` lists them. */
@CommandHandler(RejectMemberChangeCommand)
export class RejectMemberChangeHandler implements ICommandHandler<RejectMemberChangeCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, changeId, reason, context }: RejectMemberChangeCommand): Promise<CommandResult<MemberChangeDecided>> {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'RejectMemberChange', changeId, reason, actorId: context.actor, at: context.at }, state),
      respond: (after, events) => decided(after, events, 'rejected'),
    });
  }
}

/** `{changeId, status}` when the command proposed a change that waits for a second officer. */
function awaiting(events: DomainEvent[]): Partial<Awaiting> {
  const proposed = (events as HubEvent[]).find((event) => event.type === 'MemberChangeProposed');
  return proposed ? { changeId: proposed.data.changeId, status: 'awaiting_confirmation' } : {};
}

function decided(after: HubState, events: DomainEvent[], status: MemberChangeDecided['status']): MemberChangeDecided {
  const [first] = events as HubEvent[];
  const { changeId, memberId } = first.data as { changeId: string; memberId: string };
  const roles = events.some((event) => event.type === 'MemberRolesChanged') ? { roles: after.members.get(memberId)!.roles } : {};
  return { changeId, memberId, status, ...roles };
}

export function memberView(member: MemberRecord): MemberView {
  return {
    memberId: member.memberId,
    displayName: member.displayName,
    roles: member.roles,
    creditLimit: member.creditLimit ? member.creditLimit.toString() : null,
    status: member.status,
    assisted: member.assisted,
  };
}
