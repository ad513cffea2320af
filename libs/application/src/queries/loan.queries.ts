import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LoanStatus, NotFound } from '@commons/domain';
import { LoanView } from '@commons/projections';
import { ReadModels } from '../read-models';
import { Viewer } from './viewer';

export class GetLoanQuery extends Query<LoanView> {
  constructor(
    readonly hubId: string,
    readonly loanId: string,
    readonly viewer: Viewer,
    readonly asOf: string,
  ) {
    super();
  }
}

/** Refusals: not_found (also for another member's loan: its existence is not theirs to learn). */
@QueryHandler(GetLoanQuery)
export class GetLoanHandler implements IQueryHandler<GetLoanQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, loanId, viewer, asOf }: GetLoanQuery): Promise<LoanView> {
    const loan = this.readModels.loans.loan(hubId, loanId, asOf);
    if (!loan || (!viewer.seesAll && loan.borrowerId !== viewer.memberId)) throw new NotFound(`loan ${loanId} not found`);
    return loan;
  }
}

export interface LoanList {
  loans: LoanView[];
  /** pass as `after` for the next page; null on the last page */
  next: number | null;
}

export class GetLoansQuery extends Query<LoanList> {
  constructor(
    readonly hubId: string,
    readonly viewer: Viewer,
    readonly filter: { status?: LoanStatus; after?: number; limit: number; asOf: string },
  ) {
    super();
  }
}

@QueryHandler(GetLoansQuery)
export class GetLoansHandler implements IQueryHandler<GetLoansQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, viewer, filter }: GetLoansQuery): Promise<LoanList> {
    const borrowerId = viewer.seesAll ? undefined : (viewer.memberId ?? '');
    const loans = this.readModels.loans.loans({ hubId, borrowerId, ...filter });
    return { loans, next: loans.length === filter.limit ? loans[loans.length - 1].position : null };
  }
}
