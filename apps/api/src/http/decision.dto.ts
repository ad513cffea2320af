import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** A rejection or a vote to write off: each needs a reason. */
export class ReasonDto {
  @ApiProperty({ example: 'the pool is too thin this season' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** A confirmation by a second person, with what they want to say. */
export class NoteDto {
  @ApiPropertyOptional({ example: 'checked against the paper receipt' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}
