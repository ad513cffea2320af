import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { FINANCING_SOURCES, FinancingSource, ID_RULE } from '@commons/domain';
import { ReadQueryDto } from '../http/query.dto';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';
import { IsMoment } from '../http/is-moment';

export class PhaseDto {
  @ApiProperty({ example: 'foundation' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '4000.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  budget!: string;
}

export class CreateProjectDto {
  @ApiProperty({ example: 'greenhouse' })
  @IsString()
  @Matches(ID_RULE, { message: 'projectId must be 1-64 characters of a-z, 0-9, . _ -' })
  projectId!: string;

  @ApiProperty({ example: 'Community greenhouse' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '10000.00', description: "in the hub's currency; the phases' budgets add up to at most this" })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  budget!: string;

  @ApiProperty({ type: [PhaseDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases!: PhaseDto[];
}

export class ExternalFinancingDto {
  @ApiProperty({ enum: FINANCING_SOURCES })
  @IsIn(FINANCING_SOURCES)
  source!: FinancingSource;

  @ApiProperty({ example: 'Mountain Credit Union' })
  @IsString()
  @Length(1, 500)
  lender!: string;

  @ApiProperty({ example: '5000.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;

  @ApiPropertyOptional({ example: '5 years at 4%' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  terms?: string;

  @ApiPropertyOptional({ example: 'walls', description: 'the phase it finances, if one' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  phase?: string;
}

export class LenderRepaymentDto {
  @ApiProperty({ example: '250.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;
}

export class SpendingDto {
  @ApiProperty({ example: 'walls' })
  @IsString()
  @Length(1, 200)
  phase!: string;

  @ApiProperty({ example: '1200.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;

  @ApiProperty({ example: 'polycarbonate panels' })
  @IsString()
  @Length(1, 500)
  description!: string;
}

export class ProjectQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: the project as it stood at that moment (default now)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}
