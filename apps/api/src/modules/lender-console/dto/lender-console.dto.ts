import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { CONSENT_PURPOSES, CONSENT_SCOPES, type ConsentPurpose, type ConsentScope } from '../../consent/consent.types';

export class LenderBusinessesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Your lender organisation; needed only when you belong to several' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a lender organisation id' })
  organisationId?: string;
}

export class LenderRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class LenderGrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scopes: ConsentScope[];
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: ConsentPurpose;
  @ApiProperty() purposeNote: string;
  @ApiProperty({ description: 'How many months back you may read' }) lookbackMonths: number;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ example: '2027-02-28', description: "The last day of sharing, in the business's timezone" }) expiresOn: string;
}

export class LenderBusinessDto {
  @ApiProperty({ type: LenderRefDto }) business: LenderRefDto;
  @ApiProperty({ type: LenderGrantDto }) grant: LenderGrantDto;
}

export class LenderBusinessPageDto {
  @ApiProperty({ type: LenderRefDto, description: 'The lender organisation these grants are to' }) organisation: LenderRefDto;
  @ApiProperty({ type: [LenderBusinessDto] }) items: LenderBusinessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
