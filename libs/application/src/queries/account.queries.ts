import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { AccountKind, BalanceView, StatementEntry } from '@commons/projections';
import { ReadModels } from '../read-models';

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

@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, memberId, account, page }: GetStatementQuery): Promise<StatementView> {
    if (!this.readModels.accounts.knows(hubId, memberId)) throw new NotFound(`member ${memberId} not found`);
    const entries = this.readModels.accounts.statement({ hubId, memberId, account, ...page });
    const next = entries.length >= page.limit ? entries[entries.length - 1].position : null;
    return { memberId, account, entries, next };
  }
}
