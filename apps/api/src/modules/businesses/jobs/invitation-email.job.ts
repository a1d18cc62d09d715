import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { Mailer } from '../../mail/mailer';
import { OutboxService } from '../../outbox/outbox.service';
import { InvitationsService } from '../invitations.service';

const ROLE_ZH: Record<string, string> = { owner: '所有者', admin: '管理员', accountant: '会计', staff: '员工' };

@Injectable()
export class InvitationEmailJob implements JobHandler<'invitation.send-email'> {
  readonly job = 'invitation.send-email' as const;

  constructor(
    private readonly db: Db,
    private readonly invitations: InvitationsService,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
  ) {}

  async handle(p: JobPayload<'invitation.send-email'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      // Row lock: a duplicate delivery of this job waits here, then sees email_sent_at and stops.
      const inv = await this.invitations.loadForEmail(t, p.invitationId);
      if (inv && !inv.emailSentAt && inv.status === 'pending') {
        const url = this.invitations.acceptUrl(this.invitations.tokenFor(p.invitationId));
        const expires = new Date(inv.expiresAt).toISOString().slice(0, 10);
        const en = `${inv.inviterName} invited you to join ${inv.businessName} on Keeper as ${inv.role}.\n\nAccept the invitation: ${url}\n\nThe link works until ${expires}. If you did not expect this, ignore this email.`;
        const zh = `${inv.inviterName} 邀请您以「${ROLE_ZH[inv.role] ?? inv.role}」身份加入 Keeper 上的 ${inv.businessName}。\n\n接受邀请：${url}\n\n链接有效期至 ${expires}。如果这不是您预期的邮件，请忽略。`;
        await this.mailer.send({
          to: inv.email,
          subject:
            inv.locale === 'zh-CN' ? `加入 ${inv.businessName}` : `Join ${inv.businessName} on Keeper`,
          text: inv.locale === 'zh-CN' ? zh : inv.locale === 'en' ? en : `${en}\n\n---\n\n${zh}`,
        });
        await t.execute(`UPDATE invitations SET email_sent_at = now() WHERE business_id = $1 AND id = $2`, [
          t.businessId,
          p.invitationId,
        ]);
      }
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
