import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_STATUS } from './errors';

export class FieldErrorDto {
  @ApiProperty({ example: 'password' }) field: string;
  @ApiProperty({ example: 'too_short' }) code: string;
  @ApiProperty({ example: 'must be at least 12 characters' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { open: '20.00 CNY', invoice: 'INV-00042', on: '2026-03-01', variant: 'dated' },
    description: 'Values in the message (amounts, dates, numbers) for wording it in another language; `variant` names a wording of the code',
  })
  params?: Record<string, string>;
}

export class ErrorDetailDto {
  @ApiProperty({ enum: Object.keys(ERROR_STATUS), example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'password: must be at least 12 characters' }) message: string;
  @ApiProperty({ example: 'c0a8e2c4-5d1b-4c4e-9e53-1d7f0a2b3c4d' }) requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) fields?: FieldErrorDto[];
  @ApiPropertyOptional({ example: 60 }) retryAfterSeconds?: number;
}

export class ErrorBodyDto {
  @ApiProperty({ type: ErrorDetailDto }) error: ErrorDetailDto;
}
