import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MoneyDto } from '../../../common/money.dto';
import { ACCOUNT_TYPES, ALL_SUBTYPES, SYSTEM_ACCOUNT_KEYS, type AccountType } from '../chart';
import { IsCalendarDate, trim } from './common';

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1100', description: 'Unique in the business; sorts the chart' }) code: string;
  @ApiProperty({ example: 'Accounts receivable' }) name: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type: string;
  @ApiProperty({ enum: ALL_SUBTYPES, example: 'receivable', description: 'Groups accounts in reports' }) subtype: string;
  @ApiProperty({
    enum: SYSTEM_ACCOUNT_KEYS,
    nullable: true,
    type: String,
    description: 'Stable key of an account Keeper posts to itself; null for accounts you added. System accounts cannot be changed.',
  })
  systemKey: string | null;
  @ApiProperty({ description: 'Whether Keeper itself posts to this account (it then cannot be renamed or deactivated)' })
  isSystem: boolean;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ enum: ['debit', 'credit'], description: 'The side that increases this account' }) normalBalance: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AccountWithBalanceDto extends AccountDto {
  @ApiProperty({
    type: MoneyDto,
    description: 'Balance in the base currency from entries dated up to asOf; debit positive, credit negative',
  })
  balance: MoneyDto;

  @ApiProperty({
    example: '1250.50',
    description: 'The same balance as a decimal string, positive when it lies on the normal side of the account',
  })
  balanceDecimal: string;
}

export class AccountListDto {
  @ApiProperty({ example: '2025-12-31', description: 'Balances include entries dated up to and including this day' })
  asOf: string;
  @ApiProperty({ example: 'USD', description: 'The base currency balances are stated in' }) currency: string;
  @ApiProperty({ type: [AccountWithBalanceDto], description: 'The whole chart, ordered by code' })
  items: AccountWithBalanceDto[];
}

export class AccountListQueryDto {
  @ApiPropertyOptional({ enum: ACCOUNT_TYPES })
  @IsOptional()
  @IsIn(ACCOUNT_TYPES, { message: `must be one of ${ACCOUNT_TYPES.join(', ')}` })
  type?: AccountType;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Balance date; defaults to today in the business time zone' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Include deactivated accounts' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  includeInactive?: 'true' | 'false';
}

export class CreateAccountDto {
  @ApiProperty({ example: '6950', description: 'Letters, digits, dots and dashes; unique in the business' })
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/, {
    message: 'must be 1-20 letters, digits, dots or dashes, starting with a letter or digit',
  })
  code: string;

  @ApiProperty({ example: 'Software subscriptions' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ACCOUNT_TYPES, example: 'expense' })
  @IsIn(ACCOUNT_TYPES, { message: `must be one of ${ACCOUNT_TYPES.join(', ')}` })
  type: AccountType;

  @ApiProperty({
    enum: ALL_SUBTYPES,
    example: 'operating_expense',
    description:
      'Must suit the type: asset: cash, bank, receivable, inventory, current_asset, fixed_asset, other_asset; ' +
      'liability: payable, tax, current_liability, long_term_liability; equity: equity, retained_earnings; ' +
      'income: operating_income, contra_income, other_income; expense: cost_of_sales, operating_expense, other_expense',
  })
  @IsIn(ALL_SUBTYPES, { message: 'is not a known subtype' })
  subtype: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: 'Software and subscriptions' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    example: true,
    description: 'false deactivates the account (only when nothing is left on it); deactivated accounts take no new entries',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isActive?: boolean;
}
