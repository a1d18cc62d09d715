import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import {
  ACCESSOR_KINDS,
  CONSENT_PURPOSES,
  CONSENT_RECIPIENTS,
  CONSENT_SCOPES,
  GRANT_EVENT_KINDS,
  GRANT_STATUSES,
  LOOKBACK_MONTHS,
  MAX_GRANT_DAYS,
  REFUSAL_REASONS,
  type ConsentPurpose,
  type ConsentRecipient,
  type ConsentScope,
  type GrantEventKind,
  type GrantStatus,
  type RefusalReason,
} from '../consent.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE = { message: 'must be a date like 2027-02-28' };

const SCOPE_HELP =
  'profile = credit profile and score; statements = financial statements; aggregates = aggregated sales, ' +
  'receivables and customers; raw_documents = individual invoices and payments';

export class CreateConsentGrantDto {
  @ApiProperty({ enum: CONSENT_RECIPIENTS, example: 'lender' })
  @IsIn(CONSENT_RECIPIENTS)
  recipient: ConsentRecipient;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lender organisation; required when recipient is lender' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a lender organisation id' })
  lenderId?: string;

  @ApiProperty({ enum: CONSENT_PURPOSES, example: 'working_capital', description: 'Keeper pre-qualification is always prequalification' })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiPropertyOptional({ maxLength: 500, description: 'In your own words; required when purpose is other' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  purposeNote?: string;

  @ApiProperty({ minimum: LOOKBACK_MONTHS.min, maximum: LOOKBACK_MONTHS.max, example: LOOKBACK_MONTHS.default, description: 'How many months back the data goes' })
  @Type(() => Number)
  @IsInt()
  @Min(LOOKBACK_MONTHS.min)
  @Max(LOOKBACK_MONTHS.max)
  lookbackMonths: number;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, example: ['profile', 'statements'], description: SCOPE_HELP })
  @IsArray()
  @ArrayMinSize(1, { message: 'must include at least one thing to share' })
  @ArrayMaxSize(CONSENT_SCOPES.length)
  @ArrayUnique({ message: 'must not repeat a scope' })
  @IsIn(CONSENT_SCOPES, { each: true, message: `must each be one of ${CONSENT_SCOPES.join(', ')}` })
  scopes: ConsentScope[];

  @ApiPropertyOptional({
    example: '2027-02-28',
    description: `Last day of sharing (in the business's timezone), at most ${MAX_GRANT_DAYS} days from today; defaults to 90 days from today`,
  })
  @IsOptional()
  @Matches(DATE_ONLY, DATE)
  @IsDateString({ strict: true }, DATE)
  expiresOn?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The open grant to the same recipient that this one replaces (sharing more is a new consent)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a consent grant id' })
  replacesGrantId?: string;
}

export class RenewConsentGrantDto {
  @ApiPropertyOptional({
    example: '2027-05-31',
    description: `New last day of sharing, later than the current one and at most ${MAX_GRANT_DAYS} days from today; defaults to 90 days after the current one (at most ${MAX_GRANT_DAYS} days from today)`,
  })
  @IsOptional()
  @Matches(DATE_ONLY, DATE)
  @IsDateString({ strict: true }, DATE)
  expiresOn?: string;
}

export class NarrowConsentGrantDto {
  @ApiPropertyOptional({ enum: CONSENT_SCOPES, isArray: true, example: ['profile'], description: 'A subset of the current scopes' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must keep at least one thing; to share nothing, stop sharing instead' })
  @ArrayMaxSize(CONSENT_SCOPES.length)
  @ArrayUnique({ message: 'must not repeat a scope' })
  @IsIn(CONSENT_SCOPES, { each: true, message: `must each be one of ${CONSENT_SCOPES.join(', ')}` })
  scopes?: ConsentScope[];

  @ApiPropertyOptional({ minimum: LOOKBACK_MONTHS.min, example: 6, description: 'At most the current lookback' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(LOOKBACK_MONTHS.min)
  @Max(LOOKBACK_MONTHS.max)
  lookbackMonths?: number;
}

export class RevokeConsentGrantDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why, for your own records' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ConsentGrantListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...GRANT_STATUSES, 'ended'], description: 'ended = expired, revoked or replaced' })
  @IsOptional()
  @IsIn([...GRANT_STATUSES, 'ended'])
  status?: GrantStatus | 'ended';
}

export class RecipientQueryDto {
  @ApiPropertyOptional({ description: 'Part of a lender organisation name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The access log's filters, shared by the list and its CSV export. */
export class AccessLogFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a consent grant id' })
  grantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a lender organisation id' })
  lenderId?: string;

  @ApiPropertyOptional({ enum: CONSENT_SCOPES })
  @IsOptional()
  @IsIn(CONSENT_SCOPES)
  scope?: ConsentScope;

  @ApiPropertyOptional({ enum: ['allowed', 'refused'] })
  @IsOptional()
  @IsIn(['allowed', 'refused'])
  outcome?: 'allowed' | 'refused';
}

export class AccessLogQueryDto extends IntersectionType(AccessLogFilterDto, PageQueryDto) {}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class LenderOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Harbour Capital' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'HK' }) country: string | null;
  @ApiProperty({ description: 'Short public description, in English' }) description: string;
  @ApiProperty({ description: 'The same in Simplified Chinese; empty when the lender gave none' }) descriptionZh: string;
}

export class ConsentRecipientRefDto {
  @ApiProperty({ enum: CONSENT_RECIPIENTS }) kind: ConsentRecipient;
  @ApiProperty({ type: PersonDto, nullable: true, description: 'The lender organisation; null for Keeper pre-qualification' })
  lender: PersonDto | null;
}

export class ConsentRecipientDto {
  @ApiProperty({ enum: CONSENT_RECIPIENTS }) kind: ConsentRecipient;
  @ApiProperty({ type: LenderOrganisationDto, nullable: true }) lender: LenderOrganisationDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Your live grant to this recipient, if any' })
  liveGrantId: string | null;
}

export class ConsentRecipientListDto {
  @ApiProperty({ type: [ConsentRecipientDto], description: 'Keeper pre-qualification first, then lenders by name' })
  items: ConsentRecipientDto[];
}

export class ConsentGrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GRANT_STATUSES }) status: GrantStatus;
  @ApiProperty({ type: ConsentRecipientRefDto }) recipient: ConsentRecipientRefDto;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: ConsentPurpose;
  @ApiProperty() purposeNote: string;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scopes: ConsentScope[];
  @ApiProperty() lookbackMonths: number;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt: Date;
  @ApiProperty({ type: PersonDto }) grantedBy: PersonDto;
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant sharing stops' }) expiresAt: Date;
  @ApiProperty({ example: '2027-02-28', description: "The last day of sharing, in the business's timezone" }) expiresOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) renewedAt: Date | null;
  @ApiProperty() renewalCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: PersonDto, nullable: true }) revokedBy: PersonDto | null;
  @ApiProperty() revokeReason: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it stopped: revoked, replaced or expired' })
  endedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The grant that replaced this one' }) replacedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The grant this one replaced' }) replaces: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last allowed access under this grant' })
  lastAccessAt: Date | null;
}

export class ConsentGrantPageDto {
  @ApiProperty({ type: [ConsentGrantDto] }) items: ConsentGrantDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ConsentGrantEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: GRANT_EVENT_KINDS }) kind: GrantEventKind;
  @ApiProperty({ type: PersonDto, nullable: true, description: 'null: Keeper (an expiry)' }) actor: PersonDto | null;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, description: 'The terms in force after this change' }) scopes: ConsentScope[];
  @ApiProperty() lookbackMonths: number;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ example: '2027-02-28', description: "The last day of sharing, in the business's timezone" }) expiresOn: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ConsentGrantDetailDto extends ConsentGrantDto {
  @ApiProperty({ type: [ConsentGrantEventDto], description: 'Every version, oldest first' }) history: ConsentGrantEventDto[];
}

export class AccessorDto {
  @ApiProperty({ enum: ACCESSOR_KINDS }) kind: (typeof ACCESSOR_KINDS)[number];
  @ApiProperty({ type: PersonDto, nullable: true, description: 'The person at the lender' }) user: PersonDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) apiKeyId: string | null;
}

export class AccessLogGrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The version of the grant in force at the time' }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt: Date;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: ConsentRecipientRefDto }) recipient: ConsentRecipientRefDto;
  @ApiProperty({ type: AccessorDto }) accessor: AccessorDto;
  @ApiProperty({ type: AccessLogGrantDto, nullable: true, description: 'The grant the access was decided under; null when there was none at all' })
  grant: AccessLogGrantDto | null;
  @ApiProperty({ enum: CONSENT_SCOPES, nullable: true, description: 'null: the consent itself (that it exists, and its terms)' })
  scope: ConsentScope | null;
  @ApiProperty({ example: 'GET /api/lender/businesses' }) resource: string;
  @ApiProperty({ enum: ['allowed', 'refused'] }) outcome: 'allowed' | 'refused';
  @ApiProperty({ enum: REFUSAL_REASONS, nullable: true }) refusalReason: RefusalReason | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items: AccessLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
