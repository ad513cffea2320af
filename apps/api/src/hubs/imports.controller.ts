import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ImportTimeBankCommand } from '@commons/application';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { ImportDto } from './import.dto';

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('hubs')
export class ImportsController {
  constructor(private readonly commands: CommandRunner) {}

  /**
   * An existing time bank's members and opening balances, as ordinary events naming the import.
   * `201` with each new member's token (in this answer only); `200` for a dry run, or files
   * imported before (nothing written). Refusals: 422 validation_failed listing every bad line,
   * forbidden, not_found.
   */
  @Post(':hubId/imports')
  @HttpCode(201)
  @Access(['admin'])
  async importTimeBank(@Param('hubId') hubId: string, @Body() dto: ImportDto, @Req() request: LedgerRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.commands.run(request, (context) => new ImportTimeBankCommand(hubId, dto, context));
    if (answer.dryRun || answer.alreadyImported) void reply.status(200);
    return answer;
  }
}
