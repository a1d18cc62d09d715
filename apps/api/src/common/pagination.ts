import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './errors';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** Keyset cursor over (created_at, id): stable under inserts, unlike offsets. */
export interface KeysetCursor {
  at: string;
  id: string;
}

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetCursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && /^\d{4}-\d{2}-\d{2}[ T][\d:.+-]+$/.test(at) && /^[0-9a-f-]{36}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this API issued', {
    fields: [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a cursor this API issued' }],
  });
}

/**
 * Cuts a page from `limit + 1` rows. `cursorAt` is the row's timestamptz as PostgreSQL's own text
 * (microsecond precision; a JS Date would round it and skip rows), and is not returned to clients.
 */
export function pageOf<T extends { id: string; cursorAt: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null;
  const items = page.map(({ cursorAt: _omit, ...rest }) => rest);
  return { items, nextCursor };
}
