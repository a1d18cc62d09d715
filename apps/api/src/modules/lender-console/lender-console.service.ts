import { Injectable } from '@nestjs/common';
import { Db } from '../../db/db';
import type { LenderAccess } from '../access/principal';
import { ConsentRefusedError, ConsentService } from '../consent/consent.service';
import { LenderOrganisationsRepository } from '../identity/lender-organisations.repository';
import type { LenderBusinessDto, LenderBusinessPageDto, LenderBusinessesQueryDto } from './dto/lender-console.dto';

const RESOURCE = 'GET /api/lender/businesses';

/**
 * The lender console's reads. Each business appears only after ConsentService allowed the read
 * (and logged it against the grant), in that business's own tenant transaction; a grant that
 * ended since the candidate list was taken is refused, logged, and left out.
 */
@Injectable()
export class LenderConsoleService {
  constructor(
    private readonly db: Db,
    private readonly consent: ConsentService,
    private readonly lenders: LenderOrganisationsRepository,
  ) {}

  async businesses(l: LenderAccess, q: LenderBusinessesQueryDto): Promise<LenderBusinessPageDto> {
    const organisation = (await this.db.account(null, (tx) => this.lenders.get(tx, l.lenderId)))!;
    const page = await this.consent.activeGrantsFor(l.lenderId, { limit: q.limit ?? 25, cursor: q.cursor });
    const items: LenderBusinessDto[] = [];
    for (const candidate of page.items) {
      try {
        items.push(
          await this.db.tenant(candidate.businessId, async (t) => {
            const { id, scopes, purpose, purposeNote, lookbackMonths, grantedAt, expiresAt, expiresOn } = await this.consent.authorize(t, {
              lenderId: l.lenderId,
              businessId: candidate.businessId,
              scope: null,
              actor: { kind: 'lender_user', userId: l.userId },
              resource: RESOURCE,
            });
            const [business] = await t.query<{ id: string; name: string }>(`SELECT id, name FROM businesses WHERE id = $1`, [t.businessId]);
            return { business, grant: { id, scopes, purpose, purposeNote, lookbackMonths, grantedAt, expiresAt, expiresOn } };
          }),
        );
      } catch (e) {
        if (!(e instanceof ConsentRefusedError)) throw e;
      }
    }
    return { organisation: { id: organisation.id, name: organisation.name }, items, nextCursor: page.nextCursor };
  }
}
