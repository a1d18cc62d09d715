import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { ACCOUNT_TYPES } from '../chart';
import { isIsoDate } from '../posting';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A calendar date written YYYY-MM-DD. */
export const IsCalendarDate = (options?: ValidationOptions) => (object: object, propertyName: string) =>
  registerDecorator({
    name: 'isCalendarDate',
    target: object.constructor,
    propertyName,
    options: { message: 'must be a date such as 2025-01-31', ...options },
    validator: { validate: isIsoDate },
  });

/** A short reference to an account inside entries and reports. */
export class AccountRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1100' }) code: string;
  @ApiProperty({ example: 'Accounts receivable' }) name: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type: string;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
