import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ID_RULE } from '@commons/domain';
import { BrowseQueryDto } from '../http/query.dto';
import { ID_MESSAGE } from '../http/validation';

export class ChangeProfileDto {
  @ApiPropertyOptional({ example: 'Alice Caudill' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ example: 'Retired nurse; I can sit with someone who is poorly, and I bake.', nullable: true, description: 'null or an empty string clears it' })
  @ValidateIf((dto: ChangeProfileDto) => dto.about !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  about?: string | null;

  @ApiPropertyOptional({ example: 'ring 555-0142 after 5', nullable: true, description: 'shown only to members of the hub' })
  @ValidateIf((dto: ChangeProfileDto) => dto.contact !== null)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;

  @ApiPropertyOptional({ description: 'whether the directory shows your hours balance (off unless you turn it on)' })
  @IsOptional()
  @IsBoolean()
  showBalance?: boolean;
}

export class DirectoryQueryDto extends BrowseQueryDto {
  @ApiPropertyOptional({ description: 'part of a name (any case)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'the `next` of the previous page: the last member id on it' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `after ${ID_MESSAGE}` })
  after?: string;
}

export class CategoryDto {
  @ApiProperty({ example: 'childcare' })
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId!: string;

  @ApiProperty({ example: 'Childcare' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ description: 'no longer offered for new payments, listings or requests; kept for what names it' })
  @IsOptional()
  @IsBoolean()
  retired?: boolean;
}
