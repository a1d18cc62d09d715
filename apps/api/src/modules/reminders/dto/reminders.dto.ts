import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { InvoiceContactDto } from '../../invoices/dto/invoice.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const PLACEHOLDERS = ['{customer}', '{business}', '{number}', '{amount}', '{dueDate}', '{days}', '{link}'] as const;
const placeholderHelp = `Placeholders: ${PLACEHOLDERS.join(' ')} ({days} = days overdue, or days until due)`;

export class ReminderSettingsDto {
  @ApiProperty({ description: 'Send reminders for this business' })
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ type: [Number], example: [-3, 1, 7, 14], description: 'Days relative to the due date; negative = before it' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'may hold at most 20 offsets' })
  @IsInt({ each: true, message: 'must be whole numbers of days' })
  @Min(-365, { each: true, message: 'must be at most 365 days before the due date' })
  @Max(365, { each: true, message: 'must be at most 365 days after the due date' })
  offsets: number[];

  @ApiProperty({ example: 'Reminder: invoice {number} is due {dueDate}', description: placeholderHelp })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(300)
  subjectEn: string;

  @ApiProperty({ description: placeholderHelp })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(5000)
  bodyEn: string;

  @ApiProperty({ example: '提醒：发票 {number} 到期日 {dueDate}', description: placeholderHelp })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(300)
  subjectZh: string;

  @ApiProperty({ description: placeholderHelp })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(5000)
  bodyZh: string;
}

export class ReminderInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'INV-00042' })
  number: string | null;
}

export class ReminderSentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: ReminderInvoiceDto })
  invoice: ReminderInvoiceDto;

  @ApiProperty({ type: InvoiceContactDto, description: 'The customer the reminder was about' })
  contact: InvoiceContactDto;

  @ApiProperty({ example: 7, description: 'Days relative to the due date' })
  offsetDays: number;

  @ApiProperty({ example: '2026-12-01', description: 'The due date the reminder was about' })
  dueDate: string;

  @ApiProperty()
  toEmail: string;

  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: Date;
}

export class ReminderHistoryDto {
  @ApiProperty({ type: [ReminderSentDto] })
  items: ReminderSentDto[];
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderSentDto] })
  items: ReminderSentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ReminderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an invoice id' })
  invoiceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  contactId?: string;
}
