import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CONTRIBUTION_KINDS, ContributionKind, ID_RULE } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class ContributionDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Matches(ID_RULE, { message: 'memberId is not a member id' })
  memberId!: string;

  @ApiProperty({ enum: CONTRIBUTION_KINDS })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: ContributionKind;

  @ApiProperty({ example: '25.00', description: "money: in the hub's currency; in-kind: a quantity; volunteer-hours: hours" })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;

  @ApiProperty({ example: 'Saturday food pantry shift' })
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ example: '120.00', description: "in-kind only: what the goods are thought to be worth, in the hub's currency" })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  estimatedValue?: string;
}
