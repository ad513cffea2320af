import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ADMIN, MemberChange, NotFound } from '@commons/domain';
import { Ledger } from '../ledger';

export interface MemberChangeView {
  changeId: string;
  memberId: string;
  displayName: string;
  change: MemberChange;
  proposedBy: string;
  /** the proposer's display name ("the admin" for the admin) */
  proposedByName: string;
  proposedAt: string;
}

export class GetMemberChangesQuery extends Query<{ changes: MemberChangeView[] }> {
  constructor(readonly hubId: string) {
    super();
  }
}

/** The open changes to officers, from the hub stream itself: a hub has few, and they must be current. */
@QueryHandler(GetMemberChangesQuery)
export class GetMemberChangesHandler implements IQueryHandler<GetMemberChangesQuery> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId }: GetMemberChangesQuery) {
    const state = await this.ledger.hub(hubId);
    if (!state.hub) throw new NotFound(`hub ${hubId} not found`);
    const changes = [...state.memberChanges.values()].map((pending) => ({
      changeId: pending.changeId,
      memberId: pending.memberId,
      displayName: state.members.get(pending.memberId)?.displayName ?? pending.memberId,
      change: pending.change,
      proposedBy: pending.proposedBy,
      proposedByName: pending.proposedBy === ADMIN ? 'the admin' : state.members.get(pending.proposedBy)?.displayName ?? pending.proposedBy,
      proposedAt: pending.proposedAt,
    }));
    return { changes };
  }
}
