import { Injectable } from '@nestjs/common';
import { currentRequestId } from '../../common/request-context';
import type { TenantTx } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import { CreditSignals } from '../credit/credit-signals';
import { OutboxService } from '../outbox/outbox.service';
import { ConsentRepository } from './consent.repository';
import type { GrantEventKind } from './consent.types';

/**
 * Every change of a grant leaves three traces, in the transaction of the change: the new version
 * in consent_grant_events (the terms after the change), an audit event, and a 'consent.changed'
 * outbox row naming that version for whoever acts on consent changes. A new grant also asks the
 * credit pipeline for a fresh profile.
 */
@Injectable()
export class ConsentHistory {
  constructor(
    private readonly repo: ConsentRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly credit: CreditSignals,
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
    // Whoever was just given access should find a profile computed from the books as they are now.
    if (change.kind === 'granted') await this.credit.consentGranted(t);
    return event;
  }
}
