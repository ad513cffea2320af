import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { GetFinancingReportQuery, GetNetworkReportQuery } from '@commons/application';
import { ReportWindow, financingReportCsv } from '@commons/projections';
import { Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { instant } from '../http/instant';
import { ReportQueryDto } from './report.dto';

function windowOf(query: ReportQueryDto, request: LedgerRequest): ReportWindow {
  return { asOf: instant(query.asOf) ?? request.at!, from: instant(query.from), to: instant(query.to) };
}

const wantsCsv = (accept: string | undefined) => (accept ?? '').includes('text/csv');

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  /** JSON, or CSV with `Accept: text/csv`. Refusals: validation_failed, forbidden, not_found. */
  @Get('hubs/:hubId/reports/financing')
  @ApiProduces('application/json', 'text/csv')
  @Access(['admin', 'treasurer', 'coordinator', 'auditor'])
  async financing(
    @Param('hubId') hubId: string,
    @Query() query: ReportQueryDto,
    @Req() request: LedgerRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.queries.execute(new GetFinancingReportQuery(hubId, windowOf(query, request)));
    if (!wantsCsv(accept)) return report;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return financingReportCsv([report]);
  }

  /** Every hub and their sums per currency. JSON, or CSV with `Accept: text/csv`. */
  @Get('reports/network')
  @ApiProduces('application/json', 'text/csv')
  @Access(['admin'])
  async network(
    @Query() query: ReportQueryDto,
    @Req() request: LedgerRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.queries.execute(new GetNetworkReportQuery(windowOf(query, request)));
    if (!wantsCsv(accept)) return report;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return financingReportCsv(report.hubs);
  }
}
