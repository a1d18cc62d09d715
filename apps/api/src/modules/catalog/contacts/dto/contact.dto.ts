import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../../../common/money.dto';
import {
  AMOUNT,
  AMOUNT_MESSAGE,
  FILTER_ANY,
  importModeProperty,
  isImportMode,
  MAX_CSV_CHARS,
  OptionalNotNull,
  SortedPageQueryDto,
  trim,
  trimOrNull,
  upper,
  type ImportMode,
} from '../../catalog.dto';

export const CONTACT_KINDS = ['customer', 'supplier', 'both'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const ARCHIVED_FILTER = ['false', 'true', FILTER_ANY] as const;

const CURRENCY_MESSAGE = 'must be an ISO 4217 currency code such as USD or CNY';

export class AddressDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '88 Nanjing Road' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  line1?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Floor 3' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Shanghai' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Shanghai', description: 'State, province or region' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '200001' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value))
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as CN or US' })
  country?: string | null;
}

const ADDRESS_EXAMPLE = { line1: '88 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'CN' };

/** The fields a person edits; create requires a name, update takes any subset. */
class ContactFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '91310000MA1FL4XX2K', description: 'VAT / tax registration number' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(50)
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'accounts@lotus.example' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+86 21 5555 0100' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(50)
  @Matches(/\d/, { message: 'must contain a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true, example: ADDRESS_EXAMPLE })
  @IsOptional()
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => AddressDto)
  billingAddress?: AddressDto | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true, example: ADDRESS_EXAMPLE })
  @IsOptional()
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => AddressDto)
  shippingAddress?: AddressDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '5000.00',
    description: "Credit limit in the contact's currency, major units; null for none",
  })
  @IsOptional()
  @Transform(trimOrNull)
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  creditLimit?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pays by bank transfer on Fridays' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class CreateContactDto extends ContactFieldsDto {
  @ApiProperty({ example: 'Lotus Tea House', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'customer' })
  @IsOptional()
  @IsIn(CONTACT_KINDS, { message: `must be one of ${CONTACT_KINDS.join(', ')}` })
  kind?: ContactKind;

  @ApiPropertyOptional({ example: 'USD', description: "ISO 4217; defaults to the business's base currency" })
  @IsOptional()
  @Transform(upper)
  @IsIn(CURRENCIES, { message: CURRENCY_MESSAGE })
  currency?: string;

  @ApiPropertyOptional({ example: 30, minimum: 0, maximum: 365, default: 0, description: 'Days until an invoice is due; 0 = on receipt' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;
}

export class UpdateContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: 'Lotus Tea House', maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @OptionalNotNull()
  @IsIn(CONTACT_KINDS, { message: `must be one of ${CONTACT_KINDS.join(', ')}` })
  kind?: ContactKind;

  @ApiPropertyOptional({
    example: 'USD',
    description: 'ISO 4217. When the contact has a credit limit, send creditLimit too: it is an amount in this currency',
  })
  @OptionalNotNull()
  @Transform(upper)
  @IsIn(CURRENCIES, { message: CURRENCY_MESSAGE })
  currency?: string;

  @ApiPropertyOptional({ example: 30, minimum: 0, maximum: 365 })
  @OptionalNotNull()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;
}

export class ContactFilterDto {
  @ApiPropertyOptional({ type: String, description: 'Case-insensitive search in name, email and tax id', maxLength: 200 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  q?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, description: 'customer and supplier include contacts of kind both' })
  @IsOptional()
  @IsIn(CONTACT_KINDS, { message: `must be one of ${CONTACT_KINDS.join(', ')}` })
  kind?: ContactKind;

  @ApiPropertyOptional({ enum: ARCHIVED_FILTER, default: 'false', description: 'Archived contacts, active ones (default), or any' })
  @IsOptional()
  @IsIn(ARCHIVED_FILTER, { message: `must be one of ${ARCHIVED_FILTER.join(', ')}` })
  archived?: (typeof ARCHIVED_FILTER)[number];

  @ApiPropertyOptional({
    enum: CONTACT_SORTS,
    default: 'name',
    description: 'Field to sort by; a leading "-" sorts descending. Names sort case-insensitively.',
  })
  @IsOptional()
  @IsIn(CONTACT_SORTS, { message: `must be one of ${CONTACT_SORTS.join(', ')}` })
  sort?: ContactSort;
}

export class ListContactsQueryDto extends IntersectionType(ContactFilterDto, SortedPageQueryDto) {}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONTACT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) taxId: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: AddressDto, nullable: true }) billingAddress: AddressDto | null;
  @ApiProperty({ type: AddressDto, nullable: true }) shippingAddress: AddressDto | null;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: 30 }) paymentTermsDays: number;
  @ApiProperty({ type: MoneyDto, nullable: true, description: "In the contact's currency" }) creditLimit: MoneyDto | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty() archived: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] }) items: ContactDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

const CONTACT_CSV_HELP =
  'CSV text (RFC 4180, UTF-8, optional BOM), first row = column names, matched case-insensitively: ' +
  '`name` (required), `kind` (customer | supplier | both; default customer), `email`, `phone`, `tax_id`, ' +
  "`currency` (ISO 4217; default the business's base currency), `payment_terms_days`, " +
  "`credit_limit` (amount in the contact's currency, e.g. 5000.00), `notes`, " +
  '`billing_line1`, `billing_line2`, `billing_city`, `billing_region`, `billing_postal_code`, `billing_country`, ' +
  '`shipping_line1`, `shipping_line2`, `shipping_city`, `shipping_region`, `shipping_postal_code`, `shipping_country`. ' +
  'Other columns are ignored and listed in `ignoredColumns`; empty cells mean "not given". The export file uses the same columns.';

export class ContactImportPreviewRequestDto {
  @ApiProperty({ description: CONTACT_CSV_HELP, example: 'name,email\r\nLotus Tea House,accounts@lotus.example\r\n' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(MAX_CSV_CHARS, { message: 'is larger than 1 MB; split the file' })
  csv: string;
}

export class ContactImportRequestDto extends ContactImportPreviewRequestDto {
  @importModeProperty()
  @isImportMode()
  mode: ImportMode;
}
