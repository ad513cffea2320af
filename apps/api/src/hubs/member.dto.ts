import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ID_RULE, MemberStatus, ROLES, Role } from '@commons/domain';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../http/validation';

export class EnrolMemberDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Matches(ID_RULE, { message: "memberId must be 1-64 characters of a-z, 0-9, '.', '_' or '-'" })
  memberId!: string;

  @ApiProperty({ example: 'Alice Caudill' })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ example: ['member'], enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: '15', description: "hours this member may owe, instead of the hub's default" })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  creditLimit?: string;
}

export class ChangeMemberDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ example: '20', nullable: true, description: 'null returns the member to the hub default' })
  @ValidateIf((dto: ChangeMemberDto) => dto.creditLimit !== null)
  @IsOptional()
  @IsString()
  @Matches(DECIMAL_STRING, { message: DECIMAL_MESSAGE })
  creditLimit?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'suspended'] })
  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: MemberStatus;

  @ApiPropertyOptional({ description: 'a member a coordinator may act for: someone with no phone or email' })
  @IsOptional()
  @IsBoolean()
  assisted?: boolean;
}
