import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * A whole number in a query, written as one: digits only. `0x10`, `1e3`, ` 1` or `1.0` stay
 * strings and fail IsInt, where Number() would have read them.
 */
export const WholeNumber = () => Transform(({ value }) => (typeof value === 'string' && /^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : value));

export const PAGE_MAX = 1000; // items in one page of any list
export const PAGE_DEFAULT = 100;

/** `?minPosition=`, which every GET accepts (the guard waits for it; listed here so validation admits it). */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'answer only once the read models include this position' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}

/** A page of a list ordered by position: `after` is the `next` of the previous page. */
export class PageQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'position cursor: the `next` of the previous page' })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: PAGE_DEFAULT, maximum: PAGE_MAX })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}

/** The lists people browse (the directory, the board, requests): 50 a page unless asked, at most 200. */
export class BrowseQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** A page of a board (listings, requests): newest first, `after` the `next` of the previous page. */
export class BoardPageQueryDto extends BrowseQueryDto {
  @ApiPropertyOptional({ description: 'position cursor: the `next` of the previous page' })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(1)
  after?: number;
}
