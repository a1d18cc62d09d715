import { checkReceipt, receiptFileName, RECEIPT_MAX_BYTES, sniffReceiptType } from './receipt-file';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('receipt files', () => {
  it('recognises images and PDFs by their bytes', () => {
    expect(sniffReceiptType(png)).toBe('image/png');
    expect(sniffReceiptType(jpeg)).toBe('image/jpeg');
    expect(sniffReceiptType(pdf)).toBe('application/pdf');
    expect(sniffReceiptType(webp)).toBe('image/webp');
    expect(sniffReceiptType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffReceiptType(Buffer.from('RIFF\x00\x00\x00\x00WAVE'))).toBeNull();
  });

  it('accepts a file whose bytes match its Content-Type (parameters and case aside)', () => {
    expect(checkReceipt(png, 'image/PNG; charset=binary').type).toBe('image/png');
    expect(checkReceipt(pdf, 'application/pdf').content).toBe(pdf);
  });

  it('refuses unsupported types, mislabelled bytes, empty and oversized files', () => {
    expect(() => checkReceipt(png, 'text/html')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => checkReceipt(pdf, 'image/png')).toThrow(/not a PNG image; it looks like a PDF/);
    expect(() => checkReceipt(Buffer.from('<svg/>'), 'image/jpeg')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => checkReceipt(Buffer.alloc(0), 'image/png')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => checkReceipt({}, 'image/png')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const big = Buffer.concat([png, Buffer.alloc(RECEIPT_MAX_BYTES)]);
    expect(() => checkReceipt(big, 'image/png')).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });

  it('keeps a safe file name with the right extension', () => {
    expect(receiptFileName('C:\\Users\\me\\taxi.jpg', 'image/jpeg')).toBe('taxi.jpg');
    expect(receiptFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(receiptFileName('收据 "3"', 'image/png')).toBe('收据 3.png');
    expect(receiptFileName(undefined, 'image/webp')).toBe('receipt.webp');
    expect(receiptFileName('\x00\x01', 'image/png')).toBe('receipt.png');
  });
});
