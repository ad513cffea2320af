import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_RULE } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';
import { BoardPageQueryDto } from '../http/query.dto';

export class RequestHoursDto {
  @ApiProperty({ example: 'alice', description: 'the member asked to pay (who received the service)' })
  @IsString()
  @Matches(ID_RULE, { message: 'fromMemberId is not a member id' })
  fromMemberId!: string;

  @ApiProperty({ example: 'bob', description: 'the member who gave the service and asks to be paid' })
  @IsString()
  @Matches(ID_RULE, { message: 'toMemberId is not a member id' })
  toMemberId!: string;

  @ApiProperty({ example: '2', description: 'hours, at most 2 decimal places' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hours!: string;

  @ApiPropertyOptional({ example: 'mended the fence', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  memo?: string;

  @ApiPropertyOptional({ example: 'repairs' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'categoryId is not a category id' })
  categoryId?: string;

  @ApiPropertyOptional({ description: 'the offer or need it answers' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'listingId is not a listing id' })
  listingId?: string;
}

export class DeclineHourRequestDto {
  @ApiPropertyOptional({ example: 'that was a favour', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class HourRequestsQueryDto extends BoardPageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'paid', 'declined', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending', 'paid', 'declined', 'cancelled'])
  status?: 'pending' | 'paid' | 'declined' | 'cancelled';

  @ApiPropertyOptional({ enum: ['payer', 'provider'], description: 'only those you are asked to pay, or those you asked' })
  @IsOptional()
  @IsIn(['payer', 'provider'])
  role?: 'payer' | 'provider';
}
