import { Injectable } from '@nestjs/common';
import { currentRequestId } from '../../common/request-context';
import type { TenantTx } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { ConsentRepository } from './consent.repository';
import type { GrantEventKind } from './consent.types';

/**
 * Every change of a grant leaves three traces, in the transaction of the change: the new version
 * in consent_grant_events (the terms after the change), an audit event, and a 'consent.changed'
 * outbox row naming that version for whoever acts on consent changes.
 */
@Injectable()
export class ConsentHistory {
  constructor(
    private readonly repo: ConsentRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(t: TenantTx, grantId: string, change: { kind: GrantEventKind; actorUserId: string | null; reason?: string }) {
    const event = await this.repo.appendEvent(t, grantId, { ...change, requestId: currentRequestId() });
    const g = (await this.repo.get(t, grantId))!;
    await this.audit.record(t, {
      action: `consent.${change.kind}`,
      actorUserId: change.actorUserId,
      targetType: 'consent_grant',
      targetId: grantId,
      details: {
        recipient: g.recipient.lender?.name ?? 'Keeper pre-qualification',
        purpose: g.purpose,
        scopes: g.scopes,
        lookbackMonths: g.lookbackMonths,
        expiresOn: g.expiresOn,
        version: event.version,
        ...(change.reason ? { reason: change.reason } : {}),
      },
    });
    await this.outbox.add(t, 'consent.changed', { businessId: t.businessId, grantId, eventId: event.id });
    return event;
  }
}
