import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerHourRequestCommand, GetHourRequestsQuery, RequestHoursCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest, viewerOf } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { NoFieldsDto } from '../http/no-fields.dto';
import { DeclineHourRequestDto, HourRequestsQueryDto, RequestHoursDto } from './hour-request.dto';

const REQUESTS_PAGE_DEFAULT = 50;

/** Hours recorded provider-first: the provider asks, no hours move until the payer accepts. */
@ApiTags('time bank')
@ApiBearerAuth()
@Controller('hubs/:hubId/timebank/requests')
export class HourRequestsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /** `toMemberId` asks `fromMemberId` to pay: `201 {requestId, status: "pending"}`. Refusals: validation_failed, forbidden, not_found, invalid_state. */
  @Post()
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  request(@Param('hubId') hubId: string, @Body() dto: RequestHoursDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RequestHoursCommand(hubId, dto, context));
  }

  /** The payer (a coordinator for an assisted payer) accepts: the payment is decided now. Refusals: forbidden, separation_of_duties, not_found, credit_limit_exceeded, balance_limit_exceeded. */
  @Post(':requestId/acceptance')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  accept(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new AnswerHourRequestCommand(hubId, requestId, 'accept', context));
  }

  /** The payer says no. Refusals: forbidden, not_found, validation_failed. */
  @Post(':requestId/rejection')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  decline(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Body() dto: DeclineHourRequestDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new AnswerHourRequestCommand(hubId, requestId, 'decline', context, dto.reason ?? ''));
  }

  /** The provider takes it back. Refusals: forbidden, not_found. */
  @Post(':requestId/cancellation')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  cancel(@Param('hubId') hubId: string, @Param('requestId') requestId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new AnswerHourRequestCommand(hubId, requestId, 'cancel', context));
  }

  /** A member's own requests, as payer or provider; coordinators, auditors and the admin see every one, with both names. */
  @Get()
  @Access(ANY_HUB_ROLE)
  list(@Param('hubId') hubId: string, @Query() query: HourRequestsQueryDto, @Req() request: LedgerRequest) {
    const viewer = viewerOf(request, ['coordinator', 'auditor']);
    return this.queries.execute(
      new GetHourRequestsQuery({ hubId, memberId: viewer.seesAll ? null : viewer.memberId, role: query.role, status: query.status, after: query.after, limit: query.limit ?? REQUESTS_PAGE_DEFAULT }),
    );
  }
}
