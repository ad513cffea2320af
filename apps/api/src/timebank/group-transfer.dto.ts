import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { GROUP_PAYMENTS_MAX, ID_RULE } from '@commons/domain';
import { TransferDto } from './transfer.dto';

/** One payment of a group: a transfer's payer, payee and hours, validated alike. */
export class GroupPaymentDto extends PickType(TransferDto, ['fromMemberId', 'toMemberId', 'hours'] as const) {}

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
