import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, GetMemberThingsQuery, GetOverdueLoansQuery, GetThingHistoryQuery, GetThingQuery, GetThingsQuery, RunThingCommand } from '@commons/application';
import { parseMoment } from '@commons/domain';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest, viewerOf } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { PAGE_DEFAULT } from '../http/query.dto';
import { AddThingDto, ChangeThingDto, HoldThingDto, LendThingDto, OverdueQueryDto, ReturnThingDto, ThingHistoryQueryDto, ThingsQueryDto } from './thing.dto';

const CATALOGUE_PAGE_DEFAULT = 50;
const OVERDUE_MAX = 500; // a desk's list: a hub with more overdue loans than this has another problem

/** The hub's shared things: a tool library with holds, loans, returns and repairs. */
@ApiTags('things')
@ApiBearerAuth()
@Controller('hubs/:hubId')
export class ThingsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A coordinator adds the hub's things (owner "hub") or a member's; a member adds their own. Refusals: validation_failed, forbidden, not_found, already_exists. */
  @Post('things')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  add(@Param('hubId') hubId: string, @Body() dto: AddThingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'AddThing', ...dto }, context));
  }

  /** The catalogue, each thing with its status and queue; `available=true` keeps only what anyone may borrow now. Refusals: validation_failed, not_found. */
  @Get('things')
  @Access(ANY_HUB_ROLE)
  list(@Param('hubId') hubId: string, @Query() query: ThingsQueryDto) {
    const { minPosition: _minPosition, limit, available, ...filter } = query;
    return this.queries.execute(new GetThingsQuery({ hubId, ...filter, available: available === 'true', at: this.now(), limit: limit ?? CATALOGUE_PAGE_DEFAULT }));
  }

  /** Loans past their due date, the longest overdue first; `asOf` asks as of another moment. */
  @Get('things/overdue')
  @Access(['admin', 'coordinator'])
  overdue(@Param('hubId') hubId: string, @Query() query: OverdueQueryDto) {
    const at = query.asOf === undefined ? this.now() : parseMoment(query.asOf)!;
    return this.queries.execute(new GetOverdueLoansQuery(hubId, at, OVERDUE_MAX));
  }

  /** Refusals: not_found. */
  @Get('things/:thingId')
  @Access(ANY_HUB_ROLE)
  one(@Param('hubId') hubId: string, @Param('thingId') thingId: string) {
    return this.queries.execute(new GetThingQuery(hubId, thingId, this.now()));
  }

  /** Who borrowed it when, its condition at each return, its repairs: coordinators, auditors, the admin and its owner. Refusals: forbidden, not_found. */
  @Get('things/:thingId/history')
  @Access(ANY_HUB_ROLE)
  history(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Query() query: ThingHistoryQueryDto, @Req() request: LedgerRequest) {
    const viewer = viewerOf(request, ['coordinator', 'auditor']);
    return this.queries.execute(new GetThingHistoryQuery(hubId, thingId, viewer, query.after ?? 0, query.limit ?? PAGE_DEFAULT));
  }

  /** A coordinator or the owner: `status` sends it to repair, back from repair, or retires it; other fields change its terms. Refusals: validation_failed, forbidden, not_found, invalid_state. */
  @Patch('things/:thingId')
  @Access(['member', 'coordinator'])
  change(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Body() dto: ChangeThingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'ChangeThing', thingId, ...dto }, context));
  }

  /** Join the queue (a coordinator for an assisted member, with `memberId`): `201 {holdId, place}`. Refusals: forbidden, not_found, invalid_state (in repair, retired, held already), validation_failed. */
  @Post('things/:thingId/holds')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  hold(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Body() dto: HoldThingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'HoldThing', thingId, memberId: dto.memberId ?? context.actor }, context));
  }

  /** Leave the queue: the holder, or a coordinator. Refusals: forbidden, not_found (also a hold whose turn passed). */
  @Delete('things/:thingId/holds/:holdId')
  @Access(['member', 'coordinator'])
  cancelHold(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Param('holdId') holdId: string, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'CancelHold', thingId, holdId }, context));
  }

  /**
   * A coordinator or the owner lends it: `201 {loanId, dueAt, status: "on_loan", hours?}`. A thing
   * that costs hours pays them from the borrower in the same append. Refusals: validation_failed,
   * forbidden (not first in the queue), separation_of_duties, not_found, invalid_state, credit_limit_exceeded.
   */
  @Post('things/:thingId/loans')
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  lend(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Body() dto: LendThingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'LendThing', thingId, memberId: dto.memberId, ...(dto.dueAt === undefined ? {} : { dueAt: dto.dueAt }) }, context));
  }

  /** A coordinator or the owner takes it back: `available`, or `in_repair` when `condition` is `needs_repair`. Refusals: validation_failed, forbidden, separation_of_duties, not_found, invalid_state. */
  @Post('things/:thingId/return')
  @HttpCode(200)
  @Access(['member', 'coordinator'])
  takeBack(@Param('hubId') hubId: string, @Param('thingId') thingId: string, @Body() dto: ReturnThingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RunThingCommand(hubId, { type: 'ReturnThing', thingId, ...dto }, context));
  }

  /** What a member has out, with due dates, and the queues they are in: the member, coordinators, auditors, the admin. Refusals: forbidden, not_found. */
  @Get('members/:memberId/things')
  @Access(['admin', 'coordinator', 'auditor'], { param: 'memberId' })
  memberThings(@Param('hubId') hubId: string, @Param('memberId') memberId: string) {
    return this.queries.execute(new GetMemberThingsQuery(hubId, memberId, this.now()));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

