import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '../../../common/money.dto';

export class ReportContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Acme Ltd' }) name: string;
}

/** Open balances by how long past the due date they are, on the asOf day. */
export class AgingBucketsDto {
  @ApiProperty({ type: MoneyDto, description: 'Not yet due (due on or after asOf)' }) current: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: '1 to 30 days past due' }) days1To30: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: '31 to 60 days past due' }) days31To60: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: '61 to 90 days past due' }) days61To90: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'More than 90 days past due' }) over90: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Sum of the buckets' }) total: MoneyDto;
  @ApiProperty({ example: 3, description: 'Open invoices counted' }) invoiceCount: number;
}

export class ArAgingCustomerDto extends AgingBucketsDto {
  @ApiProperty({ type: ReportContactDto }) contact: ReportContactDto;
}

export class ArAgingDto {
  @ApiProperty({
    example: '2025-03-31',
    description:
      'The day the balances are stated for: invoices issued by then, less payments applied, refunds taken back and credit notes ' +
      'dated by then; a voided invoice counts until its void date. The total equals the receivables account on that day',
  })
  asOf: string;
  @ApiProperty({ example: 'USD', description: 'The base currency; invoices are converted at the rate fixed at issue' })
  currency: string;
  @ApiProperty({ type: [ArAgingCustomerDto], description: 'Customers with an open balance, by name' })
  customers: ArAgingCustomerDto[];
  @ApiProperty({ type: AgingBucketsDto, description: 'All customers together' }) totals: AgingBucketsDto;
}

export class CashReceivedDayDto {
  @ApiProperty({ example: '2025-03-14' }) date: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}

export class CashReceivedDto {
  @ApiProperty({ example: '2025-03-01' }) from: string;
  @ApiProperty({ example: '2025-03-31' }) to: string;
  @ApiProperty({ example: 'USD', description: 'The base currency' }) currency: string;
  @ApiProperty({
    type: [CashReceivedDayDto],
    description:
      'Days on which money came into cash and bank accounts, in date order (days without receipts are left out). ' +
      'Transfers between the business\u2019s own cash and bank accounts are not receipts',
  })
  days: CashReceivedDayDto[];
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class ApAgingSupplierDto extends AgingBucketsDto {
  @ApiProperty({ type: ReportContactDto }) contact: ReportContactDto;
}

export class ApAgingDto {
  @ApiProperty({ example: '2025-03-31' }) asOf: string;
  @ApiProperty({ example: 'USD', description: 'The base currency; bills and expenses are converted at their own rates' })
  currency: string;
  @ApiProperty({
    type: [ApAgingSupplierDto],
    description: 'Suppliers with an open balance (posted bills and expenses owed on account; invoiceCount counts both), by name',
  })
  suppliers: ApAgingSupplierDto[];
  @ApiProperty({ type: AgingBucketsDto, description: 'All suppliers together' }) totals: AgingBucketsDto;
}
