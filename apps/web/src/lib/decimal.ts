const DECIMAL = /^\d+(\.\d+)?$/;

/** Whether text is a plain non-negative decimal ("12", "0.5"), the form amounts and quantities take. */
export const isDecimal = (text: string): boolean => DECIMAL.test(text.trim());

/** Compares two non-negative decimal strings exactly, without floats (-1, 0 or 1). */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.trim().split('.');
  const [bi = '0', bf = ''] = b.trim().split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt((ai.replace(/^0+/, '') || '0') + af.padEnd(width, '0'));
  const y = BigInt((bi.replace(/^0+/, '') || '0') + bf.padEnd(width, '0'));
  return x === y ? 0 : x > y ? 1 : -1;
}
