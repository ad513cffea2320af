import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { GetLoanQuery, GetLoansQuery, GetPoolQuery, PoolCommandInput, RunPoolCommand } from '@commons/application';
import { Role } from '@commons/domain';
import { Access } from '../auth/access.decorator';
import { LedgerRequest, viewerOf } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { instant } from '../http/instant';
import { PAGE_DEFAULT } from '../http/query.dto';
import { NoFieldsDto } from '../http/no-fields.dto';
import { ReasonDto } from '../http/decision.dto';
import { ApplyForLoanDto, ApprovalDto, LoanListQueryDto, LoanQueryDto, RepaymentDto, SavingsMovementDto } from './pool.dto';

const SEES_ALL_LOANS: Role[] = ['treasurer', 'coordinator', 'auditor'];

@ApiTags('savings pool')
@ApiBearerAuth()
@Controller('hubs/:hubId/pool')
export class PoolController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  private run(hubId: string, request: LedgerRequest, input: PoolCommandInput) {
    return this.commands.run(request, (context) => new RunPoolCommand(hubId, input, context));
  }

  /** Savings, cash, reserve and the loan book (arrears, portfolio at risk) at this moment. Refusals: not_found. */
  @Get()
  @Access(['admin', 'treasurer', 'coordinator', 'auditor'])
  pool(@Param('hubId') hubId: string, @Req() request: LedgerRequest) {
    return this.queries.execute(new GetPoolQuery(hubId, request.at!));
  }

  /** Refusals: validation_failed, forbidden, not_found, invalid_state (suspended member). */
  @Post('deposits')
  @HttpCode(201)
  @Access(['treasurer'])
  deposit(@Param('hubId') hubId: string, @Body() dto: SavingsMovementDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'DepositSavings', ...dto });
  }

  /** Refusals: validation_failed, forbidden, not_found, insufficient_funds, insufficient_liquidity. */
  @Post('withdrawals')
  @HttpCode(201)
  @Access(['treasurer'])
  withdraw(@Param('hubId') hubId: string, @Body() dto: SavingsMovementDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'WithdrawSavings', ...dto });
  }

  /** The borrower for themselves, or a treasurer on their behalf. Refusals: validation_failed, forbidden, not_found, invalid_state. */
  @Post('loans')
  @HttpCode(201)
  @Access(['treasurer'], { body: 'borrowerId' })
  apply(@Param('hubId') hubId: string, @Body() dto: ApplyForLoanDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'ApplyForLoan', loanId: randomUUID(), ...dto });
  }

  /** Treasurers, coordinators, auditors and the admin see every loan; a member sees their own. */
  @Get('loans')
  @Access(['admin', 'treasurer', 'coordinator', 'auditor', 'member'])
  loans(@Param('hubId') hubId: string, @Query() query: LoanListQueryDto, @Req() request: LedgerRequest) {
    return this.queries.execute(
      new GetLoansQuery(hubId, viewerOf(request, SEES_ALL_LOANS), {
        status: query.status,
        after: query.after,
        limit: query.limit ?? PAGE_DEFAULT,
        asOf: instant(query.asOf) ?? request.at!,
      }),
    );
  }

  /** Refusals: not_found (also another member's loan). */
  @Get('loans/:loanId')
  @Access(['admin', 'treasurer', 'coordinator', 'auditor', 'member'])
  loan(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Query() query: LoanQueryDto, @Req() request: LedgerRequest) {
    return this.queries.execute(new GetLoanQuery(hubId, loanId, viewerOf(request, SEES_ALL_LOANS), instant(query.asOf) ?? request.at!));
  }

  /** Once per treasurer, never the borrower; the quorum's last approval makes it `approved`. Refusals: forbidden, not_found, invalid_state. */
  @Post('loans/:loanId/approvals')
  @HttpCode(201)
  @Access(['treasurer'])
  approve(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() dto: ApprovalDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'ApproveLoan', loanId, note: dto.note });
  }

  /** Refusals: forbidden, not_found, invalid_state. */
  @Post('loans/:loanId/rejections')
  @HttpCode(201)
  @Access(['treasurer'])
  reject(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() dto: ReasonDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'RejectLoan', loanId, reason: dto.reason });
  }

  /** The borrower, before disbursement. Refusals: forbidden, not_found, invalid_state. */
  @Post('loans/:loanId/cancellation')
  @HttpCode(201)
  @Access(['member'])
  cancel(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'CancelLoan', loanId });
  }

  /** Refusals: forbidden, not_found, invalid_state, insufficient_liquidity. */
  @Post('loans/:loanId/disbursement')
  @HttpCode(201)
  @Access(['treasurer'])
  disburse(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'DisburseLoan', loanId });
  }

  /** Interest due first, then principal. Refusals: validation_failed, forbidden, not_found, invalid_state, overpayment. */
  @Post('loans/:loanId/repayments')
  @HttpCode(201)
  @Access(['treasurer'])
  repay(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() dto: RepaymentDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'RepayLoan', loanId, amount: dto.amount });
  }

  /** Once per treasurer, never the borrower; at the quorum the loan is `written_off`. Refusals: forbidden, not_found, invalid_state. */
  @Post('loans/:loanId/write-off-votes')
  @HttpCode(201)
  @Access(['treasurer'])
  voteToWriteOff(@Param('hubId') hubId: string, @Param('loanId') loanId: string, @Body() dto: ReasonDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'VoteToWriteOff', loanId, reason: dto.reason });
  }
}
