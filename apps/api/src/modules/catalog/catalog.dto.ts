import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** DTO pieces shared by contacts, products and tax rates. */

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** For clearable fields: an empty or blank string means "none". */
export const trimOrNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? null : t;
};
export const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/**
 * May be omitted, but not null (class-validator's IsOptional lets null through, which would reach
 * a NOT NULL column). Use IsOptional only for fields that null clears.
 */
export const OptionalNotNull = () => ValidateIf((_o: object, value: unknown) => value !== undefined);

/** A non-negative money amount in major units, as typed: "1250.50". Precision is checked per currency. */
export const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
export const AMOUNT_MESSAGE = 'must be an amount such as 1250.50 (digits, optional decimal point, no separators)';

export const FILTER_ANY = 'any';

/** Limit and cursor for sorted lists (a cursor holds the last row's sort value, so it may be long). */
export class SortedPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from the previous page's nextCursor, valid for the same sort" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Most of the 1 MB request body limit; the CSV text travels inside JSON. */
export const MAX_CSV_CHARS = 1_000_000;

export const importModeProperty = () =>
  ApiProperty({
    enum: IMPORT_MODES,
    example: 'all-or-nothing',
    description: '`all-or-nothing`: import nothing when any row has an error. `valid-only`: import the valid rows and report the others.',
  });

export const isImportMode = () => IsIn(IMPORT_MODES, { message: `must be one of ${IMPORT_MODES.join(', ')}` });

export class ImportFieldErrorDto {
  @ApiProperty({ example: 3, description: 'Row number as a spreadsheet shows it (the header is row 1)' }) row: number;
  @ApiProperty({ example: 'email', description: 'CSV column name, or "row" for a problem with the whole row' }) field: string;
  @ApiProperty({ example: 'invalid_email' }) code: string;
  @ApiProperty({ example: 'must be a valid email address' }) message: string;
}

export class ImportPreviewRowDto {
  @ApiProperty({ example: 2, description: 'Row number as a spreadsheet shows it (the header is row 1)' }) row: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The cells of the recognised columns, by column name',
  })
  values: Record<string, string>;
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: [ImportFieldErrorDto] }) errors: ImportFieldErrorDto[];
}

export class ImportPreviewCountsDto {
  @ApiProperty({ description: 'Data rows (blank rows are skipped)' }) total: number;
  @ApiProperty() valid: number;
  @ApiProperty() invalid: number;
}

export class ImportPreviewDto {
  @ApiProperty({ type: [String], description: 'Recognised columns, in file order' }) columns: string[];
  @ApiProperty({ type: [String], description: 'Header names that are not import columns; their cells are ignored' })
  ignoredColumns: string[];
  @ApiProperty({ type: [ImportPreviewRowDto] }) rows: ImportPreviewRowDto[];
  @ApiProperty({ type: ImportPreviewCountsDto }) counts: ImportPreviewCountsDto;
}

export class ImportCountsDto {
  @ApiProperty({ description: 'Data rows (blank rows are skipped)' }) total: number;
  @ApiProperty() imported: number;
  @ApiProperty({ description: 'Rows not imported because they have errors' }) skipped: number;
}

export class ImportResultDto {
  @ApiProperty({ enum: IMPORT_MODES }) mode: string;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: [ImportFieldErrorDto], description: 'Errors of the skipped rows (valid-only mode)' })
  errors: ImportFieldErrorDto[];
}
