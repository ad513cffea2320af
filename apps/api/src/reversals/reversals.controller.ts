import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConfirmReversalCommand, GetReversalsQuery, ProposeReversalCommand, RejectReversalCommand } from '@commons/application';
import { Role } from '@commons/domain';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest, viewerOf } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { NoteDto, ReasonDto } from '../http/decision.dto';
import { PAGE_DEFAULT } from '../http/query.dto';
import { ProposeReversalDto, ReversalListQueryDto } from './reversal.dto';

// who may take part in a correction is decided by the reversal rules; these are the first gate
const TAKES_PART: Role[] = ['member', 'coordinator', 'treasurer'];
const SEES_ALL_REVERSALS: Role[] = ['coordinator', 'treasurer', 'auditor'];
// who received aid is for the member, treasurers and auditors only: a coordinator's list leaves those out
const SEES_AID: Role[] = ['treasurer', 'auditor'];

@ApiTags('corrections')
@ApiBearerAuth()
@Controller('hubs/:hubId/reversals')
export class ReversalsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /**
   * A party to the entry, a coordinator (hours) or a treasurer (money) proposes to reverse it.
   * Refusals: validation_failed, forbidden, not_found, invalid_state, insufficient_funds, insufficient_liquidity.
   */
  @Post()
  @HttpCode(201)
  @Access(TAKES_PART)
  propose(@Param('hubId') hubId: string, @Body() dto: ProposeReversalDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ProposeReversalCommand(hubId, dto.position, dto.reason, context));
  }

  /** Officers see every reversal of the hub (a coordinator none of an aid payment); a member sees those touching their accounts. */
  @Get()
  @Access(ANY_HUB_ROLE)
  list(@Param('hubId') hubId: string, @Query() query: ReversalListQueryDto, @Req() request: LedgerRequest) {
    const viewer = viewerOf(request, SEES_ALL_REVERSALS);
    const includeAid = viewerOf(request, SEES_AID).seesAll || !viewer.seesAll;
    return this.queries.execute(
      new GetReversalsQuery({
        hubId,
        memberId: viewer.seesAll ? null : viewer.memberId,
        status: query.status,
        includeAid,
        after: query.after,
        limit: query.limit ?? PAGE_DEFAULT,
      }),
    );
  }

  /**
   * Someone other than the proposer applies it. Refusals: forbidden, separation_of_duties,
   * not_found, invalid_state, insufficient_funds, insufficient_liquidity.
   */
  @Post(':reversalId/confirmation')
  @HttpCode(201)
  @Access(TAKES_PART)
  confirm(@Param('hubId') hubId: string, @Param('reversalId') reversalId: string, @Body() dto: NoteDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ConfirmReversalCommand(hubId, reversalId, dto.note, context));
  }

  /** Refusals: validation_failed, forbidden, separation_of_duties, not_found, invalid_state. */
  @Post(':reversalId/rejection')
  @HttpCode(201)
  @Access(TAKES_PART)
  reject(@Param('hubId') hubId: string, @Param('reversalId') reversalId: string, @Body() dto: ReasonDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RejectReversalCommand(hubId, reversalId, dto.reason, context));
  }
}
