import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { AccountKind } from '@commons/projections';
import { PageQueryDto, ReadQueryDto } from '../http/query.dto';

export class BalanceQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: the balance at that moment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class StatementQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({ description: 'ISO-8601: the statement as history stood at that moment (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
