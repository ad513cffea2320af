import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AccountKind } from '@commons/projections';

export const STATEMENT_PAGE_MAX = 1000;
const POSITION = /^\d{1,15}$/;

export class BalanceQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: the balance at that moment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'answer only once the read models include this position' })
  @IsOptional()
  @IsString()
  @Matches(POSITION)
  minPosition?: string;
}

export class StatementQueryDto {
  @ApiPropertyOptional({ description: 'answer only once the read models include this position' })
  @IsOptional()
  @IsString()
  @Matches(POSITION)
  minPosition?: string;

  @ApiPropertyOptional({ enum: ['hours', 'savings', 'loans'], default: 'hours' })
  @IsOptional()
  @IsIn(['hours', 'savings', 'loans'])
  account?: AccountKind;

  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'position cursor: the `next` of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 100, maximum: STATEMENT_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(STATEMENT_PAGE_MAX)
  limit?: number;
}
