import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { CONSENT_SCOPES, type ConsentScope } from '../../consent/consent.types';
import { ConsentRecipientRefDto } from '../../consent/dto/consent.dto';

export const PROFILE_TRIGGERS = ['books_changed', 'consent_granted', 'owner_request', 'nightly'] as const;
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export const RATIO_UNITS = ['percent', 'days', 'times'] as const;
export const SIGNAL_STATUSES = ['ok', 'watch', 'flag', 'not_applicable'] as const;
export const TRUST_CHECKS = ['payments_recorded', 'shipments_invoiced', 'stock_purchases', 'bookkeeping_gaps', 'backdated_entries'] as const;

export class LocalizedTextDto {
  @ApiProperty() en: string;
  @ApiProperty() 'zh-CN': string;
}

export class RatioValueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null: missing (0 / 0), or infinite (see limit)' }) value: number | null;
  @ApiProperty({ enum: ['infinity', '-infinity'], nullable: true, description: 'Set for x / 0 (e.g. current assets with no short-term debt)' })
  limit: 'infinity' | '-infinity' | null;
}

export class ReferenceDistributionDto {
  @ApiProperty({ description: 'Companies in the reference data with a value' }) count: number;
  @ApiProperty() p25: number;
  @ApiProperty() median: number;
  @ApiProperty() p75: number;
}

/** One model ratio: its value, what it did to the score, and the reference data's distribution. */
export class CreditFactorDto extends RatioValueDto {
  @ApiProperty({ example: 'attr44' }) feature: string;
  @ApiProperty({ example: 'RECEIVABLE_DAYS', description: 'Stem of the reason codes' }) code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ enum: RATIO_UNITS }) unit: (typeof RATIO_UNITS)[number];
  @ApiProperty({ enum: [1, -1], description: '1: the risk rises with the ratio; -1: it falls' }) monotone: 1 | -1;
  @ApiProperty({ description: 'Score points this ratio added (negative: it cost points)' }) points: number;
  @ApiProperty({ enum: ['helps', 'hurts', 'neutral'] }) effect: 'helps' | 'hurts' | 'neutral';
  @ApiProperty({ type: ReferenceDistributionDto, nullable: true, description: 'Companies in the reference data that did not go bankrupt' })
  reference: ReferenceDistributionDto | null;
}

export class CreditReasonDto extends RatioValueDto {
  @ApiProperty({ example: 'RECEIVABLE_DAYS_HIGH' }) code: string;
  @ApiProperty({ example: 'attr44' }) feature: string;
  @ApiProperty({ enum: ['low', 'high', 'missing'] }) direction: 'low' | 'high' | 'missing';
  @ApiProperty({ description: 'Score points this reason cost (negative)' }) points: number;
  @ApiProperty({ type: LocalizedTextDto }) text: LocalizedTextDto;
}

export class OwnerReasonDto extends CreditReasonDto {
  @ApiProperty({ enum: RATIO_UNITS }) unit: (typeof RATIO_UNITS)[number];
  @ApiProperty({ type: ReferenceDistributionDto, nullable: true }) reference: ReferenceDistributionDto | null;
}

export class DataFreshnessDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-11-22', description: 'The latest day with entries the profile saw' })
  dataThrough: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the latest entry it saw was recorded' })
  recordedAt: Date | null;
}

export class MonthlyRevenueDto {
  @ApiProperty({ example: '2026-01' }) month: string;
  @ApiProperty({ example: '1250000', description: 'Net sales, minor units of the base currency' }) salesMinor: string;
  @ApiProperty({ example: '730000' }) cogsMinor: string;
}

export class OperatingFeaturesDto {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: [MonthlyRevenueDto], description: 'The 24 calendar months ending with the profile’s month (the last one runs to its day)' })
  monthlyRevenue: MonthlyRevenueDto[];
  @ApiProperty() sales12mMinor: string;
  @ApiProperty() salesPrev12mMinor: string;
  @ApiProperty() netProfit12mMinor: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Last 12 months against the 12 before, − 1' }) growthYoY: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Last 3 months against the 3 before, − 1' }) growth3m: number | null;
  @ApiProperty({ type: Number, nullable: true }) grossMargin: number | null;
  @ApiProperty({ type: Number, nullable: true }) daysSalesOutstanding: number | null;
  @ApiProperty({ type: Number, nullable: true }) daysPayablesOutstanding: number | null;
  @ApiProperty({ type: Number, nullable: true }) daysInventory: number | null;
  @ApiProperty() activeCustomers: number;
  @ApiProperty() repeatCustomers: number;
  @ApiProperty({ type: Number, nullable: true }) repeatCustomerShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) creditNoteRatio: number | null;
  @ApiProperty({ type: Number, nullable: true }) refundRatio: number | null;
  @ApiProperty() monthsOfHistory: number;
}

export class VolatilitySignalDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Coefficient of variation of monthly sales' }) value: number | null;
  @ApiProperty({ description: 'Complete months it is measured over' }) months: number;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status: (typeof SIGNAL_STATUSES)[number];
}

export class ConcentrationSignalDto {
  @ApiProperty() customers: number;
  @ApiProperty({ type: Number, nullable: true }) largestCustomerShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) top5Share: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Herfindahl–Hirschman index of customer shares (0–1)' }) hhi: number | null;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status: (typeof SIGNAL_STATUSES)[number];
}

export class AgingMixDto {
  @ApiProperty() current: number;
  @ApiProperty() days1To30: number;
  @ApiProperty() days31To60: number;
  @ApiProperty() days61To90: number;
  @ApiProperty() over90: number;
}

export class OverdueSignalDto {
  @ApiProperty() receivablesMinor: string;
  @ApiProperty({ type: Number, nullable: true }) overdueShare: number | null;
  @ApiProperty({ type: AgingMixDto, nullable: true, description: 'Shares of receivables by days past due' }) aging: AgingMixDto | null;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status: (typeof SIGNAL_STATUSES)[number];
}

export class TrustCheckDto {
  @ApiProperty({ enum: TRUST_CHECKS }) key: (typeof TRUST_CHECKS)[number];
  @ApiProperty({ enum: SIGNAL_STATUSES }) status: (typeof SIGNAL_STATUSES)[number];
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'bookkeeping_gaps: days since the latest entry' }) detail?: number | null;
}

export class TrustSignalDto {
  @ApiProperty({ type: Number, nullable: true, description: '0–100: 100 less 10 per check to watch and 30 per flagged one; null when no check applies' })
  score: number | null;
  @ApiProperty({ enum: ['high', 'medium', 'low', 'unknown'], description: 'unknown: the books have nothing to compare yet' })
  level: 'high' | 'medium' | 'low' | 'unknown';
  @ApiProperty({ type: [TrustCheckDto] }) checks: TrustCheckDto[];
}

export class PolicySignalsDto {
  @ApiProperty({ type: VolatilitySignalDto }) revenueVolatility: VolatilitySignalDto;
  @ApiProperty({ type: ConcentrationSignalDto }) concentration: ConcentrationSignalDto;
  @ApiProperty({ type: OverdueSignalDto }) overdue: OverdueSignalDto;
  @ApiProperty({ type: TrustSignalDto }) trust: TrustSignalDto;
}

export class CreditProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11-23', description: 'The day the profile is computed for (flows over the 12 months to it)' }) asOf: string;
  @ApiProperty({ type: String, format: 'date-time' }) computedAt: Date;
  @ApiProperty({ description: 'How long the computation took' }) computationMs: number;
  @ApiProperty({ enum: PROFILE_TRIGGERS }) trigger: (typeof PROFILE_TRIGGERS)[number];
  @ApiProperty({ example: 'keeper-pd-2026.11.1' }) modelVersion: string;
  @ApiProperty({ example: 596 }) score: number;
  @ApiProperty({ example: 0.0214, description: 'Probability of default within a year, as the model is calibrated' }) pd: number;
  @ApiProperty({ enum: GRADES }) grade: (typeof GRADES)[number];
  @ApiProperty({ type: DataFreshnessDto }) dataFreshness: DataFreshnessDto;
}

export class OwnerCreditProfileDto extends CreditProfileDto {
  @ApiProperty({ type: [OwnerReasonDto], description: 'What lowered the score most, largest first (at most four)' }) reasons: OwnerReasonDto[];
  @ApiProperty({ type: [CreditFactorDto], description: 'Every model ratio, most helpful first' }) factors: CreditFactorDto[];
  @ApiProperty({ type: OperatingFeaturesDto }) features: OperatingFeaturesDto;
  @ApiProperty({ type: PolicySignalsDto, description: 'Not part of the trained score: lending rules may use them' }) signals: PolicySignalsDto;
}

export class CreditProfileStatusDto {
  @ApiProperty({ description: 'Changes are waiting to be computed' }) pending: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pendingSince: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last computation (a new snapshot or none needed)' })
  lastComputedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When "recompute now" can be used again; null: now' })
  refreshAvailableAt: Date | null;
}

export class SharedWithDto {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ type: ConsentRecipientRefDto }) recipient: ConsentRecipientRefDto;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scopes: ConsentScope[];
  @ApiProperty({ description: 'The grant covers the credit profile' }) seesProfile: boolean;
  @ApiProperty({ example: '2027-02-28' }) expiresOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAccessAt: Date | null;
}

export class CreditProfileViewDto {
  @ApiProperty({ type: CreditProfileStatusDto }) status: CreditProfileStatusDto;
  @ApiProperty({ type: OwnerCreditProfileDto, nullable: true, description: 'null until the first computation' }) profile: OwnerCreditProfileDto | null;
  @ApiProperty({ type: [SharedWithDto], nullable: true, description: 'Who can read the business’s data now; null when your role may not see consents' })
  sharedWith: SharedWithDto[] | null;
  @ApiProperty({ description: 'Companies that did not go bankrupt in the data the model was trained on' }) referenceCompanies: number;
}

export class CreditHistoryQueryDto {
  @ApiPropertyOptional({ minimum: 7, maximum: 730, default: 365, description: 'How many days back' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(730)
  days?: number;
}

export class CreditHistoryPointDto {
  @ApiProperty({ example: '2026-11-23' }) day: string;
  @ApiProperty() score: number;
  @ApiProperty({ enum: GRADES }) grade: (typeof GRADES)[number];
  @ApiProperty() pd: number;
}

export class CreditHistoryDto {
  @ApiProperty({ example: '2025-11-23' }) from: string;
  @ApiProperty({ example: '2026-11-23' }) to: string;
  @ApiProperty({ type: [CreditHistoryPointDto], description: 'The last score of each day with a computation, oldest first' })
  points: CreditHistoryPointDto[];
}

export class CreditSnapshotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ enum: PROFILE_TRIGGERS }) trigger: (typeof PROFILE_TRIGGERS)[number];
  @ApiProperty() modelVersion: string;
  @ApiProperty() score: number;
  @ApiProperty() pd: number;
  @ApiProperty({ enum: GRADES }) grade: (typeof GRADES)[number];
  @ApiProperty({ type: String, nullable: true }) dataThrough: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) computedAt: Date;
  @ApiProperty() computationMs: number;
}

export class CreditSnapshotPageDto {
  @ApiProperty({ type: [CreditSnapshotDto] }) items: CreditSnapshotDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CreditSnapshotQueryDto extends PageQueryDto {}

export class LenderBusinessRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class LenderCreditProfileDto extends CreditProfileDto {
  @ApiProperty({ type: LenderBusinessRefDto }) business: LenderBusinessRefDto;
  @ApiProperty({ type: [CreditReasonDto], description: 'What lowered the score most, largest first (at most four), with the owner’s sentences' })
  reasons: CreditReasonDto[];
  @ApiProperty({ format: 'uuid', description: 'The consent grant this read was allowed under' }) grantId: string;
}
