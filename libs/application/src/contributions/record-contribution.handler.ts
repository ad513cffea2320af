import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ContributionKind, ValidationFailed, fundDecider, fundStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { RecordContributionCommand } from './record-contribution.command';

/**
 * Money and goods go to the hub's fund stream; volunteer hours are a time-bank payment from the
 * hub's own account, decided in the time-bank stream so hours still sum to zero.
 * Refusals: validation_failed, forbidden, not_found, invalid_state, already_exists, balance_limit_exceeded.
 */
@CommandHandler(RecordContributionCommand)
export class RecordContributionHandler implements ICommandHandler<RecordContributionCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, contributionId, input, context }: RecordContributionCommand): Promise<CommandResult<{ contributionId: string; kind: ContributionKind }>> {
    const respond = () => ({ contributionId, kind: input.kind });
    if (input.kind === 'volunteer-hours') {
      if (input.estimatedValue !== undefined) throw new ValidationFailed('estimatedValue is for in-kind contributions');
      if (input.fund !== undefined || input.projectId !== undefined || input.phase !== undefined) {
        throw new ValidationFailed('fund, projectId and phase are for money contributions');
      }
      return this.ledger.timeBanks.execute(timeBankStream(hubId), {
        context,
        respond,
        decide: (state, hub) =>
          timeBankDecider.decide(
            { type: 'PayVolunteerHours', contributionId, memberId: input.memberId, hours: input.amount, description: input.description, actorId: context.actor, at: context.at },
            state,
            hub,
          ),
      });
    }
    const kind = input.kind;
    return this.ledger.funds.execute(fundStream(hubId), {
      context,
      respond,
      decide: (state, hub) =>
        fundDecider.decide({ type: 'RecordContribution', contributionId, ...input, kind, actorId: context.actor, at: context.at }, state, hub),
    });
  }
}
