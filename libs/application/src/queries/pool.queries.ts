import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import Decimal from 'decimal.js';
import { NotFound, poolStanding, poolStream, scaleOf } from '@commons/domain';
import { Ledger } from '../ledger';

export interface PoolView {
  currency: string;
  asOf: string;
  savings: string;
  cash: string;
  reserve: string;
  /** what can be lent now: cash less the reserve */
  available: string;
  loans: {
    active: number;
    outstanding: string;
    arrears: string;
    portfolioAtRisk30: string;
    disbursed: string;
    repaidPrincipal: string;
    interestReceived: string;
    writtenOff: string;
  };
}

export class GetPoolQuery extends Query<PoolView> {
  constructor(
    readonly hubId: string,
    readonly at: string,
  ) {
    super();
  }
}

/** The pool now, from the write side's current state: savings, cash, reserve and the loan book. */
@QueryHandler(GetPoolQuery)
export class GetPoolHandler implements IQueryHandler<GetPoolQuery> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, at }: GetPoolQuery): Promise<PoolView> {
    const { hub } = await this.ledger.hub(hubId);
    if (!hub) throw new NotFound(`hub ${hubId} not found`);
    const state = await this.ledger.pools.read(poolStream(hubId));
    const scale = scaleOf(hub.currency);
    const money = (value: Decimal) => value.toFixed(scale);
    const reserve = state.totalSavings.times(hub.pool.reserveRatio);
    const book = poolStanding(state, at);
    return {
      currency: hub.currency,
      asOf: at,
      savings: money(state.totalSavings),
      cash: money(state.cash),
      reserve: money(reserve),
      available: money(Decimal.max(0, state.cash.minus(reserve))),
      loans: {
        active: book.activeLoans,
        outstanding: money(book.outstanding),
        arrears: money(book.arrears),
        portfolioAtRisk30: money(book.portfolioAtRisk30),
        disbursed: money(state.totals.disbursed),
        repaidPrincipal: money(state.totals.repaidPrincipal),
        interestReceived: money(state.totals.interestReceived),
        writtenOff: money(state.totals.writtenOff),
      },
    };
  }
}
