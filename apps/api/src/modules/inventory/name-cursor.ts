import { DomainError } from '../../common/errors';

/** Keyset cursors of lists sorted by a name: the last row's lower-cased name and id. */

const badCursor = () =>
  new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this API issued', {
    fields: [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a cursor this API issued' }],
  });

export function encodeNameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

export function decodeNameCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  } catch {
    // fall through
  }
  throw badCursor();
}

/** Cursors of lists in movement order (the stock card): the last row's sequence number. */
export function encodeSeqCursor(seq: string): string {
  return Buffer.from(JSON.stringify(['seq', seq])).toString('base64url');
}

export function decodeSeqCursor(cursor: string): string {
  try {
    const [tag, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (tag === 'seq' && typeof seq === 'string' && /^\d{1,19}$/.test(seq)) return seq;
  } catch {
    // fall through
  }
  throw badCursor();
}
