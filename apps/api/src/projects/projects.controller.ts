import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CreateProjectCommand, FundCommandInput, GetProjectQuery, RunFundCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { instant } from '../http/instant';
import { CreateProjectDto, ExternalFinancingDto, LenderRepaymentDto, ProjectQueryDto, SpendingDto } from './project.dto';

@ApiTags('hub projects')
@ApiBearerAuth()
@Controller('hubs/:hubId/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
  ) {}

  private run(hubId: string, request: LedgerRequest, input: FundCommandInput) {
    return this.commands.run(request, (context) => new RunFundCommand(hubId, input, context));
  }

  /** A project and its phases' budgets. Refusals: validation_failed, forbidden, not_found, already_exists. */
  @Post()
  @HttpCode(201)
  @Access(['coordinator'])
  create(@Param('hubId') hubId: string, @Body() dto: CreateProjectDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new CreateProjectCommand(hubId, dto, context));
  }

  /** Budget, financing by source, spending and what is owed to each lender, per phase; `?asOf=` for any moment. Refusals: not_found. */
  @Get(':projectId')
  @Access(ANY_HUB_ROLE)
  project(@Param('hubId') hubId: string, @Param('projectId') projectId: string, @Query() query: ProjectQueryDto, @Req() request: LedgerRequest) {
    return this.queries.execute(new GetProjectQuery(hubId, projectId, instant(query.asOf) ?? request.at!));
  }

  /** A credit-union loan, a grant or other outside money. Refusals: validation_failed, forbidden, not_found. */
  @Post(':projectId/financing')
  @HttpCode(201)
  @Access(['treasurer'])
  finance(@Param('hubId') hubId: string, @Param('projectId') projectId: string, @Body() dto: ExternalFinancingDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'RecordExternalFinancing', financingId: randomUUID(), projectId, ...dto });
  }

  /** Refusals: validation_failed, forbidden, not_found, invalid_state (a grant), overpayment. */
  @Post(':projectId/financing/:financingId/repayments')
  @HttpCode(201)
  @Access(['treasurer'])
  repay(
    @Param('hubId') hubId: string,
    @Param('projectId') projectId: string,
    @Param('financingId') financingId: string,
    @Body() dto: LenderRepaymentDto,
    @Req() request: LedgerRequest,
  ) {
    return this.run(hubId, request, { type: 'RepayExternalFinancing', financingId, projectId, amount: dto.amount });
  }

  /** Money spent on a phase. Refusals: validation_failed, forbidden, not_found. */
  @Post(':projectId/spending')
  @HttpCode(201)
  @Access(['treasurer'])
  spend(@Param('hubId') hubId: string, @Param('projectId') projectId: string, @Body() dto: SpendingDto, @Req() request: LedgerRequest) {
    return this.run(hubId, request, { type: 'RecordProjectSpending', spendingId: randomUUID(), projectId, ...dto });
  }
}
