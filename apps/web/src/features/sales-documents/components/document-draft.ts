import { useMemo, useState } from 'react';
import type { TaxRounding } from '@keeper/invoicing';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue, type MoneyJson } from '../../../lib/money';
import { blankLine, isBlankLine, lineInput, liveTotals, newLineKey, type EditorLine } from '../../invoices/components/editor-lines';
import type { TaxRate } from '../../taxes/api/get-tax-rates';

/** A stored line of a quote or order (the API's InvoiceLineDto shape). */
export type DocumentLine = {
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: MoneyJson;
  discountPercent: string;
  taxRateId: string | null;
};

export function linesFromDocument(lines: readonly DocumentLine[]): EditorLine[] {
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

const LINE_FIELDS = ['productId', 'description', 'quantity', 'unitPrice', 'discountPercent', 'taxRateId'] as const;

export type DraftInit = {
  contact: { id: string; name: string } | null;
  currency: string;
  notes: string;
  terms: string;
  lines: readonly DocumentLine[];
};

/**
 * The editing state every sales document shares (customer, currency, lines, notes, terms), live
 * totals from @keeper/invoicing, and the API's field errors mapped back to the rows that were sent.
 */
export function useDocumentDraft({
  init,
  taxRates,
  pricesIncludeTax,
  taxRounding,
  saveError,
  headFields,
}: {
  init: DraftInit;
  taxRates: readonly TaxRate[];
  pricesIncludeTax: boolean;
  taxRounding: TaxRounding;
  saveError: unknown;
  headFields: readonly string[];
}) {
  const defaultTaxRateId = taxRates.find((r) => r.isDefault && r.active)?.id ?? '';
  const [contact, setContact] = useState(init.contact);
  const [currency, setCurrency] = useState(init.currency);
  const [notes, setNotes] = useState(init.notes);
  const [terms, setTerms] = useState(init.terms);
  const [lines, setLines] = useState<EditorLine[]>(() => (init.lines.length ? linesFromDocument(init.lines) : [blankLine(defaultTaxRateId)]));
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [missingCustomer, setMissingCustomer] = useState(false);

  const live = useMemo(
    () => liveTotals({ currency, pricesIncludeTax, taxRounding, lines, ratePercent: (id) => taxRates.find((r) => r.id === id)?.rate }),
    [currency, pricesIncludeTax, taxRounding, lines, taxRates],
  );
  const errors = useFormErrors(saveError, [
    'contactId',
    'currency',
    'notes',
    'terms',
    'lines',
    ...headFields,
    ...sentKeys.flatMap((_, i) => LINE_FIELDS.map((f) => `lines.${i}.${f}`)),
  ]);

  /** The common part of the request body, or null (and a field error) when no customer is chosen. */
  const body = () => {
    if (!contact) {
      setMissingCustomer(true);
      return null;
    }
    const sent = lines.filter((l) => !isBlankLine(l));
    setSentKeys(sent.map((l) => l.key));
    return {
      contactId: contact.id,
      currency,
      notes,
      terms,
      lines: sent.map(lineInput),
    };
  };

  return {
    contact,
    setContact,
    currency,
    setCurrency,
    notes,
    setNotes,
    terms,
    setTerms,
    lines,
    setLines,
    live,
    errors,
    defaultTaxRateId,
    missingCustomer: missingCustomer && !contact,
    lineError: (key: string, field: string) => {
      const index = sentKeys.indexOf(key);
      return index < 0 ? undefined : errors.field(`lines.${index}.${field}`);
    },
    body,
  };
}

export type DocumentDraft = ReturnType<typeof useDocumentDraft>;
