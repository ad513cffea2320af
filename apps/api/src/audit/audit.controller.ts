import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GetAuditEventsQuery, VerifyLedgerQuery } from '@commons/application';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { PAGE_DEFAULT, PageQueryDto } from '../http/query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  /** The hub's events in order, as stored, a page at a time (at most 1,000). */
  @Get('hubs/:hubId/audit/events')
  @Access(['admin', 'auditor'])
  events(@Param('hubId') hubId: string, @Query() query: PageQueryDto) {
    return this.queries.execute(new GetAuditEventsQuery(hubId, query.after ?? 0, query.limit ?? PAGE_DEFAULT));
  }

  /** Recomputes the hash chains: the whole ledger for the admin, their own hub's streams for an auditor. */
  @Get('audit/verify')
  @Access(['admin', 'auditor'])
  verify(@Req() request: LedgerRequest) {
    const principal = request.principal!;
    return this.queries.execute(new VerifyLedgerQuery(principal.kind === 'admin' ? null : principal.hubId));
  }
}
