import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Forbidden, NotFound } from '@commons/domain';
import { MemberThings, OverdueLoan, ThingFilter, ThingHistoryLine, ThingView } from '@commons/projections';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';
import { Viewer } from './viewer';

export class GetThingsQuery extends Query<{ things: ThingView[]; next: number | null }> {
  constructor(readonly filter: ThingFilter) {
    super();
  }
}

/** The catalogue, from the read model, each thing's status read at the moment asked. */
@QueryHandler(GetThingsQuery)
export class GetThingsHandler implements IQueryHandler<GetThingsQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ filter }: GetThingsQuery) {
    if (!(await this.ledger.hub(filter.hubId)).hub) throw new NotFound(`hub ${filter.hubId} not found`);
    const things = this.readModels.things.things(filter);
    return { things, next: things.length === filter.limit ? things[things.length - 1].position : null };
  }
}

export class GetThingQuery extends Query<ThingView> {
  constructor(
    readonly hubId: string,
    readonly thingId: string,
    readonly at: string,
  ) {
    super();
  }
}

@QueryHandler(GetThingQuery)
export class GetThingHandler implements IQueryHandler<GetThingQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, thingId, at }: GetThingQuery) {
    const thing = this.readModels.things.thing(hubId, thingId, at);
    if (!thing) throw new NotFound(`thing ${thingId} not found`);
    return thing;
  }
}

export class GetThingHistoryQuery extends Query<{ history: ThingHistoryLine[]; next: number | null }> {
  constructor(
    readonly hubId: string,
    readonly thingId: string,
    readonly viewer: Viewer,
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}

/** Who borrowed it when, and its condition at each return: for coordinators, auditors and its owner. */
@QueryHandler(GetThingHistoryQuery)
export class GetThingHistoryHandler implements IQueryHandler<GetThingHistoryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, thingId, viewer, after, limit }: GetThingHistoryQuery) {
    const thing = this.readModels.things.record(hubId, thingId);
    if (!thing) throw new NotFound(`thing ${thingId} not found`);
    if (!viewer.seesAll && viewer.memberId !== thing.owner) throw new Forbidden("a thing's history is for coordinators, auditors and its owner");
    const history = this.readModels.things.history(hubId, thingId, after, limit);
    return { history, next: history.length === limit ? history[history.length - 1].position : null };
  }
}

export class GetMemberThingsQuery extends Query<MemberThings> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly at: string,
  ) {
    super();
  }
}

/** A member's loans, with due dates, and their places in queues. */
@QueryHandler(GetMemberThingsQuery)
export class GetMemberThingsHandler implements IQueryHandler<GetMemberThingsQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ hubId, memberId, at }: GetMemberThingsQuery) {
    if (!(await this.ledger.hub(hubId)).members.has(memberId)) throw new NotFound(`member ${memberId} not found`);
    return this.readModels.things.memberThings(hubId, memberId, at);
  }
}

export class GetOverdueLoansQuery extends Query<{ asOf: string; overdue: OverdueLoan[] }> {
  constructor(
    readonly hubId: string,
    readonly at: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(GetOverdueLoansQuery)
export class GetOverdueLoansHandler implements IQueryHandler<GetOverdueLoansQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ hubId, at, limit }: GetOverdueLoansQuery) {
    if (!(await this.ledger.hub(hubId)).hub) throw new NotFound(`hub ${hubId} not found`);
    return { asOf: at, overdue: this.readModels.things.overdue(hubId, at, limit) };
  }
}
