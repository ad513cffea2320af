import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangeAidPolicyCommand, ChangeMemberCommand, CreateHubCommand, EnrolMemberCommand, GetHubQuery, RotateTokenCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { ChangeHubDto, CreateHubDto } from './hub.dto';
import { ChangeMemberDto, EnrolMemberDto } from './member.dto';
import { NoFieldsDto } from '../http/no-fields.dto';

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('hubs')
export class HubsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /** Refusals: validation_failed, already_exists. */
  @Post()
  @HttpCode(201)
  @Access(['admin'])
  createHub(@Body() dto: CreateHubDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new CreateHubCommand({ ...dto, pool: dto.pool ?? {} }, context));
  }

  /** Who the token belongs to in this hub: member id and roles (the web page shows what they may do). */
  @Get(':hubId/me')
  @Access(['member', 'treasurer', 'coordinator', 'auditor'])
  me(@Req() request: LedgerRequest) {
    const principal = request.principal!;
    return principal.kind === 'member' ? { memberId: principal.memberId, roles: principal.roles } : null;
  }

  /** Refusals: not_found. */
  @Get(':hubId')
  @Access(ANY_HUB_ROLE)
  getHub(@Param('hubId') hubId: string) {
    return this.queries.execute(new GetHubQuery(hubId));
  }

  /** The hub's mutual aid cap per member and month (null lifts it). Refusals: validation_failed, not_found. */
  @Patch(':hubId')
  @Access(['admin', 'coordinator'])
  changeHub(@Param('hubId') hubId: string, @Body() dto: ChangeHubDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ChangeAidPolicyCommand(hubId, dto.aidPerMemberPerMonth, context));
  }

  /** Refusals: validation_failed, already_exists, not_found. The token is in this response only. */
  @Post(':hubId/members')
  @HttpCode(201)
  @Access(['admin', 'coordinator'])
  enrolMember(@Param('hubId') hubId: string, @Body() dto: EnrolMemberDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new EnrolMemberCommand(hubId, dto, context));
  }

  /** A new token for the member, shown once; the old one stops working at once. Refusals: not_found. */
  @Post(':hubId/members/:memberId/token')
  @HttpCode(201)
  @Access(['admin', 'coordinator'], { param: 'memberId' })
  rotateToken(@Param('hubId') hubId: string, @Param('memberId') memberId: string, @Body() _dto: NoFieldsDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RotateTokenCommand(hubId, memberId, context));
  }

  /** Refusals: validation_failed, not_found. */
  @Patch(':hubId/members/:memberId')
  @Access(['admin', 'coordinator'])
  changeMember(
    @Param('hubId') hubId: string,
    @Param('memberId') memberId: string,
    @Body() dto: ChangeMemberDto,
    @Req() request: LedgerRequest,
  ) {
    return this.commands.run(request, (context) => new ChangeMemberCommand(hubId, memberId, dto, context));
  }
}
