import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ID_RULE, LISTING_KINDS, ListingKind } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING, ID_MESSAGE } from '../http/validation';
import { BoardPageQueryDto } from '../http/query.dto';

export class PostListingDto {
  @ApiPropertyOptional({ description: 'the owner, when a coordinator posts for an assisted member; else the caller' })
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `memberId ${ID_MESSAGE}` })
  memberId?: string;

  @ApiProperty({ enum: LISTING_KINDS })
  @IsIn(LISTING_KINDS)
  kind!: ListingKind;

  @ApiProperty({ example: 'Small engine repair' })
  @IsString()
  @Length(1, 120)
  title!: string;

  @ApiProperty({ example: 'Mowers, tillers, chainsaws. Bring it by on a Saturday.' })
  @IsString()
  @Length(1, 2000)
  description!: string;

  @ApiProperty({ example: 'repairs', description: "one of the hub's categories, not retired" })
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId!: string;

  @ApiPropertyOptional({ example: '2', description: 'hours it usually takes' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hours?: string;
}

export class ChangeListingDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 120)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((dto: ChangeListingDto) => dto.hours !== null && dto.hours !== undefined)
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  hours?: string | null;

  @ApiPropertyOptional({ enum: ['closed'] })
  @IsOptional()
  @IsIn(['closed'])
  status?: 'closed';
}

export class ListingsQueryDto extends BoardPageQueryDto {
  @ApiPropertyOptional({ enum: LISTING_KINDS })
  @IsOptional()
  @IsIn(LISTING_KINDS)
  kind?: ListingKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `categoryId ${ID_MESSAGE}` })
  categoryId?: string;

  @ApiPropertyOptional({ description: 'words in the title or the description (any case)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ID_RULE, { message: `memberId ${ID_MESSAGE}` })
  memberId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed', 'expired'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed', 'expired'])
  status?: 'open' | 'closed' | 'expired';
}
