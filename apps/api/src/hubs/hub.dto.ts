import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ID_RULE } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class TimeBankSettingsDto {
  @ApiProperty({ example: '10', description: 'hours a member may owe, unless their own limit says otherwise' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  defaultCreditLimit!: string;

  @ApiPropertyOptional({ example: '40', description: 'the most hours any member may hold' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  maxBalance?: string;

  @ApiPropertyOptional({ example: '1000', description: "hours the hub's own account may owe for volunteer work (default 1000)" })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hubAccountLimit?: string;

  @ApiPropertyOptional({ example: '0.8', description: 'a payment that takes the payer past this share of their credit limit succeeds with a warning' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  warnAt?: string;

  @ApiPropertyOptional({ example: 14, description: 'a pending hour request is accepted by the ledger itself after this many days (default: never)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  requestAutoAcceptDays?: number;
}

/** The time-bank settings a coordinator changes after creation. */
export class ChangeTimeBankDto {
  @ApiPropertyOptional({ example: '0.8', nullable: true, description: 'null: no warnings' })
  @ValidateIf((dto: ChangeTimeBankDto) => dto.warnAt !== null && dto.warnAt !== undefined)
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  warnAt?: string | null;

  @ApiPropertyOptional({ example: 14, nullable: true, description: 'null: the ledger never accepts a request itself' })
  @ValidateIf((dto: ChangeTimeBankDto) => dto.requestAutoAcceptDays !== null && dto.requestAutoAcceptDays !== undefined)
  @IsInt()
  @Min(1)
  @Max(365)
  requestAutoAcceptDays?: number | null;
}

export class PoolSettingsDto {
  @ApiPropertyOptional({ example: 2, description: 'distinct treasurers who must approve a loan (default 2)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  approvalQuorum?: number;

  @ApiPropertyOptional({ example: '0.1', description: 'share of total savings kept as cash, 0 to 1' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  reserveRatio?: string;
}

export class CreateHubDto {
  @ApiProperty({ example: 'laurel-fork' })
  @IsString()
  @Matches(ID_RULE, { message: "hubId must be 1-64 characters of a-z, 0-9, '.', '_' or '-'" })
  hubId!: string;

  @ApiProperty({ example: 'Laurel Fork Community Hub' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @ApiProperty({ type: TimeBankSettingsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TimeBankSettingsDto)
  timeBank!: TimeBankSettingsDto;

  @ApiPropertyOptional({ type: PoolSettingsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PoolSettingsDto)
  pool?: PoolSettingsDto;

  @ApiPropertyOptional({ example: 90, description: 'how many days an offer or a need stays open (default 90)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  listingDays?: number;
}

/** The hub settings a coordinator changes after creation: only those given change. */
export class ChangeHubDto {
  @ApiPropertyOptional({ example: '100.00', nullable: true, description: 'the most aid one member may ask for in a calendar month (UTC); null: no cap' })
  @ValidateIf((dto: ChangeHubDto) => dto.aidPerMemberPerMonth !== null && dto.aidPerMemberPerMonth !== undefined)
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  aidPerMemberPerMonth?: string | null;

  @ApiPropertyOptional({ example: 60, description: 'how many days an offer or a need stays open' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  listingDays?: number;

  @ApiPropertyOptional({ type: ChangeTimeBankDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChangeTimeBankDto)
  timeBank?: ChangeTimeBankDto;
}
