import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BoardPageQueryDto } from '../http/query.dto';
import { TransferDto } from './transfer.dto';

/** What a payment says, asked for instead of paid: `fromMemberId` received the service, `toMemberId` gave it and asks. */
export class RequestHoursDto extends TransferDto {}

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
