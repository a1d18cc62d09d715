import { minorToAmount } from '../amounts';
import { ImportColumn, ImportSchema, parseInteger } from '../csv/csv-import';
import type { ContactRow } from './contacts.repository';
import { CreateContactDto } from './dto/contact.dto';

const lower = (cell: string) => cell.toLowerCase();

const address = (prefix: 'billing' | 'shipping'): ImportColumn[] =>
  (
    [
      ['line1', 'line1'],
      ['line2', 'line2'],
      ['city', 'city'],
      ['region', 'region'],
      ['postal_code', 'postalCode'],
      ['country', 'country'],
    ] as const
  ).map(([column, field]) => ({ name: `${prefix}_${column}`, path: `${prefix}Address.${field}` }));

/** The CSV columns of contacts; import and export use the same names (documented on the DTO). */
export const CONTACT_IMPORT: ImportSchema<CreateContactDto> = {
  dto: CreateContactDto,
  required: ['name'],
  columns: [
    { name: 'name', path: 'name' },
    { name: 'kind', path: 'kind', parse: lower },
    { name: 'email', path: 'email' },
    { name: 'phone', path: 'phone' },
    { name: 'tax_id', path: 'taxId' },
    { name: 'currency', path: 'currency' },
    { name: 'payment_terms_days', path: 'paymentTermsDays', parse: parseInteger },
    { name: 'credit_limit', path: 'creditLimit' },
    { name: 'notes', path: 'notes' },
    ...address('billing'),
    ...address('shipping'),
  ],
};

/** Export adds what an import cannot set; an import of an export ignores those columns. */
export const CONTACT_EXPORT_COLUMNS = [...CONTACT_IMPORT.columns.map((c) => c.name), 'archived', 'created_at'];

export function contactExportRow(c: ContactRow): string[] {
  const addr = (a: ContactRow['billingAddress']) => [
    a?.line1 ?? '',
    a?.line2 ?? '',
    a?.city ?? '',
    a?.region ?? '',
    a?.postalCode ?? '',
    a?.country ?? '',
  ];
  return [
    c.name,
    c.kind,
    c.email ?? '',
    c.phone ?? '',
    c.taxId ?? '',
    c.currency,
    String(c.paymentTermsDays),
    c.creditLimitMinor === null ? '' : minorToAmount(c.creditLimitMinor, c.currency),
    c.notes ?? '',
    ...addr(c.billingAddress),
    ...addr(c.shippingAddress),
    c.archivedAt ? 'true' : 'false',
    c.createdAt.toISOString(),
  ];
}
