import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { ReadQueryDto } from '../http/query.dto';

export class ReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601, the period start, inclusive (default: the beginning)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, the period end, exclusive (default: asOf, inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'ISO-8601: the report as history stood at that moment (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
