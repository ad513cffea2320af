import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CONTRIBUTION_KINDS, ContributionKind, FUNDS, FundName, ID_RULE } from '@commons/domain';
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

  @ApiPropertyOptional({ enum: FUNDS, description: "money only: the hub's general fund (default) or its mutual aid fund" })
  @IsOptional()
  @IsIn(FUNDS)
  fund?: FundName;

  @ApiPropertyOptional({ example: 'greenhouse', description: 'money only: earmarked for this hub project' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'projectId must be 1-64 characters of a-z, 0-9, . _ -' })
  projectId?: string;

  @ApiPropertyOptional({ example: 'walls', description: 'money only: a phase of that project' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  phase?: string;
}
