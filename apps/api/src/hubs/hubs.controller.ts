import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangeHubSettingsCommand, ChangeMemberCommand, CreateHubCommand, EnrolMemberCommand, GetHubQuery, RotateTokenCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { answer } from '../http/awaiting';
import { ChangeHubDto, CreateHubDto } from './hub.dto';
import { ChangeMemberDto, EnrolMemberDto } from './member.dto';
import { NoFieldsDto } from '../http/no-fields.dto';

const AWAITING = { description: 'a change to officer roles or an officer\'s token, waiting for a second officer: {changeId, status: "awaiting_confirmation"}' };

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('hubs')
export class HubsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /** Refusals: validation_failed, forbidden, already_exists. */
  @Post()
  @HttpCode(201)
  @Access(['admin'])
  createHub(@Body() dto: CreateHubDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new CreateHubCommand({ ...dto, pool: dto.pool ?? {} }, context));
  }

  /** Who the token belongs to in this hub: member id, name and roles (the web page says who is signed in and shows what they may do). */
  @Get(':hubId/me')
  @Access(['member', 'treasurer', 'coordinator', 'auditor'])
  me(@Req() request: LedgerRequest) {
    const principal = request.principal!;
    return principal.kind === 'member' ? { memberId: principal.memberId, displayName: principal.displayName, roles: principal.roles } : null;
  }

  /** Refusals: not_found. */
  @Get(':hubId')
  @Access(ANY_HUB_ROLE)
  getHub(@Param('hubId') hubId: string) {
    return this.queries.execute(new GetHubQuery(hubId));
  }

  /** The hub's mutual aid cap per member and month (null lifts it), and how long listings stay open. Refusals: validation_failed, forbidden, not_found. */
  @Patch(':hubId')
  @Access(['admin', 'coordinator'])
  changeHub(@Param('hubId') hubId: string, @Body() dto: ChangeHubDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ChangeHubSettingsCommand(hubId, dto, context));
  }

  /**
   * The token is in this response only. Officer roles given by a coordinator wait for a second
   * officer: `202 {changeId, status: "awaiting_confirmation"}`, the member enrolled with their other roles.
   * Refusals: validation_failed, forbidden, already_exists, not_found.
   */
  @Post(':hubId/members')
  @HttpCode(201)
  @ApiAcceptedResponse(AWAITING)
  @Access(['admin', 'coordinator'])
  async enrolMember(@Param('hubId') hubId: string, @Body() dto: EnrolMemberDto, @Req() request: LedgerRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, await this.commands.run(request, (context) => new EnrolMemberCommand(hubId, dto, context)));
  }

  /**
   * A new token, shown once; the old one stops working at once. A member rotates their own; a
   * coordinator's reset of an officer's waits for a second officer (`202`), the old token working until then.
   * Refusals: forbidden, not_found, invalid_state.
   */
  @Post(':hubId/members/:memberId/token')
  @HttpCode(201)
  @ApiAcceptedResponse(AWAITING)
  @Access(['admin', 'coordinator'], { param: 'memberId' })
  async rotateToken(
    @Param('hubId') hubId: string,
    @Param('memberId') memberId: string,
    @Body() _dto: NoFieldsDto,
    @Req() request: LedgerRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.commands.run(request, (context) => new RotateTokenCommand(hubId, memberId, context)));
  }

  /**
   * Never on oneself. A coordinator's change to officer roles waits for a second officer (`202`).
   * Refusals: validation_failed, forbidden, separation_of_duties, not_found, invalid_state.
   */
  @Patch(':hubId/members/:memberId')
  @ApiAcceptedResponse(AWAITING)
  @Access(['admin', 'coordinator'])
  async changeMember(
    @Param('hubId') hubId: string,
    @Param('memberId') memberId: string,
    @Body() dto: ChangeMemberDto,
    @Req() request: LedgerRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.commands.run(request, (context) => new ChangeMemberCommand(hubId, memberId, dto, context)));
  }
}
