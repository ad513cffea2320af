import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CLOCK, ChangeListingCommand, Clock, GetListingQuery, GetListingsQuery, PostListingCommand } from '@commons/application';
import { ANY_HUB_ROLE, Access } from '../auth/access.decorator';
import { LedgerRequest } from '../auth/principal';
import { CommandRunner } from '../http/command-runner';
import { ChangeListingDto, ListingsQueryDto, PostListingDto } from './listing.dto';

const LISTINGS_PAGE_DEFAULT = 50;

/** Offers and needs: what members can give, and what they need. */
@ApiTags('listings')
@ApiBearerAuth()
@Controller('hubs/:hubId/listings')
export class ListingsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * An offer or a need, open for the hub's `listingDays`. A coordinator posts for an assisted member with `memberId`.
   * Refusals: validation_failed (also a retired or unknown category), forbidden, not_found, invalid_state.
   */
  @Post()
  @HttpCode(201)
  @Access(['member', 'coordinator'])
  post(@Param('hubId') hubId: string, @Body() dto: PostListingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new PostListingCommand(hubId, dto, context));
  }

  /** Newest first, each with its owner's name; `status` defaults to open. Refusals: validation_failed, not_found. */
  @Get()
  @Access(ANY_HUB_ROLE)
  list(@Param('hubId') hubId: string, @Query() query: ListingsQueryDto) {
    const { minPosition: _minPosition, limit, ...filter } = query;
    return this.queries.execute(new GetListingsQuery({ hubId, ...filter, at: this.clock.now().toISOString(), limit: limit ?? LISTINGS_PAGE_DEFAULT }));
  }

  /** Refusals: not_found. */
  @Get(':listingId')
  @Access(ANY_HUB_ROLE)
  one(@Param('hubId') hubId: string, @Param('listingId') listingId: string) {
    return this.queries.execute(new GetListingQuery(hubId, listingId, this.clock.now().toISOString()));
  }

  /** The owner (or a coordinator for an assisted owner), or a coordinator. Refusals: validation_failed, forbidden, not_found, invalid_state (closed or expired). */
  @Patch(':listingId')
  @Access(['member', 'coordinator'])
  change(@Param('hubId') hubId: string, @Param('listingId') listingId: string, @Body() dto: ChangeListingDto, @Req() request: LedgerRequest) {
    return this.commands.run(request, (context) => new ChangeListingCommand(hubId, listingId, dto, context));
  }
}
