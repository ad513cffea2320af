import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MemberRecord, hubDecider, hubStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { hashToken, newToken } from '../tokens';
import { ChangeMemberCommand, CreateHubCommand, EnrolMemberCommand, MemberView, RotateTokenCommand } from './hub.commands';

/** Refusals: validation_failed, already_exists. */
@CommandHandler(CreateHubCommand)
export class CreateHubHandler implements ICommandHandler<CreateHubCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ input, context }: CreateHubCommand): Promise<CommandResult<{ hubId: string }>> {
    const body = { hubId: input.hubId };
    const { position } = await this.ledger.hubs.execute(hubStream(input.hubId), {
      context,
      response: () => ({ status: 201, body }),
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
            at: context.at,
          },
          state,
        ),
    });
    return { body, position };
  }
}

/** Refusals: validation_failed, already_exists, not_found (hub). */
@CommandHandler(EnrolMemberCommand)
export class EnrolMemberHandler implements ICommandHandler<EnrolMemberCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: EnrolMemberCommand) {
    const token = newToken();
    const { position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      // the token itself never enters an event; a replay after a restart returns the member id only
      response: () => ({ status: 201, body: { memberId: input.memberId } }),
      decide: (state) =>
        hubDecider.decide({ type: 'EnrolMember', ...input, tokenHash: hashToken(token), at: context.at }, state),
    });
    return { body: { memberId: input.memberId, token }, position };
  }
}

/** A new token, shown once; the old one stops working at once. Refusals: not_found. */
@CommandHandler(RotateTokenCommand)
export class RotateTokenHandler implements ICommandHandler<RotateTokenCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, memberId, context }: RotateTokenCommand) {
    const token = newToken();
    const { position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      response: () => ({ status: 201, body: { memberId } }),
      decide: (state) => hubDecider.decide({ type: 'RotateToken', memberId, tokenHash: hashToken(token), at: context.at }, state),
    });
    return { body: { memberId, token }, position };
  }
}

/** Refusals: validation_failed, not_found (hub or member). */
@CommandHandler(ChangeMemberCommand)
export class ChangeMemberHandler implements ICommandHandler<ChangeMemberCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, memberId, input, context }: ChangeMemberCommand): Promise<CommandResult<MemberView>> {
    let view: MemberView | undefined;
    const { position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => {
        const events = hubDecider.decide({ type: 'ChangeMember', memberId, ...input, at: context.at }, state);
        const after = events.reduce(hubDecider.evolve, hubDecider.copy(state));
        view = memberView(after.members.get(memberId)!);
        return events;
      },
    });
    return { body: view!, position };
  }
}

export function memberView(member: MemberRecord): MemberView {
  return {
    memberId: member.memberId,
    displayName: member.displayName,
    roles: member.roles,
    creditLimit: member.creditLimit ? member.creditLimit.toString() : null,
    status: member.status,
  };
}
