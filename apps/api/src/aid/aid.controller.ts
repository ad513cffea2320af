import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { FundCommandInput, GetAidRequestQuery, GetAidRequestsQuery, RunFundCommand } from '@commons/application';
import { Role } from '@commons/domain';
import { Access } from '../auth/access.decorator';
import { LedgerRequest, viewerOf } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { NoFieldsDto } from '../http/no-fields.dto';
import { PAGE_DEFAULT, ReadQueryDto } from '../http/query.dto';
import { AidListQueryDto, AidRequestDto, FundTransferDto } from './aid.dto';

// who received aid is for the member, treasurers and auditors only
const SEES_ALL_AID: Role[] = ['treasurer', 'auditor'];

@ApiTags('mutual aid')
@ApiBearerAuth()
@Controller('hubs/:hubId')
export class AidController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  private run(hubId: string, request: LedgerRequest, input: FundCommandInput) {
    return this.commands.run(request, (context) => new RunFundCommand(hubId, input, context));
  }

  /** Money between the general fund and the aid fund. Refusals: validation_failed, forbidden, insufficient_funds. */
  @Post('funds/transfers')
  @HttpCode(201)
  @Access(['coordinator', 'treasurer'])
  moveMoney(@Param('hubId') hubId: string, @Body() dto: FundTransferDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'MoveFundMoney', transferId: randomUUID(), ...dto });
  }

  /**
   * A member asks for aid for themselves (or a coordinator on their behalf); `need` is optional.
   * Refusals: validation_failed, forbidden, not_found, invalid_state (suspended), aid_limit_exceeded.
   */
  @Post('aid/requests')
  @HttpCode(201)
  @Access(['coordinator'], { body: 'memberId' })
  requestAid(@Param('hubId') hubId: string, @Body() dto: AidRequestDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'RequestAid', requestId: randomUUID(), ...dto });
  }

  /** Treasurers and auditors see every request; a member sees their own, and only they see its `need`. */
  @Get('aid/requests')
  @Access(['treasurer', 'auditor', 'member'])
  requests(@Param('hubId') hubId: string, @Query() query: AidListQueryDto, @Req() request: LedgerRequest) {
    return this.queries.execute(new GetAidRequestsQuery(hubId, viewerOf(request, SEES_ALL_AID), { status: query.status, after: query.after, limit: query.limit ?? PAGE_DEFAULT }));
  }

  /** Refusals: not_found (also another member's request). */
  @Get('aid/requests/:requestId')
  @Access(['treasurer', 'auditor', 'member'])
  request(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Query() _query: ReadQueryDto, @Req() request: LedgerRequest) {
    return this.queries.execute(new GetAidRequestQuery(hubId, requestId, viewerOf(request, SEES_ALL_AID)));
  }

  /** Paid from the aid fund, never to the paying treasurer. Refusals: forbidden, not_found, invalid_state, insufficient_funds. */
  @Post('aid/requests/:requestId/payment')
  @HttpCode(201)
  @Access(['treasurer'])
  pay(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'PayAid', requestId });
  }

  /** By the member the request is for, while it is open. Refusals: not_found, invalid_state. */
  @Post('aid/requests/:requestId/withdrawal')
  @HttpCode(201)
  @Access(['member', 'treasurer', 'coordinator', 'auditor'])
  withdraw(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'WithdrawAidRequest', requestId });
  }
}
