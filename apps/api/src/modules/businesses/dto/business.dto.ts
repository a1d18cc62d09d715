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
import { ROLES } from '../../access/permissions';

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

export class UpdateBusinessDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'CN' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as CN or US' })
  country?: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'Whether product and invoice prices include tax (tax-inclusive) or have tax added on top',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  pricesIncludeTax?: boolean;

  @ApiPropertyOptional({
    enum: TAX_ROUNDING,
    example: 'line',
    description: 'Round tax per line or once per document. Each invoice keeps the rule it was issued with.',
  })
  @IsOptional()
  @IsIn(TAX_ROUNDING, { message: `must be one of ${TAX_ROUNDING.join(', ')}` })
  taxRounding?: (typeof TAX_ROUNDING)[number];
}

export class BusinessDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'CNY' }) baseCurrency: string;
  @ApiProperty({ nullable: true, type: String, example: 'CN' }) country: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone: string;
  @ApiProperty({ description: 'Prices are entered tax-inclusive' }) pricesIncludeTax: boolean;
  @ApiProperty({ enum: TAX_ROUNDING, description: 'Tax is rounded per line or per document' }) taxRounding: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ enum: ROLES, description: 'Your role in this business' }) role: string;
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
