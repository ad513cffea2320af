import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ID_RULE, THING_CONDITIONS, ThingCondition } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING, ID_MESSAGE } from '../http/validation';
import { IsMoment } from '../http/is-moment';
import { BoardPageQueryDto, PageQueryDto, ReadQueryDto } from '../http/query.dto';

export class AddThingDto {
  @ApiProperty({ example: 'generator' })
  @IsString()
  @Matches(ID_RULE, { message: `thingId ${ID_MESSAGE}` })
  thingId!: string;

  @ApiProperty({ example: 'Generator, 3 kW' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ example: 'Petrol. Bring it back with a full tank.' })
  @IsString()
  @Length(0, 2000)
  description!: string;

  @ApiPropertyOptional({ description: "one of the hub's categories, not retired" })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId?: string;

  @ApiProperty({ example: 'hub', description: '"hub" for the hub\'s own things, or the member who lends it' })
  @IsString()
  @Matches(ID_RULE, { message: `owner ${ID_MESSAGE}` })
  owner!: string;

  @ApiProperty({ example: 7, minimum: 1, maximum: 365 })
  @IsInt()
  @Min(1)
  @Max(365)
  loanDays!: number;

  @ApiPropertyOptional({ example: '20.00', description: "money a borrower leaves, in the hub's currency: recorded, not collected" })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  deposit?: string;

  @ApiPropertyOptional({ example: '1.00', description: 'hours the borrower pays the owner (the hub’s time account for the hub’s things) for each loan' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hoursPerLoan?: string;
}

export class ChangeThingDto {
  @ApiPropertyOptional({ enum: ['in_repair', 'available', 'retired'] })
  @IsOptional()
  @IsIn(['in_repair', 'available', 'retired'])
  status?: 'in_repair' | 'available' | 'retired';

  @ApiPropertyOptional({ description: 'why: what is wrong, what was mended' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((dto: ChangeThingDto) => dto.categoryId !== null && dto.categoryId !== undefined)
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  loanDays?: number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((dto: ChangeThingDto) => dto.deposit !== null && dto.deposit !== undefined)
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  deposit?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((dto: ChangeThingDto) => dto.hoursPerLoan !== null && dto.hoursPerLoan !== undefined)
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hoursPerLoan?: string | null;
}

export class HoldThingDto {
  @ApiPropertyOptional({ description: 'the member, when a coordinator holds for an assisted member; else the caller' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `memberId ${ID_MESSAGE}` })
  memberId?: string;
}

export class LendThingDto {
  @ApiProperty({ example: 'ann' })
  @IsString()
  @Matches(ID_RULE, { message: `memberId ${ID_MESSAGE}` })
  memberId!: string;

  @ApiPropertyOptional({ description: "ISO-8601; at most the thing's loanDays away (default: exactly that)" })
  @IsOptional()
  @IsMoment()
  dueAt?: string;
}

export class ReturnThingDto {
  @ApiPropertyOptional({ enum: THING_CONDITIONS, default: 'good', description: '`needs_repair` sends it to repair' })
  @IsOptional()
  @IsIn(THING_CONDITIONS)
  condition?: ThingCondition;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;

  @ApiPropertyOptional({ description: 'false when the deposit is kept; defaults to true when one was left' })
  @IsOptional()
  @IsBoolean()
  depositReturned?: boolean;
}

/** The catalogue, oldest first: `after` is the `next` of the previous page. */
export class ThingsQueryDto extends BoardPageQueryDto {
  @ApiPropertyOptional({ description: 'words in the name or description' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only what anyone may borrow now' })
  @IsOptional()
  @IsIn(['true', 'false'])
  available?: 'true' | 'false';
}

export class OverdueQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601: overdue as of that moment (default now)' })
  @IsOptional()
  @IsMoment()
  asOf?: string;
}

export class ThingHistoryQueryDto extends PageQueryDto {}
