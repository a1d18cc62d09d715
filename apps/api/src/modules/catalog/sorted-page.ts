import { DomainError } from '../../common/errors';

/**
 * Keyset pagination that follows the list's sort: the cursor carries (sort, sort value, id) of
 * the last row, and the next page is the rows strictly after it in (sort value, id) order. Stable
 * under inserts and deletes, unlike offsets, and the id breaks ties between equal values.
 */
export interface SortKey {
  /** SQL expression over the list's table alias; must match an index for large tenants. */
  expr: string;
  type: 'text' | 'timestamptz';
}

export interface SortOrder<F extends string> {
  /** What the client sent: a field, or a field with a leading '-' for descending. */
  param: `${F}` | `-${F}`;
  key: SortKey;
  desc: boolean;
}

export function sortOrder<F extends string>(param: `${F}` | `-${F}`, keys: Record<F, SortKey>): SortOrder<F> {
  const desc = param.startsWith('-');
  const field = (desc ? param.slice(1) : param) as F;
  return { param, key: keys[field], desc };
}

/** Every sort parameter value for a set of fields, for validation and the OpenAPI enum. */
export const sortParams = <F extends string>(fields: readonly F[]) => fields.flatMap((f) => [f, `-${f}`]) as (`${F}` | `-${F}`)[];

const badCursor = () =>
  new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this API issued for this sort', {
    fields: [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a cursor this API issued for this sort' }],
  });

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T][\d:.+-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decode(cursor: string, order: SortOrder<string>): { value: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw badCursor();
  const [sort, value, id] = parsed as unknown[];
  if (sort !== order.param || typeof value !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  if (order.key.type === 'timestamptz' && !TIMESTAMP.test(value)) throw badCursor();
  return { value, id };
}

/**
 * SQL pieces for one sorted page. `alias` is the table alias whose `id` breaks ties; the two
 * parameters (null without a cursor) are numbered `firstParam` and `firstParam + 1`.
 */
export function keysetSql(order: SortOrder<string>, cursor: string | undefined, alias: string, firstParam: number) {
  const dir = order.desc ? 'DESC' : 'ASC';
  const v = `$${firstParam}`;
  const id = `$${firstParam + 1}`;
  const typed = `${v}::${order.key.type}`;
  const value = order.key.type === 'text' ? `${typed} COLLATE "C"` : typed;
  const after = cursor ? decode(cursor, order) : null;
  return {
    select: `(${order.key.expr})::text AS "cursorValue"`,
    where: `(${typed} IS NULL OR ((${order.key.expr}), ${alias}.id) ${order.desc ? '<' : '>'} (${value}, ${id}::uuid))`,
    orderBy: `${order.key.expr} ${dir}, ${alias}.id ${dir}`,
    params: [after?.value ?? null, after?.id ?? null],
  };
}

/** Cuts a page from `limit + 1` rows and encodes the cursor after the last one. */
export function sortedPage<T extends { id: string; cursorValue: string }>(rows: T[], limit: number, order: SortOrder<string>) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify([order.param, last.cursorValue, last.id])).toString('base64url') : null;
  return { items: page.map(({ cursorValue: _omit, ...rest }) => rest), nextCursor };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" and not everything. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
