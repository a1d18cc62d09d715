import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { PERMISSIONS, ROLES } from '../../access/permissions';
import { OptionalNotNull, trimOrNull } from '../../catalog/catalog.dto';

export const TAX_ROUNDING = ['line', 'document'] as const;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const IsTimeZone = (options?: ValidationOptions) => (object: object, propertyName: string) =>
  registerDecorator({
    name: 'isTimeZone',
    target: object.constructor,
    propertyName,
    options: { message: 'must be an IANA time zone such as Asia/Shanghai', ...options },
    validator: { validate: isTimeZone },
  });

export class CreateBusinessDto {
  @ApiProperty({ example: 'Lotus Tea House' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217 code of the currency the books are kept in' })
  @Transform(upper)
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  baseCurrency: string;

  @ApiPropertyOptional({ example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as CN or US' })
  country?: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

/** Optional text of the business profile: null, '' or blanks clear it. */
const ProfileText = (max: number) =>
  applyDecorators(IsOptional(), Transform(trimOrNull), IsString({ message: 'must be text' }), MaxLength(max, { message: `must be at most ${max} characters` }));

export class UpdateBusinessDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  // Checked first (decorators apply bottom up): a null name is missing, not too long.
  @IsString({ message: 'is required' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CN', description: 'null or "" clears it' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value))
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as CN or US' })
  country?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @OptionalNotNull()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'Whether product and invoice prices include tax (tax-inclusive) or have tax added on top',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  pricesIncludeTax?: boolean;

  @ApiPropertyOptional({
    enum: TAX_ROUNDING,
    example: 'line',
    description: 'Round tax per line or once per document. Each invoice keeps the rule it was issued with.',
  })
  @OptionalNotNull()
  @IsIn(TAX_ROUNDING, { message: `must be one of ${TAX_ROUNDING.join(', ')}` })
  taxRounding?: (typeof TAX_ROUNDING)[number];

  @ApiPropertyOptional({ type: String, nullable: true, example: '18 Longjing Road', description: 'First address line; null or "" clears it' })
  @ProfileText(200)
  addressLine1?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Building 2' })
  @ProfileText(200)
  addressLine2?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hangzhou' })
  @ProfileText(100)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Zhejiang', description: 'State, province or region' })
  @ProfileText(100)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '310013' })
  @ProfileText(20)
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '91330100MA2H3XXX1K', description: 'VAT / tax registration number' })
  @ProfileText(50)
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'accounts@lotus.example', description: 'Printed on invoices for customers to reply to' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+86 571 5555 0100' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString({ message: 'must be text' })
  @MaxLength(50, { message: 'must be at most 50 characters' })
  @Matches(/\d/, { message: 'must contain a phone number' })
  phone?: string | null;
}

export class BusinessDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'CNY' }) baseCurrency: string;
  @ApiProperty({ nullable: true, type: String, example: 'CN' }) country: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone: string;
  @ApiProperty({ description: 'Prices are entered tax-inclusive' }) pricesIncludeTax: boolean;
  @ApiProperty({ enum: TAX_ROUNDING, description: 'Tax is rounded per line or per document' }) taxRounding: string;
  @ApiProperty({ type: String, nullable: true }) addressLine1: string | null;
  @ApiProperty({ type: String, nullable: true }) addressLine2: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) postalCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'VAT / tax registration number' }) taxId: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ enum: ROLES, description: 'Your role in this business' }) role: string;
  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'What your role may do here; the app shows only what these allow (the API enforces them)',
  })
  permissions: string[];
}

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'Membership id' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: (typeof ROLES)[number];
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'li@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: (typeof ROLES)[number];
}

export class InviterDto {
  @ApiProperty() name: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: InviterDto }) invitedBy: InviterDto;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CreatedInvitationDto {
  @ApiProperty({ type: InvitationDto }) invitation: InvitationDto;
  @ApiProperty({ description: 'Link to share with the invitee; it is also emailed to them' }) acceptUrl: string;
}

export class InvitationPreviewDto {
  @ApiProperty() businessName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ type: InviterDto }) invitedBy: InviterDto;
}

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) businessId: string;
  @ApiProperty({ enum: ROLES }) role: string;
}
