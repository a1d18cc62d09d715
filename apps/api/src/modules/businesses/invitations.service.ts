import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError, forbidden, notFound } from '../../common/errors';
import { decodeCursor, pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import { canManageRole, Role } from '../access/permissions';
import type { BusinessAccess, Principal } from '../access/principal';
import { OutboxService } from '../outbox/outbox.service';
import type { CreateInvitationDto } from './dto/business.dto';
import { MembershipsRepository } from './memberships.repository';

const tokenHash = (token: string) => createHash('sha256').update(token).digest();

const STATUS = `CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted'
                    WHEN i.revoked_at IS NOT NULL THEN 'revoked'
                    WHEN i.expires_at <= now() THEN 'expired'
                    ELSE 'pending' END`;

const COLUMNS = `i.id, i.email, i.role, ${STATUS} AS status, i.expires_at AS "expiresAt", i.created_at AS "createdAt",
  json_build_object('name', u.name) AS "invitedBy", i.created_at::text AS "cursorAt"`;

const invalid = () =>
  new DomainError('INVITATION_INVALID', 'This invitation link is no longer valid; ask for a new one');

/**
 * Invitations by link: whoever holds the link may join with the invited role until it is
 * accepted, revoked or expires.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  create(access: BusinessAccess, dto: CreateInvitationDto) {
    if (!canManageRole(access.role, dto.role)) throw forbidden('Only an owner can invite another owner');
    const id = randomUUID();
    const token = this.tokenFor(id);
    return this.db.tenant(access.businessId, async (t) => {
      const [existing] = await t.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 AND u.email = $2`,
        [t.businessId, dto.email],
      );
      if (existing) {
        throw new DomainError('ALREADY_MEMBER', 'This person is already a member of the business', {
          fields: [{ field: 'email', code: 'already_member', message: 'is already a member' }],
        });
      }
      await t.execute(
        `INSERT INTO invitations (business_id, id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
        [t.businessId, id, dto.email, dto.role, tokenHash(token), access.userId, this.config.INVITATION_TTL_DAYS],
      );
      await this.outbox.add(t, 'invitation.send-email', { businessId: t.businessId, invitationId: id });
      await this.audit.record(t, {
        action: 'invitation.created',
        actorUserId: access.userId,
        targetType: 'invitation',
        targetId: id,
        details: { email: dto.email, role: dto.role },
      });
      const invitation = await this.load(t, id);
      return { invitation, acceptUrl: this.acceptUrl(token) };
    });
  }

  list(access: BusinessAccess, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 25;
    const after = decodeCursor(page.cursor);
    return this.db.tenant(access.businessId, async (t) =>
      pageOf(
        await t.query(
          `SELECT ${COLUMNS} FROM invitations i JOIN users u ON u.id = i.invited_by
            WHERE i.business_id = $1 AND ($2::timestamptz IS NULL OR (i.created_at, i.id) < ($2::timestamptz, $3::uuid))
            ORDER BY i.created_at DESC, i.id DESC LIMIT $4`,
          [t.businessId, after?.at ?? null, after?.id ?? null, limit + 1],
        ),
        limit,
      ),
    );
  }

  revoke(access: BusinessAccess, invitationId: string) {
    return this.db.tenant(access.businessId, async (t) => {
      const invitation = await this.load(t, invitationId);
      if (invitation.status !== 'pending') return;
      if (!canManageRole(access.role, invitation.role as Role)) throw forbidden('Only an owner can revoke an owner invitation');
      await t.execute(`UPDATE invitations SET revoked_at = now() WHERE business_id = $1 AND id = $2`, [
        t.businessId,
        invitationId,
      ]);
      await this.audit.record(t, {
        action: 'invitation.revoked',
        actorUserId: access.userId,
        targetType: 'invitation',
        targetId: invitationId,
        details: { email: invitation.email },
      });
    });
  }

  async preview(token: string) {
    const found = await this.find(token);
    return this.db.tenant(found.businessId, async (t) => {
      const invitation = await this.load(t, found.invitationId);
      if (invitation.status !== 'pending') throw invalid();
      const [business] = await t.query(`SELECT name FROM businesses WHERE id = $1`, [t.businessId]);
      return {
        businessName: business.name as string,
        role: invitation.role,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
        invitedBy: invitation.invitedBy,
      };
    });
  }

  /** Any signed-in user holding the link may accept it; the link is the credential. */
  async accept(principal: Principal, token: string) {
    const found = await this.find(token);
    return this.db.tenant(
      found.businessId,
      async (t) => {
        const [row] = await t.query(
          `SELECT ${STATUS} AS status, i.role FROM invitations i WHERE i.business_id = $1 AND i.id = $2 FOR UPDATE`,
          [t.businessId, found.invitationId],
        );
        if (!row || row.status !== 'pending') throw invalid();
        const existing = await this.memberships.findByUser(t, principal.userId);
        if (existing) {
          throw new DomainError('ALREADY_MEMBER', 'You are already a member of this business');
        }
        const membershipId = await this.memberships.insert(t, principal.userId, row.role);
        await t.execute(
          `UPDATE invitations SET accepted_at = now(), accepted_by = $3 WHERE business_id = $1 AND id = $2`,
          [t.businessId, found.invitationId, principal.userId],
        );
        await this.audit.record(t, {
          action: 'member.joined',
          actorUserId: principal.userId,
          targetType: 'membership',
          targetId: membershipId,
          details: { invitationId: found.invitationId, role: row.role },
        });
        return { businessId: t.businessId, role: row.role as string };
      },
      { userId: principal.userId },
    );
  }

  /** The worker's side: send the invitation email once. */
  async loadForEmail(t: TenantTx, invitationId: string) {
    const [row] = await t.query(
      `SELECT i.email, i.role, ${STATUS} AS status, i.email_sent_at AS "emailSentAt", i.expires_at AS "expiresAt",
              u.name AS "inviterName", b.name AS "businessName", inv.locale
         FROM invitations i JOIN users u ON u.id = i.invited_by JOIN businesses b ON b.id = i.business_id
         LEFT JOIN users inv ON inv.email = i.email
        WHERE i.business_id = $1 AND i.id = $2 FOR UPDATE OF i`,
      [t.businessId, invitationId],
    );
    return row ?? null;
  }

  /**
   * The link token is an HMAC of the invitation id, so the email job can rebuild the link without
   * the token ever being stored or queued; only its SHA-256 is kept for lookup.
   */
  tokenFor(invitationId: string): string {
    return createHmac('sha256', this.config.APP_SECRET).update(`invitation:${invitationId}`).digest('base64url');
  }

  acceptUrl(token: string) {
    return new URL(`/invitations/${token}`, this.config.WEB_ORIGIN).toString();
  }

  private async find(token: string): Promise<{ businessId: string; invitationId: string }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid();
    const [row] = await this.db.account(null, (tx) =>
      tx.query(`SELECT business_id AS "businessId", invitation_id AS "invitationId" FROM find_invitation($1)`, [
        tokenHash(token),
      ]),
    );
    if (!row) throw invalid();
    return row;
  }

  private async load(t: TenantTx, id: string) {
    const [row] = await t.query(
      `SELECT ${COLUMNS} FROM invitations i JOIN users u ON u.id = i.invited_by WHERE i.business_id = $1 AND i.id = $2`,
      [t.businessId, id],
    );
    if (!row) throw notFound('Invitation');
    const { cursorAt: _omit, ...invitation } = row;
    return invitation;
  }
}
