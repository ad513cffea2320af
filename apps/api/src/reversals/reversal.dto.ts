import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ReversalStatus } from '@commons/domain';
import { PageQueryDto } from '../http/query.dto';

const REVERSAL_STATUSES: ReversalStatus[] = ['proposed', 'applied', 'rejected'];
const POSITION_MAX = Number.MAX_SAFE_INTEGER;

export class ProposeReversalDto {
  @ApiProperty({ example: 42, description: 'the `position` the command being corrected answered with' })
  @IsInt()
  @Min(1)
  @Max(POSITION_MAX)
  position!: number;

  @ApiProperty({ example: 'paid 25 hours instead of 2.5' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ReversalListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVERSAL_STATUSES })
  @IsOptional()
  @IsIn(REVERSAL_STATUSES)
  status?: ReversalStatus;
}
