import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, forbidden, notFound } from '../../common/errors';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import { canManageRole, Role, ROLE_PERMISSIONS } from '../access/permissions';
import type { BusinessAccess, Principal } from '../access/principal';
import type { BusinessDto, CreateBusinessDto, UpdateBusinessDto } from './dto/business.dto';
import { MembershipsRepository } from './memberships.repository';
import { LedgerService } from '../ledger/ledger.service';
import { StockService } from '../inventory/stock.service';

const BUSINESS_COLUMNS = `id, name, base_currency AS "baseCurrency", country, timezone,
  prices_include_tax AS "pricesIncludeTax", tax_rounding AS "taxRounding", address_line1 AS "addressLine1",
  address_line2 AS "addressLine2", city, region, postal_code AS "postalCode", tax_id AS "taxId", email, phone,
  created_at AS "createdAt"`;

/** Column of each field a PATCH may change (null, where the DTO lets it through, clears the field). */
const UPDATABLE: Record<keyof UpdateBusinessDto, string> = {
  name: 'name',
  country: 'country',
  timezone: 'timezone',
  pricesIncludeTax: 'prices_include_tax',
  taxRounding: 'tax_rounding',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  taxId: 'tax_id',
  email: 'email',
  phone: 'phone',
};

/** The business as its member sees it: with their role and what that role may do. */
const asMember = (row: Omit<BusinessDto, 'role' | 'permissions'>, role: Role): BusinessDto => ({
  ...row,
  role,
  permissions: [...ROLE_PERMISSIONS[role]],
});

@Injectable()
export class BusinessesService {
  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsRepository,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly stock: StockService,
  ) {}

  /** The creator becomes the first owner. */
  async create(principal: Principal, dto: CreateBusinessDto): Promise<BusinessDto> {
    const id = randomUUID();
    return this.db.tenant(
      id,
      async (t) => {
        const [row] = await t.query(
          `INSERT INTO businesses (id, name, base_currency, country, timezone, created_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${BUSINESS_COLUMNS}`,
          [id, dto.name, dto.baseCurrency, dto.country ?? null, dto.timezone ?? 'UTC', principal.userId],
        );
        await this.memberships.insert(t, principal.userId, 'owner');
        await this.ledger.ensureDefaultChart(t);
        await this.stock.ensureDefaults(t);
        await this.audit.record(t, {
          action: 'business.created',
          actorUserId: principal.userId,
          targetType: 'business',
          targetId: id,
          details: { name: dto.name, baseCurrency: dto.baseCurrency },
        });
        return asMember(row, 'owner');
      },
      { userId: principal.userId },
    );
  }

  get(access: BusinessAccess): Promise<BusinessDto> {
    return this.db.tenant(access.businessId, async (t) => asMember(await this.load(t), access.role));
  }

  update(access: BusinessAccess, dto: UpdateBusinessDto): Promise<BusinessDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const before = await this.load(t);
      const given = (Object.keys(UPDATABLE) as (keyof UpdateBusinessDto)[]).filter((k) => dto[k] !== undefined);
      const params: unknown[] = [t.businessId, ...given.map((k) => dto[k])];
      const sets = given.map((k, i) => `${UPDATABLE[k]} = $${i + 2}`);
      const [row] = await t.query(
        `UPDATE businesses SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${BUSINESS_COLUMNS}`,
        params,
      );
      const changed = Object.fromEntries(given.filter((k) => dto[k] !== before[k]).map((k) => [k, { from: before[k], to: dto[k] }]));
      if (Object.keys(changed).length > 0) {
        await this.audit.record(t, {
          action: 'business.updated',
          actorUserId: access.userId,
          targetType: 'business',
          targetId: t.businessId,
          details: changed,
        });
      }
      return asMember(row, access.role);
    });
  }

  listMembers(access: BusinessAccess, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) =>
      pageOf(await this.memberships.list(t, { limit, cursor: page.cursor }), limit),
    );
  }

  changeRole(access: BusinessAccess, membershipId: string, role: Role) {
    return this.db.tenant(access.businessId, async (t) => {
      const owners = await this.memberships.lockOwners(t);
      const member = await this.memberships.get(t, membershipId, { lock: true });
      if (!member) throw notFound('Member');
      if (!canManageRole(access.role, member.role) || !canManageRole(access.role, role)) {
        throw forbidden('Only an owner can grant, change or remove the owner role');
      }
      if (member.role === role) return this.present(member);
      if (member.role === 'owner' && owners.length === 1) {
        throw new DomainError('LAST_OWNER', 'A business needs at least one owner; make someone else owner first');
      }
      await this.memberships.setRole(t, membershipId, role);
      await this.audit.record(t, {
        action: 'member.role_changed',
        actorUserId: access.userId,
        targetType: 'membership',
        targetId: membershipId,
        details: { userId: member.userId, from: member.role, to: role },
      });
      return this.present({ ...member, role });
    });
  }

  removeMember(access: BusinessAccess, membershipId: string) {
    return this.db.tenant(access.businessId, async (t) => {
      const owners = await this.memberships.lockOwners(t);
      const member = await this.memberships.get(t, membershipId, { lock: true });
      if (!member) throw notFound('Member');
      // Anyone may leave; removing someone else needs the right to manage their role.
      if (member.userId !== access.userId && !canManageRole(access.role, member.role)) {
        throw forbidden('Only an owner can remove an owner');
      }
      if (member.role === 'owner' && owners.length === 1) {
        throw new DomainError('LAST_OWNER', 'A business needs at least one owner; make someone else owner first');
      }
      await this.memberships.remove(t, membershipId);
      await this.audit.record(t, {
        action: 'member.removed',
        actorUserId: access.userId,
        targetType: 'membership',
        targetId: membershipId,
        details: { userId: member.userId, role: member.role },
      });
    });
  }

  private async load(t: TenantTx): Promise<Omit<BusinessDto, 'role' | 'permissions'>> {
    const [row] = await t.query(`SELECT ${BUSINESS_COLUMNS} FROM businesses WHERE id = $1`, [t.businessId]);
    if (!row) throw notFound('Business');
    return row;
  }

  private present<T extends { cursorAt: string }>({ cursorAt: _omit, ...member }: T) {
    return member;
  }
}
