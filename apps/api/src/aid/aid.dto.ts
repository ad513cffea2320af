import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { FUNDS, FundName, ID_RULE } from '@commons/domain';
import { PageQueryDto } from '../http/query.dto';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class AidRequestDto {
  @ApiProperty({ example: 'alice', description: 'the member the aid is for: the caller, unless a coordinator asks on their behalf' })
  @IsString()
  @Matches(ID_RULE, { message: 'memberId is not a member id' })
  memberId!: string;

  @ApiProperty({ example: '20.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;

  @ApiPropertyOptional({ example: 'gas to get to work', description: 'never required; shown to nobody but the member and auditors' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  need?: string;
}

export class FundTransferDto {
  @ApiProperty({ enum: FUNDS })
  @IsIn(FUNDS)
  from!: FundName;

  @ApiProperty({ enum: FUNDS })
  @IsIn(FUNDS)
  to!: FundName;

  @ApiProperty({ example: '100.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;
}

const AID_STATUSES = ['requested', 'paid', 'withdrawn'];

export class AidListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AID_STATUSES })
  @IsOptional()
  @IsIn(AID_STATUSES)
  status?: string;
}
