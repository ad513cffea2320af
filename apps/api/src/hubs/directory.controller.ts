import { Body, Controller, Get, Inject, Param, ParseArrayPipe, Patch, Put, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CLOCK, ChangeProfileCommand, Clock, GetCategoriesQuery, GetDirectoryQuery, SetCategoriesCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { STRICT } from '../http/validation';
import { CategoryDto, ChangeProfileDto, DirectoryQueryDto } from './profile.dto';

const DIRECTORY_PAGE_DEFAULT = 50;

/** Members find each other: the directory, each member's profile, and the hub's kinds of help. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('hubs/:hubId')
export class DirectoryController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The hub's active members by name: `{memberId, displayName, about?, roles, contact?, offers, needs}`
   * (their open listings), and `hours.balance` only for a member who chose `showBalance`.
   * Refusals: validation_failed, not_found.
   */
  @Get('members')
  @Access(ANY_HUB_ROLE)
  directory(@Param('hubId') hubId: string, @Query() query: DirectoryQueryDto) {
    // only the hub's own members and the admin get this far: the guard let no one else in
    return this.queries.execute(new GetDirectoryQuery(hubId, { q: query.q, after: query.after, limit: query.limit ?? DIRECTORY_PAGE_DEFAULT }, true, this.clock.now().toISOString()));
  }

  /**
   * A member's own profile; a coordinator's for a member marked assisted. Only the fields given change.
   * Refusals: validation_failed, forbidden, not_found, invalid_state.
   */
  @Patch('members/:memberId/profile')
  @Access(['coordinator'], { param: 'memberId' })
  changeProfile(@Param('hubId') hubId: string, @Param('memberId') memberId: string, @Body() dto: ChangeProfileDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ChangeProfileCommand(hubId, memberId, dto, context));
  }

  /** Refusals: not_found. */
  @Get('categories')
  @Access(ANY_HUB_ROLE)
  categories(@Param('hubId') hubId: string) {
    return this.queries.execute(new GetCategoriesQuery(hubId));
  }

  /**
   * The whole list of the hub's kinds of help. A category once listed stays: rename or retire it.
   * Refusals: validation_failed, forbidden, not_found, invalid_state (one left out).
   */
  @Put('categories')
  @Access(['admin', 'coordinator'])
  @ApiBody({ type: [CategoryDto] })
  setCategories(
    @Param('hubId') hubId: string,
    @Body(new ParseArrayPipe({ items: CategoryDto, ...STRICT })) categories: CategoryDto[],
    @Req() request: LedgerRequest,
  ) {
    return this.commands.run(request, (context) => new SetCategoriesCommand(hubId, categories, context));
  }
}
