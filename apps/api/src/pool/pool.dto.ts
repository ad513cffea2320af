import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQueryDto, ReadQueryDto } from '../http/query.dto';
import { ID_RULE, LoanStatus, TERM_MONTHS_MAX } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';
import { IsMoment } from '../http/is-moment';

const LOAN_STATUSES: LoanStatus[] = ['applied', 'approved', 'rejected', 'cancelled', 'active', 'repaid', 'written_off'];

/** A deposit into, or a withdrawal from, a member's savings in the pool. */
export class SavingsMovementDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Matches(ID_RULE, { message: 'memberId is not a member id' })
  memberId!: string;

  @ApiProperty({ example: '25.00', description: "in the hub's currency, at most its minor units" })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;
}

export class ApplyForLoanDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Matches(ID_RULE, { message: 'borrowerId is not a member id' })
  borrowerId!: string;

  @ApiProperty({ example: '600.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  principal!: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: TERM_MONTHS_MAX })
  @IsInt()
  @Min(1)
  @Max(TERM_MONTHS_MAX)
  termMonths!: number;

  @ApiProperty({ example: '0.05', description: 'a decimal string from 0 to 1; 0 is common' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  annualInterestRate!: string;

  @ApiProperty({ example: 'glazing for the greenhouse' })
  @IsString()
  @Length(1, 500)
  purpose!: string;

  @ApiPropertyOptional({ example: 'greenhouse-phase-1' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'projectId must be 1-64 characters of a-z, 0-9, . _ -' })
  projectId?: string;

  @ApiPropertyOptional({ example: 'walls', description: 'a phase of the hub project named by projectId' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  phase?: string;
}

export class ApprovalDto {
  @ApiProperty({ example: 'Ann has repaid two loans before' })
  @IsString()
  @Length(1, 500)
  note!: string;
}

export class RepaymentDto {
  @ApiProperty({ example: '56.00' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  amount!: string;
}

export class LoanQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: arrears and days past due at that moment (default now)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}

export class LoanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LOAN_STATUSES })
  @IsOptional()
  @IsIn(LOAN_STATUSES)
  status?: LoanStatus;

  @ApiPropertyOptional({ description: 'ISO-8601: arrears and days past due at that moment (default now)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}
