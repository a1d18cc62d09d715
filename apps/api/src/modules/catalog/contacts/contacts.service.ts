import { Injectable } from '@nestjs/common';
import { moneyDto } from '../../../common/money.dto';
import { DomainError, FieldError, notFound, validationFailed } from '../../../common/errors';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { amountToMinor } from '../amounts';
import type { ImportMode, ImportPreviewDto, ImportResultDto } from '../catalog.dto';
import { businessBaseCurrency, exportFileName } from '../catalog.shared';
import { neutraliseFormula, writeCsv } from '../csv/csv';
import { addRowError, ImportRow, previewOf, readImport, rowErrors, rowsToImport } from '../csv/csv-import';
import { isForeignKeyViolation } from '../pg-errors';
import { sortedPage, sortOrder } from '../sorted-page';
import { CONTACT_EXPORT_COLUMNS, CONTACT_IMPORT, contactExportRow } from './contacts.csv';
import { Address, CONTACT_SORT_KEYS, ContactFilter, ContactRow, ContactsRepository, ContactValues } from './contacts.repository';
import type {
  AddressDto,
  ContactDto,
  ContactFilterDto,
  CreateContactDto,
  ListContactsQueryDto,
  UpdateContactDto,
} from './dto/contact.dto';

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** Drops empty parts; an address with no parts is no address. */
function normaliseAddress(a: AddressDto | null | undefined): Address | null | undefined {
  if (a === undefined || a === null) return a;
  const out: Address = {};
  for (const f of ADDRESS_FIELDS) if (a[f]) out[f] = a[f] as string;
  return Object.keys(out).length > 0 ? out : null;
}

export function presentContact(row: ContactRow): ContactDto {
  const { creditLimitMinor, ...rest } = row;
  return {
    ...rest,
    creditLimit: creditLimitMinor === null ? null : moneyDto(creditLimitMinor, row.currency),
    archived: row.archivedAt !== null,
  };
}

const filterOf = (f: ContactFilterDto): ContactFilter => ({
  q: f.q,
  kind: f.kind,
  archived: f.archived,
  sort: f.sort ?? 'name',
});

@Injectable()
export class ContactsService {
  constructor(
    private readonly db: Db,
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditService,
  ) {}

  list(access: BusinessAccess, q: ListContactsQueryDto) {
    const limit = q.limit ?? 25;
    const filter = filterOf(q);
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.contacts.list(t, filter, { limit, cursor: q.cursor });
      const page = sortedPage(rows, limit, sortOrder(filter.sort, CONTACT_SORT_KEYS));
      return { items: page.items.map(presentContact), nextCursor: page.nextCursor };
    });
  }

  get(access: BusinessAccess, id: string): Promise<ContactDto> {
    return this.db.tenant(access.businessId, (t) => this.load(t, id));
  }

  create(access: BusinessAccess, dto: CreateContactDto): Promise<ContactDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const { values, errors } = this.newContact(dto, await businessBaseCurrency(t));
      if (!values) throw validationFailed(errors);
      const [id] = await this.contacts.insertMany(t, [values]);
      return this.load(t, id);
    });
  }

  update(access: BusinessAccess, id: string, dto: UpdateContactDto): Promise<ContactDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const before = await this.contacts.get(t, id, { lock: true });
      if (!before) throw notFound('Contact');
      const currency = dto.currency ?? before.currency;
      const errors: FieldError[] = [];
      let creditLimitMinor: bigint | null | undefined = undefined;
      if (dto.creditLimit === null) creditLimitMinor = null;
      else if (dto.creditLimit !== undefined) {
        const parsed = amountToMinor(dto.creditLimit, currency, 'creditLimit');
        if (parsed.error) errors.push(parsed.error);
        else creditLimitMinor = parsed.minor;
      } else if (currency !== before.currency && before.creditLimitMinor !== null) {
        // The limit is an amount in the contact's currency; silently reinterpreting it would be wrong.
        errors.push({
          field: 'creditLimit',
          code: 'required',
          message: "must be restated when the currency changes (it is an amount in the contact's currency)",
        });
      }
      if (errors.length > 0) throw validationFailed(errors);
      await this.contacts.update(t, id, {
        kind: dto.kind,
        name: dto.name,
        taxId: dto.taxId,
        email: dto.email,
        phone: dto.phone,
        billingAddress: normaliseAddress(dto.billingAddress),
        shippingAddress: normaliseAddress(dto.shippingAddress),
        currency: dto.currency,
        paymentTermsDays: dto.paymentTermsDays,
        creditLimitMinor,
        notes: dto.notes,
      });
      return this.load(t, id);
    });
  }

  setArchived(access: BusinessAccess, id: string, archived: boolean): Promise<ContactDto> {
    return this.db.tenant(access.businessId, async (t) => {
      if (!(await this.contacts.get(t, id, { lock: true }))) throw notFound('Contact');
      await this.contacts.setArchived(t, id, archived);
      return this.load(t, id);
    });
  }

  /** Only a contact nothing refers to may be deleted; otherwise it is archived instead. */
  delete(access: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(access.businessId, async (t) => {
      const contact = await this.contacts.get(t, id, { lock: true });
      if (!contact) throw notFound('Contact');
      try {
        await this.contacts.delete(t, id);
      } catch (e) {
        if (isForeignKeyViolation(e)) {
          throw new DomainError('CONTACT_IN_USE', 'Documents refer to this contact, so it cannot be deleted; archive it instead');
        }
        throw e;
      }
      await this.audit.record(t, {
        action: 'contact.deleted',
        actorUserId: access.userId,
        targetType: 'contact',
        targetId: id,
        details: { name: contact.name },
      });
    });
  }

  exportCsv(access: BusinessAccess, f: ContactFilterDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.contacts.list(t, filterOf(f), { limit: null });
      const records = [CONTACT_EXPORT_COLUMNS, ...rows.map((r) => contactExportRow(r).map(neutraliseFormula))];
      return { fileName: exportFileName('contacts'), body: writeCsv(records, { bom: true }) };
    });
  }

  previewImport(access: BusinessAccess, csv: string): Promise<ImportPreviewDto> {
    return this.db.tenant(access.businessId, async (t) => previewOf((await this.readImport(t, csv)).file));
  }

  importCsv(access: BusinessAccess, csv: string, mode: ImportMode): Promise<ImportResultDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const { file, contacts } = await this.readImport(t, csv);
      const rows = rowsToImport(file.rows, mode);
      await this.contacts.insertMany(t, rows.map((r) => contacts.get(r)!));
      const result: ImportResultDto = {
        mode,
        counts: { total: file.rows.length, imported: rows.length, skipped: file.rows.length - rows.length },
        errors: rowErrors(file.rows),
      };
      await this.audit.record(t, {
        action: 'contacts.imported',
        actorUserId: access.userId,
        targetType: 'contact',
        details: { ...result.counts, mode },
      });
      return result;
    });
  }

  /** Parses and validates every row; each valid row maps to the values to insert. */
  private async readImport(t: TenantTx, csv: string) {
    const base = await businessBaseCurrency(t);
    const file = readImport(csv, CONTACT_IMPORT);
    const contacts = new Map<ImportRow<CreateContactDto>, ContactValues>();
    for (const row of file.rows) {
      if (!row.dto) continue;
      const made = this.newContact(row.dto, base);
      for (const e of made.errors) addRowError(CONTACT_IMPORT, row, e);
      if (made.values) contacts.set(row, made.values);
    }
    return { file, contacts };
  }

  private newContact(dto: CreateContactDto, baseCurrency: string): { values: ContactValues | null; errors: FieldError[] } {
    const currency = dto.currency ?? baseCurrency;
    let creditLimitMinor: bigint | null = null;
    if (dto.creditLimit) {
      const parsed = amountToMinor(dto.creditLimit, currency, 'creditLimit');
      if (parsed.error) return { values: null, errors: [parsed.error] };
      creditLimitMinor = parsed.minor;
    }
    return {
      values: {
        kind: dto.kind ?? 'customer',
        name: dto.name,
        taxId: dto.taxId ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        billingAddress: normaliseAddress(dto.billingAddress) ?? null,
        shippingAddress: normaliseAddress(dto.shippingAddress) ?? null,
        currency,
        paymentTermsDays: dto.paymentTermsDays ?? 0,
        creditLimitMinor,
        notes: dto.notes ?? null,
      },
      errors: [],
    };
  }

  private async load(t: TenantTx, id: string): Promise<ContactDto> {
    const row = await this.contacts.get(t, id);
    if (!row) throw notFound('Contact');
    return presentContact(row);
  }
}
