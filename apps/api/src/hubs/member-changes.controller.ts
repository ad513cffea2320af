import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConfirmMemberChangeCommand, GetMemberChangesQuery, RejectMemberChangeCommand } from '@commons/application';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { NoteDto, ReasonDto } from '../http/decision.dto';

/** Changes to officers (roles, tokens) proposed by a coordinator, waiting for a second officer. */
@ApiTags('hubs')
@ApiBearerAuth()
@Controller('hubs/:hubId/member-changes')
export class MemberChangesController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /** The open ones. Refusals: not_found. */
  @Get()
  @Access(['admin', 'coordinator', 'treasurer', 'auditor'])
  list(@Param('hubId') hubId: string) {
    return this.queries.execute(new GetMemberChangesQuery(hubId));
  }

  /**
   * A second officer applies it; a token reset's new token is in this response only.
   * Refusals: forbidden, separation_of_duties, not_found, validation_failed.
   */
  @Post(':changeId/confirmation')
  @HttpCode(201)
  @Access(['admin', 'coordinator', 'treasurer'])
  confirm(@Param('hubId') hubId: string, @Param('changeId') changeId: string, @Body() dto: NoteDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ConfirmMemberChangeCommand(hubId, changeId, dto.note, context));
  }

  /** Refusals: forbidden, separation_of_duties, not_found, validation_failed. */
  @Post(':changeId/rejection')
  @HttpCode(201)
  @Access(['admin', 'coordinator', 'treasurer'])
  reject(@Param('hubId') hubId: string, @Param('changeId') changeId: string, @Body() dto: ReasonDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RejectMemberChangeCommand(hubId, changeId, dto.reason, context));
  }
}
