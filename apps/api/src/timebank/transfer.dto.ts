import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_RULE } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class TransferDto {
  @ApiProperty({ example: 'alice', description: 'the member who pays (received the service)' })
  @IsString()
  @Matches(ID_RULE, { message: 'fromMemberId is not a member id' })
  fromMemberId!: string;

  @ApiProperty({ example: 'bob', description: 'the member who is paid (gave the service)' })
  @IsString()
  @Matches(ID_RULE, { message: 'toMemberId is not a member id' })
  toMemberId!: string;

  @ApiProperty({ example: '2.5', description: 'hours, at most 2 decimal places' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hours!: string;

  @ApiPropertyOptional({ example: 'childcare on Tuesday', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  memo?: string;

  @ApiPropertyOptional({ example: 'childcare', description: "the kind of help: one of the hub's categories, not retired" })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'categoryId is not a category id' })
  categoryId?: string;

  @ApiPropertyOptional({ description: 'the offer or need this pays for' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'listingId is not a listing id' })
  listingId?: string;
}
