import { createHash } from 'node:crypto';
import type { CurrencyCode } from '@keeper/money';

/** Everything printed on an invoice, loaded in one transaction so the document is consistent. */
export interface InvoicePrintout {
  /** The seller as its profile says now: address lines without the country, which is separate (a code). */
  business: {
    name: string;
    country: string | null;
    address: string[];
    taxId: string | null;
    email: string | null;
    phone: string | null;
  };
  number: string;
  status: 'issued' | 'partially_paid' | 'paid' | 'void';
  issueDate: string;
  dueDate: string;
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  customer: { name: string; taxId: string | null; address: string[] };
  lines: {
    description: string;
    quantity: string;
    unitPriceMinor: bigint;
    discountPercent: string;
    taxRatePercent: string;
    totalMinor: bigint;
  }[];
  taxes: { ratePercent: string; netMinor: bigint; taxMinor: bigint }[];
  subtotalMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  paidMinor: bigint;
  creditedMinor: bigint;
  balanceMinor: bigint;
  notes: string;
  terms: string;
}

/**
 * Bump when the layout changes: stored PDFs rendered by an older layout then count as stale and
 * are rendered again on next use.
 */
export const LAYOUT_VERSION = 2;

/**
 * What a stored rendering shows of the invoice's changing state. Lines and totals of an issued
 * invoice are frozen; its status, the amounts applied, and the business's and the customer's names
 * and addresses (printed as they are now) can change, and any change makes the stored PDF stale.
 */
export function sourceKey(p: Pick<InvoicePrintout, 'status' | 'paidMinor' | 'creditedMinor' | 'business' | 'customer'>): string {
  const parties = createHash('sha256').update(JSON.stringify([p.business, p.customer])).digest('base64url').slice(0, 16);
  return `v${LAYOUT_VERSION}:${p.status}:${p.paidMinor}:${p.creditedMinor}:${parties}`;
}

export interface PostalAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** An address as printed lines, skipping what is empty; the country by its English name. */
export function addressLines(a: PostalAddress | null | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine, a.country ? countryName(a.country) : undefined].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  );
}

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
