import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { AccountKind, BalanceView, StatementEntry } from '@commons/projections';
import { ReadModels } from '../read-models';
import { nextTurn } from '../slices';

export class GetBalanceQuery extends Query<BalanceView> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetBalanceQuery)
export class GetBalanceHandler implements IQueryHandler<GetBalanceQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, memberId, asOf }: GetBalanceQuery): Promise<BalanceView> {
    const view = this.readModels.accounts.balanceOf(hubId, memberId, asOf);
    if (!view) throw new NotFound(`member ${memberId} not found`);
    return view;
  }
}

export interface StatementView {
  memberId: string;
  account: AccountKind;
  entries: StatementEntry[];
  /** pass as `after` for the next page; null on the last page */
  next: number | null;
}

export class GetStatementQuery extends Query<StatementView> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly account: AccountKind,
    readonly page: { from?: string; to?: string; asOf?: string; after?: number; limit: number },
  ) {
    super();
  }
}

const STATEMENT_SLICE = 100; // lines read at once: a millisecond or two

@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, memberId, account, page }: GetStatementQuery): Promise<StatementView> {
    if (!this.readModels.accounts.knows(hubId, memberId)) throw new NotFound(`member ${memberId} not found`);
    // a long page in slices, each ending where an entry ends: other requests are served between them
    const entries: StatementEntry[] = [];
    for (let after = page.after; ; ) {
      const want = Math.min(STATEMENT_SLICE, page.limit - entries.length);
      const slice = this.readModels.accounts.statement({ hubId, memberId, account, ...page, after, limit: want });
      entries.push(...slice);
      if (slice.length < want || entries.length >= page.limit) break;
      after = slice[slice.length - 1].position;
      await nextTurn();
    }
    const next = entries.length >= page.limit ? entries[entries.length - 1].position : null;
    return { memberId, account, entries, next };
  }
}
