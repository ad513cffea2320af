import { Equals, IsOptional } from 'class-validator';

/** A command that takes no fields: any field sent is refused. */
export class NoFieldsDto {
  // class-validator refuses a class it holds no rules for; this rule admits only an absent field
  @IsOptional()
  @Equals(undefined)
  readonly none?: never;
}
