import { Injectable } from '@nestjs/common';
import { money, moneyToJson } from '@keeper/money';
import { DomainError, notFound, validationFailed } from '../../common/errors';
import { Db } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AccountsRepository } from './accounts.repository';
import { ACCOUNT_SUBTYPES } from './chart';
import type { AccountDto, AccountListDto, AccountListQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { LedgerService } from './ledger.service';
import { naturalDecimal, presentAccount } from './present';

/** The chart of accounts as an accountant manages it. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  list(access: BusinessAccess, q: AccountListQueryDto): Promise<AccountListDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const asOf = q.asOf ?? (await this.ledger.today(t));
      const rows = await this.accounts.listWithBalances(t, {
        asOf,
        type: q.type,
        includeInactive: q.includeInactive === 'true',
      });
      return {
        asOf,
        currency: base,
        items: rows.map(({ balance, ...a }) => ({
          ...presentAccount(a),
          balance: moneyToJson(money(BigInt(balance), base)),
          balanceDecimal: naturalDecimal(BigInt(balance), a.type, a.subtype, base),
        })),
      };
    });
  }

  create(access: BusinessAccess, dto: CreateAccountDto): Promise<AccountDto> {
    return this.db.tenant(access.businessId, async (t) => {
      if (!(ACCOUNT_SUBTYPES[dto.type] as readonly string[]).includes(dto.subtype)) {
        throw validationFailed([
          {
            field: 'subtype',
            code: 'invalid_choice',
            message: `must be one of ${ACCOUNT_SUBTYPES[dto.type].join(', ')} for an ${dto.type} account`,
          },
        ]);
      }
      const row = await this.accounts.insert(t, dto);
      if (!row) {
        throw new DomainError('ACCOUNT_CODE_TAKEN', `Another account already has the code ${dto.code}`, {
          fields: [{ field: 'code', code: 'taken', message: 'is already used by another account' }],
        });
      }
      await this.audit.record(t, {
        action: 'account.created',
        actorUserId: access.userId,
        targetType: 'account',
        targetId: row.id,
        details: { code: row.code, name: row.name, type: row.type, subtype: row.subtype },
      });
      return presentAccount(row);
    });
  }

  update(access: BusinessAccess, accountId: string, dto: UpdateAccountDto): Promise<AccountDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const before = await this.accounts.get(t, accountId);
      if (!before) throw notFound('Account');
      if (before.systemKey !== null) {
        throw new DomainError(
          'SYSTEM_ACCOUNT',
          `${before.code} ${before.name} is a system account that Keeper posts to; it cannot be renamed or deactivated`,
        );
      }
      if (dto.isActive === false && before.isActive && (await this.accounts.hasBalance(t, accountId))) {
        throw new DomainError(
          'ACCOUNT_HAS_BALANCE',
          `${before.code} ${before.name} still has a balance; move it to another account before deactivating`,
        );
      }
      const after = await this.accounts.update(t, accountId, dto);
      const changed = Object.fromEntries(
        (['name', 'isActive'] as const)
          .filter((k) => dto[k] !== undefined && dto[k] !== before[k])
          .map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (Object.keys(changed).length > 0) {
        await this.audit.record(t, {
          action: 'account.updated',
          actorUserId: access.userId,
          targetType: 'account',
          targetId: accountId,
          details: { code: before.code, ...changed },
        });
      }
      return presentAccount(after);
    });
  }
}
