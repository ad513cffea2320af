import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { GROUP_PAYMENTS_MAX, ID_RULE } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class GroupPaymentDto {
  @ApiProperty({ example: 'alice', description: 'the member who pays (received the help)' })
  @IsString()
  @Matches(ID_RULE, { message: 'fromMemberId is not a member id' })
  fromMemberId!: string;

  @ApiProperty({ example: 'bob', description: 'the member who is paid (gave the help)' })
  @IsString()
  @Matches(ID_RULE, { message: 'toMemberId is not a member id' })
  toMemberId!: string;

  @ApiProperty({ example: '3', description: 'hours, at most 2 decimal places' })
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hours!: string;
}

export class GroupTransferDto {
  @ApiProperty({ type: [GroupPaymentDto], description: `1 to ${GROUP_PAYMENTS_MAX} payments: all are recorded, or none` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_PAYMENTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => GroupPaymentDto)
  payments!: GroupPaymentDto[];

  @ApiProperty({ example: 'work day at the community garden', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  memo!: string;

  @ApiPropertyOptional({ example: 'gardening', description: "the kind of help: one of the hub's categories, not retired" })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: 'categoryId is not a category id' })
  categoryId?: string;
}
