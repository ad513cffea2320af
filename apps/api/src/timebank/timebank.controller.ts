import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { GetBalanceQuery, GetStatementQuery, PayGroupHoursCommand, PayHoursCommand } from '@commons/application';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { instant } from '../http/instant';
import { PAGE_DEFAULT } from '../http/query.dto';
import { BalanceQueryDto, StatementQueryDto } from './account.dto';
import { GroupTransferDto } from './group-transfer.dto';
import { TransferDto } from './transfer.dto';

@ApiTags('time bank')
@ApiBearerAuth()
@Controller('hubs/:hubId')
export class TimeBankController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /**
   * The payer pays another member for hours of service.
   * Refusals: validation_failed, forbidden, not_found, invalid_state, credit_limit_exceeded, balance_limit_exceeded.
   */
  @Post('timebank/transfers')
  @HttpCode(201)
  @Access(['coordinator'], { body: 'fromMemberId' })
  payHours(@Param('hubId') hubId: string, @Body() dto: TransferDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new PayHoursCommand(hubId, randomUUID(), dto, context));
  }

  /**
   * A coordinator records a work day or a class: every payment, or none, as one entry →
   * `201 {groupId, payments, position}`. Refusals: validation_failed, forbidden,
   * separation_of_duties, not_found, invalid_state, credit_limit_exceeded, balance_limit_exceeded.
   */
  @Post('timebank/group-transfers')
  @HttpCode(201)
  @Access(['coordinator'])
  payGroupHours(@Param('hubId') hubId: string, @Body() dto: GroupTransferDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new PayGroupHoursCommand(hubId, dto, context));
  }

  /** Refusals: forbidden, not_found. */
  @Get('members/:memberId/balance')
  @Access(['admin', 'treasurer', 'coordinator', 'auditor'], { param: 'memberId' })
  balance(@Param('hubId') hubId: string, @Param('memberId') memberId: string, @Query() query: BalanceQueryDto) {
    return this.queries.execute(new GetBalanceQuery(hubId, memberId, instant(query.asOf)));
  }

  /** Refusals: validation_failed, forbidden, not_found. */
  @Get('members/:memberId/statement')
  @Access(['admin', 'treasurer', 'coordinator', 'auditor'], { param: 'memberId' })
  statement(@Param('hubId') hubId: string, @Param('memberId') memberId: string, @Query() query: StatementQueryDto) {
    return this.queries.execute(
      new GetStatementQuery(hubId, memberId, query.account ?? 'hours', {
        from: instant(query.from),
        to: instant(query.to),
        asOf: instant(query.asOf),
        after: query.after,
        limit: query.limit ?? PAGE_DEFAULT,
      }),
    );
  }
}
