import { computeTotals, type DocumentTotals } from '@keeper/invoicing';
import { MoneyError, parseMoney, type CurrencyCode } from '@keeper/money';
import { validationFailed, type FieldError } from '../../common/errors';
import { trimZeros } from '../../common/decimal';
import { moneyDto } from '../../common/money.dto';
import type { TenantTx } from '../../db/db';
import type { InvoiceLineInputDto } from './dto/invoice.dto';

/**
 * What invoices, quotes and sales orders share: customer checks, line defaults from the product
 * (price, tax rate, description) and totals from @keeper/invoicing under the business's tax rules.
 */

export interface LineRow {
  productId: string | null;
  description: string;
  quantity: string;
  unitPriceMinor: bigint;
  discountPercent: string;
  taxRateId: string | null;
  taxRatePercent: string;
}

/** A line as stored by any sales document (invoice_lines, quote_lines, sales_order_lines). */
export interface StoredLine extends Omit<LineRow, 'unitPriceMinor'> {
  id: string;
  lineNo: number;
  unitPriceMinor: string;
  discountMinor: string;
  netMinor: string;
  taxMinor: string;
  totalMinor: string;
}

export interface BusinessTaxRules {
  baseCurrency: CurrencyCode;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  today: string;
}

export async function businessTaxRules(t: TenantTx): Promise<BusinessTaxRules> {
  const [business] = await t.query<BusinessTaxRules>(
    `SELECT base_currency AS "baseCurrency", prices_include_tax AS "pricesIncludeTax", tax_rounding AS "taxRounding",
            (now() AT TIME ZONE timezone)::date::text AS today
       FROM businesses WHERE id = $1`,
    [t.businessId],
  );
  return business;
}

export interface CustomerRow {
  name: string;
  currency: string | null;
  paymentTermsDays: number;
}

/** The customer of a sales document; problems are pushed to `fields` under `contactId`. */
export async function checkCustomer(t: TenantTx, contactId: string, fields: FieldError[]): Promise<CustomerRow | undefined> {
  const [contact] = await t.query<CustomerRow & { kind: string; archivedAt: Date | null }>(
    `SELECT name, currency, payment_terms_days AS "paymentTermsDays", kind, archived_at AS "archivedAt"
       FROM contacts WHERE business_id = $1 AND id = $2`,
    [t.businessId, contactId],
  );
  if (!contact) fields.push({ field: 'contactId', code: 'not_found', message: 'is not a customer of this business' });
  else if (contact.kind === 'supplier') {
    fields.push({ field: 'contactId', code: 'not_a_customer', message: 'is a supplier, not a customer' });
  } else if (contact.archivedAt) {
    fields.push({ field: 'contactId', code: 'archived', message: 'is archived; unarchive the customer first' });
  }
  return contact;
}

/**
 * Resolves each input line against its product (description, price in the document's currency,
 * tax rate) and the tax rates. Problems are pushed to `fields` as lines.N.field.
 */
export async function prepareLines(
  t: TenantTx,
  input: readonly InvoiceLineInputDto[],
  currency: CurrencyCode,
  fields: FieldError[],
  opts: { documentName: string } = { documentName: 'invoices' },
): Promise<LineRow[]> {
  const lines: LineRow[] = [];
  for (const [i, l] of input.entries()) {
    const at = (f: string) => `lines.${i}.${f}`;
    const product = l.productId
      ? (
          await t.query(
            `SELECT name, sales_price_minor::text AS "priceMinor", currency, tax_rate_id AS "taxRateId", active
               FROM products WHERE business_id = $1 AND id = $2`,
            [t.businessId, l.productId],
          )
        )[0]
      : undefined;
    if (l.productId && !product) fields.push({ field: at('productId'), code: 'not_found', message: 'is not a product of this business' });
    else if (product && !product.active) {
      fields.push({ field: at('productId'), code: 'inactive', message: 'is deactivated; activate the product first' });
    }

    let unitPriceMinor = 0n;
    if (l.unitPrice !== undefined) {
      try {
        unitPriceMinor = parseMoney(l.unitPrice, currency).amountMinor;
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
        fields.push({ field: at('unitPrice'), code: 'invalid_amount', message: `has more decimals than ${currency} allows` });
      }
    } else if (product && currency === product.currency) {
      unitPriceMinor = BigInt(product.priceMinor ?? 0);
    } else {
      fields.push({
        field: at('unitPrice'),
        code: 'required',
        message: product
          ? `is required for ${currency} ${opts.documentName} (the product is priced in ${product.currency})`
          : 'is required',
      });
    }

    const taxRateId = l.taxRateId === undefined ? (product?.taxRateId ?? null) : l.taxRateId;
    let taxRatePercent = '0';
    if (taxRateId) {
      const [rate] = await t.query(`SELECT rate::text AS rate FROM tax_rates WHERE business_id = $1 AND id = $2`, [
        t.businessId,
        taxRateId,
      ]);
      if (!rate) fields.push({ field: at('taxRateId'), code: 'not_found', message: 'is not a tax rate of this business' });
      else taxRatePercent = trimZeros(rate.rate);
    }
    const description = l.description ?? product?.name;
    if (!description) fields.push({ field: at('description'), code: 'required', message: 'is required' });
    lines.push({
      productId: l.productId ?? null,
      description: description ?? '',
      quantity: l.quantity,
      unitPriceMinor,
      discountPercent: l.discountPercent ?? '0',
      taxRateId,
      taxRatePercent,
    });
  }
  return lines;
}

/** Totals by @keeper/invoicing; its refusals become field errors. */
export function documentTotals(
  currency: CurrencyCode,
  rules: Pick<BusinessTaxRules, 'pricesIncludeTax' | 'taxRounding'>,
  lines: readonly LineRow[],
): DocumentTotals {
  try {
    return computeTotals({ currency, pricesIncludeTax: rules.pricesIncludeTax, taxRounding: rules.taxRounding, lines });
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
    const [field, ...rest] = e.message.split(' ');
    throw validationFailed([{ field, code: 'invalid', message: rest.join(' ') }]);
  }
}

/** Writes a document's lines (after removing the old ones) with the per-line amounts of `totals`. */
export async function replaceDocumentLines(
  t: TenantTx,
  target: { table: 'invoice_lines' | 'quote_lines' | 'sales_order_lines'; parentColumn: 'invoice_id' | 'quote_id' | 'order_id' },
  parentId: string,
  lines: readonly LineRow[],
  totals: DocumentTotals,
): Promise<void> {
  const { table, parentColumn } = target;
  await t.execute(`DELETE FROM ${table} WHERE business_id = $1 AND ${parentColumn} = $2`, [t.businessId, parentId]);
  for (const [i, line] of lines.entries()) {
    const tl = totals.lines[i];
    await t.execute(
      `INSERT INTO ${table} (business_id, ${parentColumn}, line_no, product_id, description, quantity,
         unit_price_minor, discount_percent, tax_rate_id, tax_rate_percent, discount_minor, net_minor, tax_minor, total_minor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        t.businessId, parentId, i + 1, line.productId, line.description, line.quantity, line.unitPriceMinor,
        line.discountPercent, line.taxRateId, line.taxRatePercent, tl.discountMinor, tl.netMinor, tl.taxMinor, tl.totalMinor,
      ],
    );
  }
}

/** Columns of a stored line, for SELECTs from any of the line tables (aliased `l`). */
export const STORED_LINE_COLUMNS = `l.id, l.line_no AS "lineNo", l.product_id AS "productId", l.description,
  l.quantity::text AS quantity, l.unit_price_minor::text AS "unitPriceMinor", l.discount_percent::text AS "discountPercent",
  l.tax_rate_id AS "taxRateId", l.tax_rate_percent::text AS "taxRatePercent", l.discount_minor::text AS "discountMinor",
  l.net_minor::text AS "netMinor", l.tax_minor::text AS "taxMinor", l.total_minor::text AS "totalMinor"`;

/** A stored line as the API shows it (InvoiceLineDto's shape). */
export function presentLine(l: StoredLine, currency: string) {
  const m = (minor: string) => moneyDto(minor, currency);
  return {
    id: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    description: l.description,
    quantity: trimZeros(l.quantity),
    unitPrice: m(l.unitPriceMinor),
    discountPercent: trimZeros(l.discountPercent),
    taxRateId: l.taxRateId,
    taxRatePercent: trimZeros(l.taxRatePercent),
    discount: m(l.discountMinor),
    net: m(l.netMinor),
    tax: m(l.taxMinor),
    total: m(l.totalMinor),
  };
}

/** The tax breakdown of stored lines, recomputed under the document's own stored rules. */
export function taxBreakdown(
  lines: readonly StoredLine[],
  doc: { currency: CurrencyCode; pricesIncludeTax: boolean; taxRounding: 'line' | 'document' },
) {
  const totals = computeTotals({
    currency: doc.currency,
    pricesIncludeTax: doc.pricesIncludeTax,
    taxRounding: doc.taxRounding,
    lines: lines.map((l) => ({ ...l, unitPriceMinor: BigInt(l.unitPriceMinor) })),
  });
  return totals.taxes.map((g) => ({ ratePercent: g.ratePercent, net: moneyDto(g.netMinor, doc.currency), tax: moneyDto(g.taxMinor, doc.currency) }));
}
