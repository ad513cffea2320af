import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AccountKind } from '@commons/projections';
import { PageQueryDto, ReadQueryDto } from '../http/query.dto';
import { IsMoment } from '../http/is-moment';

export class BalanceQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: the balance at that moment' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}

export class StatementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['hours', 'savings', 'loans'], default: 'hours' })
  @IsOptional()
  @IsIn(['hours', 'savings', 'loans'])
  account?: AccountKind;

  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' })
  @IsOptional()
  @IsMoment()
  to?: string;

  @ApiPropertyOptional({ description: 'ISO-8601: the statement as history stood at that moment (inclusive)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}
