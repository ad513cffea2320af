import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ReadQueryDto } from '../http/query.dto';
import { IsMoment } from '../http/is-moment';

export class ReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601, the period start, inclusive (default: the beginning)' })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, the period end, exclusive (default: asOf, inclusive)' })
  @IsOptional()
  @IsMoment()
  to?: string;

  @ApiPropertyOptional({ description: 'ISO-8601: the report as history stood at that moment (default now)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}
