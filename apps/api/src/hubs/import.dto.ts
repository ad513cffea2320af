import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

const FILE_LENGTH_MAX = 3_000_000; // characters of one file: some 10,000 members

/** An existing time bank's two files, each as its text (API.md, "Import an existing time bank"). */
export class ImportDto {
  @ApiProperty({
    description: 'members.csv: a header `memberId,displayName,roles,contact`, then one member a line (roles separated by `;`, contact optional)',
    example: 'memberId,displayName,roles,contact\nrosa,Rosa Ibarra,member,ring after six\nmae,Mae Carter,member;coordinator,\n',
  })
  @IsString()
  @MaxLength(FILE_LENGTH_MAX)
  members!: string;

  @ApiPropertyOptional({
    description: 'balances.csv: a header `memberId,hours`, then one opening balance a line (negative: the member owes)',
    example: 'memberId,hours\nrosa,12.5\nmae,-3\n',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FILE_LENGTH_MAX)
  balances?: string;

  @ApiPropertyOptional({ description: 'check every line and write nothing', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
