import { Injectable } from '@nestjs/common';
import { DomainError, notFound, validationFailed } from '../../../common/errors';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../pg-errors';
import type { CreateTaxRateDto, ListTaxRatesQueryDto, TaxRateDto, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRateRow, TaxRatesRepository } from './tax-rates.repository';

/** "13.0000" → "13", "8.2500" → "8.25": the rate as a person writes it. */
export const plainRate = (rate: string) => (rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate);

export const presentTaxRate = (row: TaxRateRow): TaxRateDto => ({ ...row, rate: plainRate(row.rate) });

const nameTaken = () =>
  new DomainError('TAX_RATE_NAME_TAKEN', 'An active tax rate already has this name', {
    fields: [{ field: 'name', code: 'taken', message: 'is already the name of an active tax rate' }],
  });

@Injectable()
export class TaxRatesService {
  constructor(
    private readonly db: Db,
    private readonly rates: TaxRatesRepository,
    private readonly audit: AuditService,
  ) {}

  list(access: BusinessAccess, q: ListTaxRatesQueryDto) {
    return this.db.tenant(access.businessId, async (t) => ({
      items: (await this.rates.list(t, q.active ?? 'true')).map(presentTaxRate),
    }));
  }

  get(access: BusinessAccess, id: string): Promise<TaxRateDto> {
    return this.db.tenant(access.businessId, (t) => this.load(t, id));
  }

  /** The first rate of a business becomes its default unless the caller says otherwise. */
  create(access: BusinessAccess, dto: CreateTaxRateDto): Promise<TaxRateDto> {
    return this.db.tenant(access.businessId, async (t) => {
      await this.rates.lockDefault(t);
      const isDefault = dto.isDefault ?? (await this.rates.getDefault(t)) === null;
      if (isDefault) await this.rates.clearDefault(t);
      const id = await this.writing(() => this.rates.insert(t, { name: dto.name, rate: dto.rate, isDefault }));
      const created = await this.load(t, id);
      await this.audit.record(t, {
        action: 'tax_rate.created',
        actorUserId: access.userId,
        targetType: 'tax_rate',
        targetId: id,
        details: { name: created.name, rate: created.rate, isDefault },
      });
      return created;
    });
  }

  update(access: BusinessAccess, id: string, dto: UpdateTaxRateDto): Promise<TaxRateDto> {
    return this.db.tenant(access.businessId, async (t) => {
      await this.rates.lockDefault(t);
      const before = await this.rates.get(t, id, { lock: true });
      if (!before) throw notFound('Tax rate');
      if (dto.isDefault === true && !before.active) {
        throw validationFailed([
          { field: 'isDefault', code: 'inactive', message: 'an inactive rate cannot be the default; activate it first' },
        ]);
      }
      if (dto.isDefault === true && !before.isDefault) await this.rates.clearDefault(t);
      await this.writing(() => this.rates.update(t, id, dto));
      const after = await this.load(t, id);
      const was = presentTaxRate(before);
      const changed = Object.fromEntries(
        (['name', 'rate', 'isDefault'] as const)
          .filter((k) => was[k] !== after[k])
          .map((k) => [k, { from: was[k], to: after[k] }]),
      );
      if (Object.keys(changed).length > 0) {
        await this.audit.record(t, {
          action: 'tax_rate.updated',
          actorUserId: access.userId,
          targetType: 'tax_rate',
          targetId: id,
          details: changed,
        });
      }
      return after;
    });
  }

  /**
   * Inactive rates are no longer offered; products and documents that use one keep it. A
   * deactivated default stops being the default.
   */
  setActive(access: BusinessAccess, id: string, active: boolean): Promise<TaxRateDto> {
    return this.db.tenant(access.businessId, async (t) => {
      await this.rates.lockDefault(t);
      const before = await this.rates.get(t, id, { lock: true });
      if (!before) throw notFound('Tax rate');
      if (before.active === active) return presentTaxRate(before);
      await this.writing(() => this.rates.update(t, id, active ? { active } : { active, isDefault: false }));
      await this.audit.record(t, {
        action: active ? 'tax_rate.activated' : 'tax_rate.deactivated',
        actorUserId: access.userId,
        targetType: 'tax_rate',
        targetId: id,
        details: { name: before.name, wasDefault: before.isDefault },
      });
      return this.load(t, id);
    });
  }

  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e, 'tax_rates_active_name')) throw nameTaken();
      throw e;
    }
  }

  private async load(t: TenantTx, id: string): Promise<TaxRateDto> {
    const row = await this.rates.get(t, id);
    if (!row) throw notFound('Tax rate');
    return presentTaxRate(row);
  }
}
