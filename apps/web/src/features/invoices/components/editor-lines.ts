import { useMemo } from 'react';
import { computeTotals, type DocumentTotals, type TaxRounding } from '@keeper/invoicing';
import { isCurrency, parseDecimal } from '@keeper/money';
import { moneyInputValue, parseAmountMinor, type MoneyJson } from '../../../lib/money';
import { useFormErrors } from '../../../lib/error-message';

/** One row of the invoice editor, as typed: every number is still the text in its cell. */
export type EditorLine = {
  key: string;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  /** '' = no tax. */
  taxRateId: string;
  /** Purchase documents: the picked product is stocked (received into inventory, so it takes no account). */
  stocked?: boolean;
  /** Purchase documents: the account a line that is not stocked is booked to ('' = the default). */
  accountId?: string;
  /** Bills: the purchase order line this line bills. */
  purchaseOrderLineId?: string | null;
  /** A short note shown under the description, e.g. the order a line comes from. */
  note?: string;
};

let nextKey = 0;
export const newLineKey = () => `line-${++nextKey}`;

export function blankLine(taxRateId = ''): EditorLine {
  return { key: newLineKey(), productId: null, description: '', quantity: '1', unitPrice: '', discountPercent: '', taxRateId };
}

/** A row nobody has typed into; it is neither saved nor counted. */
export function isBlankLine(line: EditorLine): boolean {
  return !line.description.trim() && !line.unitPrice.trim() && !line.productId;
}

/** A written row as the API takes it. */
export function lineInput(l: EditorLine) {
  return {
    ...(l.productId ? { productId: l.productId } : {}),
    description: l.description.trim(),
    quantity: l.quantity.trim(),
    // An empty price is sent as absent, so the API names the field rather than pricing it at 0.
    ...(l.unitPrice.trim() ? { unitPrice: l.unitPrice.trim() } : {}),
    discountPercent: l.discountPercent.trim() || '0',
    taxRateId: l.taxRateId || null,
  };
}

/** Editor rows from saved lines (an invoice's, with its price as money). */
export function editorLinesFrom(
  lines: readonly { productId: string | null; description: string; quantity: string; unitPrice: MoneyJson; discountPercent: string; taxRateId: string | null }[],
): EditorLine[] {
  return lines.map((l) => ({
    key: newLineKey(),
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: moneyInputValue(l.unitPrice),
    discountPercent: l.discountPercent === '0' ? '' : l.discountPercent,
    taxRateId: l.taxRateId ?? '',
  }));
}

/** The rows to send, as the API's line input, with their editor keys (to place the API's field errors back on rows). */
export function linesToSend(lines: readonly EditorLine[]) {
  const sent = lines.filter((l) => !isBlankLine(l));
  return {
    keys: sent.map((l) => l.key),
    lines: sent.map(lineInput),
  };
}

const LINE_FIELDS = ['productId', 'description', 'quantity', 'unitPrice', 'discountPercent', 'taxRateId'] as const;

/**
 * The API's field errors for a form with a lines editor: head fields by name, and line errors
 * ("lines.2.unitPrice") placed back on the row that was sent at that index.
 */
export function useLinesFormErrors(error: unknown, headFields: readonly string[], sentKeys: readonly string[]) {
  const errors = useFormErrors(error, [...headFields, ...sentKeys.flatMap((_, i) => LINE_FIELDS.map((f) => `lines.${i}.${f}`))]);
  const lineError = (key: string, field: string) => {
    const index = sentKeys.indexOf(key);
    return index < 0 ? undefined : errors.field(`lines.${index}.${field}`);
  };
  return { ...errors, lineError };
}

const QUANTITY = /^\d+(\.\d{1,4})?$/;
const PERCENT = /^\d+(\.\d{1,4})?$/;

function atMostHundred(percent: string): boolean {
  const d = parseDecimal(percent);
  return d.coefficient <= 100n * 10n ** BigInt(d.scale);
}

export type LiveTotals = {
  totals: DocumentTotals | null;
  /** Editor row index → its index in totals.lines. */
  included: Map<number, number>;
  /** Rows that have text the money code cannot read yet. */
  unreadable: Set<number>;
};

/**
 * Totals of the rows that can be read, computed by the same `computeTotals` the API uses, so
 * what the editor shows is what the saved invoice will say.
 */
export function liveTotals(input: {
  currency: string;
  pricesIncludeTax: boolean;
  taxRounding: TaxRounding;
  lines: readonly EditorLine[];
  ratePercent: (taxRateId: string) => string | undefined;
}): LiveTotals {
  const included = new Map<number, number>();
  const unreadable = new Set<number>();
  if (!isCurrency(input.currency)) return { totals: null, included, unreadable };
  const docLines: { quantity: string; unitPriceMinor: bigint; discountPercent: string; taxRatePercent: string }[] = [];
  input.lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    const quantity = line.quantity.trim();
    const unitPriceMinor = parseAmountMinor(line.unitPrice, input.currency);
    const discount = line.discountPercent.trim() || '0';
    const rate = line.taxRateId ? input.ratePercent(line.taxRateId) : '0';
    const quantityOk = QUANTITY.test(quantity) && /[1-9]/.test(quantity);
    const discountOk = PERCENT.test(discount) && atMostHundred(discount);
    if (!quantityOk || unitPriceMinor === null || unitPriceMinor < 0n || !discountOk || rate === undefined) {
      unreadable.add(index);
      return;
    }
    included.set(index, docLines.length);
    docLines.push({ quantity, unitPriceMinor, discountPercent: discount, taxRatePercent: rate });
  });
  try {
    const totals = computeTotals({
      currency: input.currency,
      pricesIncludeTax: input.pricesIncludeTax,
      taxRounding: input.taxRounding,
      lines: docLines,
    });
    return { totals, included, unreadable };
  } catch {
    return { totals: null, included, unreadable };
  }
}

/** `liveTotals` for an editor, recomputed when the lines, currency, tax rules or rates change. */
export function useLiveTotals(input: {
  currency: string;
  pricesIncludeTax: boolean;
  taxRounding: TaxRounding;
  lines: readonly EditorLine[];
  taxRates: readonly { id: string; rate: string }[];
}): LiveTotals {
  const { currency, pricesIncludeTax, taxRounding, lines, taxRates } = input;
  return useMemo(
    () => liveTotals({ currency, pricesIncludeTax, taxRounding, lines, ratePercent: (id) => taxRates.find((r) => r.id === id)?.rate }),
    [currency, pricesIncludeTax, taxRounding, lines, taxRates],
  );
}

/** Adds days to an ISO date (YYYY-MM-DD) on the calendar, without time zones. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
