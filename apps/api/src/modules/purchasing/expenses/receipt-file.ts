import { DomainError } from '../../../common/errors';

/** Receipt files: a photo or a PDF of what was paid, at most 5 MiB (also the database's CHECK). */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;
export const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

const NAMES: Record<ReceiptType, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'application/pdf': 'a PDF',
};
const EXTENSIONS: Record<ReceiptType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

/** What the bytes are, by their signature, whatever the request claimed. */
export function sniffReceiptType(b: Buffer): ReceiptType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** The declared media type without parameters, lower-cased ("image/PNG; q=1" → "image/png"). */
export const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

export const isReceiptType = (t: string): t is ReceiptType => (RECEIPT_TYPES as readonly string[]).includes(t);

/**
 * Checks an uploaded receipt: a supported type, not empty, within the size limit, and bytes that
 * really are what the Content-Type says (so a renamed executable is never served back as an image).
 */
export function checkReceipt(body: unknown, contentType: string | undefined): { content: Buffer; type: ReceiptType } {
  const type = mediaType(contentType);
  if (!isReceiptType(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'A receipt must be a JPEG, PNG or WebP image or a PDF; send it with its Content-Type');
  }
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'file: is empty', { fields: [{ field: 'file', code: 'empty', message: 'is empty' }] });
  }
  if (body.length > RECEIPT_MAX_BYTES) throw tooLarge();
  const actual = sniffReceiptType(body);
  if (actual !== type) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file is not ${NAMES[type]}${actual ? `; it looks like ${NAMES[actual]}` : ''}. Upload a JPEG, PNG or WebP image or a PDF.`,
    );
  }
  return { content: body, type };
}

export const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', `A receipt can be at most ${RECEIPT_MAX_BYTES / 1024 / 1024} MB`);

/** A safe file name to keep and offer back: no path, no control characters, the right extension. */
export function receiptFileName(given: string | undefined, type: ReceiptType): string {
  const base = [...((given ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim()
    .slice(0, 150);
  const ext = EXTENSIONS[type];
  if (!base) return `receipt.${ext}`;
  return /\.[A-Za-z0-9]{1,5}$/.test(base) ? base : `${base}.${ext}`;
}
