import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MoneyDto } from '../../../common/money.dto';
import { AccountDto } from './account.dto';
import { AccountRefDto, IsCalendarDate } from './common';

export class GeneralLedgerQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day; defaults to 1 January of the year of `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day; defaults to today in the business time zone' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from the previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class GeneralLedgerLineDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ example: 42 }) entryNumber: number;
  @ApiProperty({ example: '2025-03-31' }) entryDate: string;
  @ApiProperty({ example: 1 }) lineNo: number;
  @ApiProperty({ description: "The entry's description" }) description: string;
  @ApiProperty({ type: String, nullable: true, description: "The line's own description" }) lineDescription: string | null;
  @ApiProperty({ example: 'invoice' }) sourceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceId: string | null;
  @ApiProperty({ type: MoneyDto, description: 'Signed (debit positive) in the line currency' }) amount: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Signed (debit positive) in the base currency' }) baseAmount: MoneyDto;
  @ApiProperty({ type: String, nullable: true, example: '270.63', description: 'Debit in the base currency, or null' })
  debit: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Credit in the base currency, or null' })
  credit: string | null;
  @ApiProperty({ type: MoneyDto, description: 'Balance after this line in the base currency, debit positive' })
  runningBalance: MoneyDto;
  @ApiProperty({ example: '1520.63', description: 'runningBalance as a decimal, positive on the normal side of the account' })
  runningBalanceDecimal: string;
}

export class GeneralLedgerDto {
  @ApiProperty({ type: AccountDto }) account: AccountDto;
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-12-31' }) to: string;
  @ApiProperty({ example: 'USD', description: 'The base currency all balances are stated in' }) currency: string;
  @ApiProperty({ type: MoneyDto, description: 'Balance before `from`, debit positive' }) openingBalance: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Sum of debits over the whole range (all pages), unsigned' })
  totalDebit: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Sum of credits over the whole range (all pages), unsigned' })
  totalCredit: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Balance at the end of `to`, debit positive' }) closingBalance: MoneyDto;
  @ApiProperty({ type: [GeneralLedgerLineDto], description: 'In date order, then entry number and line' })
  items: GeneralLedgerLineDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TrialBalanceQueryDto {
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Includes entries dated up to this day; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class TrialBalanceRowDto {
  @ApiProperty({ type: AccountRefDto }) account: AccountRefDto;
  @ApiProperty({ type: MoneyDto, description: 'Net debit balance in the base currency (zero when the balance is a credit)' })
  debit: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Net credit balance in the base currency, unsigned (zero when a debit)' })
  credit: MoneyDto;
  @ApiProperty({ example: '1250.00' }) debitDecimal: string;
  @ApiProperty({ example: '0.00' }) creditDecimal: string;
}

export class TrialBalanceDto {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ example: 'USD', description: 'The base currency' }) currency: string;
  @ApiProperty({ type: [TrialBalanceRowDto], description: 'Accounts with a non-zero balance, by code' })
  rows: TrialBalanceRowDto[];
  @ApiProperty({ type: MoneyDto }) totalDebit: MoneyDto;
  @ApiProperty({ type: MoneyDto }) totalCredit: MoneyDto;
  @ApiProperty({ example: '5400.00' }) totalDebitDecimal: string;
  @ApiProperty({ example: '5400.00' }) totalCreditDecimal: string;
  @ApiProperty({ description: 'Whether total debits equal total credits (always true for a sound journal)' })
  balanced: boolean;
}
