import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { RecordContributionCommand } from '@commons/application';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { ContributionDto } from './contribution.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('hubs/:hubId/contributions')
export class ContributionsController {
  constructor(private readonly commands: CommandRunner) {}

  /**
   * Money, goods or volunteer hours given to the hub.
   * Refusals: validation_failed, forbidden, not_found, invalid_state, balance_limit_exceeded (the hub's time account).
   */
  @Post()
  @HttpCode(201)
  @Access(['coordinator', 'treasurer'])
  record(@Param('hubId') hubId: string, @Body() dto: ContributionDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new RecordContributionCommand(hubId, randomUUID(), dto, context));
  }
}
