import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MoneyDto, UNSIGNED_DECIMAL } from '../../../../common/money.dto';
import { PageQueryDto } from '../../../../common/pagination';
import { AccountRefDto, AMOUNT, DATE, NamedRefDto, RATE, RATE_MESSAGE, trim } from '../../purchasing.dto';

export const EXPENSE_PAID_FROM = ['cash', 'bank', 'accounts_payable'] as const;
export type ExpensePaidFrom = (typeof EXPENSE_PAID_FROM)[number];
export const EXPENSE_STATUSES = ['open', 'partially_paid', 'paid', 'void'] as const;

export class CreateExpenseDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiProperty({ format: 'uuid', description: 'The category: an expense account of the chart' })
  @IsUUID('all', { message: 'must be an account id' })
  accountId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The supplier; required when the expense is owed (paidFrom accounts_payable)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a supplier id' })
  contactId?: string;

  @ApiPropertyOptional({ example: 'City Taxi', description: "Who was paid; defaults to the supplier's name" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  payee?: string;

  @ApiPropertyOptional({ example: 'Taxi to the trade fair' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the supplier's currency, else the base currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiPropertyOptional({ example: '7.1234', description: 'Base-currency units per one unit of the expense currency; required when they differ' })
  @IsOptional()
  @Matches(RATE, RATE_MESSAGE)
  exchangeRate?: string;

  @ApiProperty({ example: '45.20', description: 'The amount as on the receipt, in the expense currency' })
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  amount: string;

  @ApiPropertyOptional({ default: true, description: 'The amount includes the tax (as receipts show it); false: tax is added to it' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  amountIncludesTax?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Input tax rate; null or omitted for none' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a tax rate id' })
  taxRateId?: string | null;

  @ApiProperty({ enum: EXPENSE_PAID_FROM, description: 'cash or bank: paid now; accounts_payable: owed to the supplier' })
  @IsIn(EXPENSE_PAID_FROM, { message: `must be one of ${EXPENSE_PAID_FROM.join(', ')}` })
  paidFrom: ExpensePaidFrom;

  @ApiPropertyOptional({ example: '2026-12-23', description: "When owed: defaults to the date plus the supplier's payment terms" })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  dueDate?: string;

  @ApiPropertyOptional({ example: 'Receipt 0042' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class ExpenseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...EXPENSE_STATUSES, 'unpaid'], description: 'unpaid: owed and open or partially paid' })
  @IsOptional()
  @IsIn([...EXPENSE_STATUSES, 'unpaid'])
  status?: (typeof EXPENSE_STATUSES)[number] | 'unpaid';

  @ApiPropertyOptional({ format: 'uuid', description: 'Category' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ enum: EXPENSE_PAID_FROM })
  @IsOptional()
  @IsIn(EXPENSE_PAID_FROM)
  paidFrom?: ExpensePaidFrom;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  to?: string;

  @ApiPropertyOptional({ description: 'Matches the payee, description or reference' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ReceiptUploadQueryDto {
  @ApiPropertyOptional({ example: 'taxi-receipt.jpg', description: 'The file name to keep' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

export class ExpenseReceiptDto {
  @ApiProperty({ example: 'taxi-receipt.jpg' }) fileName: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) contentType: string;
  @ApiProperty({ example: 183422 }) size: number;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
}

export class ExpensePaymentRefDto {
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty() voided: boolean;
}

export class ExpenseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ type: AccountRefDto, description: 'The category' }) account: AccountRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true }) contact: NamedRefDto | null;
  @ApiProperty() payee: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '1' }) exchangeRate: string;
  @ApiProperty() amountIncludesTax: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taxRateId: string | null;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ enum: EXPENSE_PAID_FROM }) paidFrom: string;
  @ApiProperty({ example: '2026-12-23' }) dueDate: string;
  @ApiProperty({ enum: EXPENSE_STATUSES }) status: string;
  @ApiProperty({ description: 'Owed, unpaid and past its due date' }) overdue: boolean;
  @ApiProperty({ type: MoneyDto }) paid: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Still owed (0 unless on account)' }) balance: MoneyDto;
  @ApiProperty() reference: string;
  @ApiProperty({ type: ExpenseReceiptDto, nullable: true }) receipt: ExpenseReceiptDto | null;
  @ApiProperty({ type: [ExpensePaymentRefDto] }) payments: ExpensePaymentRefDto[];
  @ApiProperty({ format: 'uuid' }) journalEntryId: string;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ExpenseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: AccountRefDto }) account: AccountRefDto;
  @ApiProperty() payee: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: EXPENSE_PAID_FROM }) paidFrom: string;
  @ApiProperty({ enum: EXPENSE_STATUSES }) status: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) balance: MoneyDto;
  @ApiProperty({ description: 'A receipt file is attached' }) hasReceipt: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ExpensePageDto {
  @ApiProperty({ type: [ExpenseSummaryDto] }) items: ExpenseSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
