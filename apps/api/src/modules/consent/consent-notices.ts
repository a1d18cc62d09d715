import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { TenantTx } from '../../db/db';
import { Mailer } from '../mail/mailer';
import type { ConsentPurpose, ConsentScope, GrantEventKind } from './consent.types';

type Locale = 'en' | 'zh-CN';

const SCOPES: Record<Locale, Record<ConsentScope, string>> = {
  en: {
    profile: 'your credit profile and score',
    statements: 'your financial statements (profit and loss, balance sheet)',
    aggregates: 'your monthly sales, receivables and customer totals',
    raw_documents: 'your individual invoices and payments, with your customers’ names',
  },
  'zh-CN': {
    profile: '信用档案和评分',
    statements: '财务报表（利润表、资产负债表）',
    aggregates: '按月汇总的销售额、应收账款和客户数据',
    raw_documents: '每一张发票和每一笔收付款明细（含客户名称）',
  },
};

const PURPOSES: Record<Locale, Record<Exclude<ConsentPurpose, 'other'>, string>> = {
  en: {
    working_capital: 'to offer you a working-capital loan',
    invoice_financing: 'to offer you invoice financing',
    equipment_financing: 'to offer you equipment financing',
    line_of_credit: 'to offer you a line of credit',
    refinancing: 'to offer to refinance a loan you have',
    prequalification: 'to estimate what financing you could qualify for',
  },
  'zh-CN': {
    working_capital: '为您提供流动资金贷款',
    invoice_financing: '为您提供发票融资',
    equipment_financing: '为您提供设备融资',
    line_of_credit: '为您提供授信额度',
    refinancing: '为您现有的贷款提供再融资',
    prequalification: '评估您可能获得的融资',
  },
};

const KEEPER: Record<Locale, string> = { en: 'Keeper pre-qualification', 'zh-CN': 'Keeper 融资预评估' };

interface Notice {
  kind: GrantEventKind;
  actorName: string | null;
  reason: string;
  scopes: ConsentScope[];
  lookbackMonths: number;
  expiresOn: string;
  lenderName: string | null;
  purpose: ConsentPurpose;
  purposeNote: string;
  replaces: string | null;
  businessName: string;
}

function words(n: Notice, locale: Locale, url: string): { subject: string; text: string } {
  const recipient = n.lenderName ?? KEEPER[locale];
  const phrases = n.scopes.map((s) => SCOPES[locale][s]);
  // In Chinese the phrases already contain 和, so the last one is joined with 以及.
  const list =
    locale === 'zh-CN' && phrases.length > 1
      ? `${phrases.slice(0, -1).join('、')}，以及${phrases[phrases.length - 1]}`
      : new Intl.ListFormat(locale, { type: 'conjunction' }).format(phrases);
  const until = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${n.expiresOn}T00:00:00Z`),
  );
  const why = n.purpose === 'other' ? n.purposeNote : PURPOSES[locale][n.purpose];
  const actor = n.actorName ?? (locale === 'en' ? 'Someone' : '有人');
  const reason = n.reason ? (locale === 'en' ? `\nReason given: ${n.reason}\n` : `\n原因：${n.reason}\n`) : '';
  if (locale === 'zh-CN') {
    const terms = `共享内容：${list}\n时间范围：最近 ${n.lookbackMonths} 个月\n用途：${why}\n有效期至：${until}（当天结束时停止）\n`;
    const manage = `\n您可以随时续期、缩小范围或停止共享：\n${url}\n`;
    switch (n.kind) {
      case 'granted':
        return {
          subject: `您已开始与 ${recipient} 共享数据`,
          text: `${actor} 已授权 ${recipient} 查看 ${n.businessName} 的数据${n.replaces ? '（替代之前的授权）' : ''}。\n\n${terms}${manage}`,
        };
      case 'renewed':
        return { subject: `与 ${recipient} 的数据共享已续期至 ${until}`, text: `${actor} 已续期 ${n.businessName} 对 ${recipient} 的授权。\n\n${terms}${manage}` };
      case 'narrowed':
        return { subject: `${recipient} 现在能看到的数据减少了`, text: `${actor} 缩小了 ${n.businessName} 对 ${recipient} 的共享范围。现在的授权：\n\n${terms}${manage}` };
      case 'revoked':
        return {
          subject: `${recipient} 已无法再查看您的数据`,
          text: `${actor} 已停止 ${n.businessName} 与 ${recipient} 的数据共享，立即生效。\n${reason}\n如需再次共享，请在 Keeper 中重新授权：\n${url}\n`,
        };
      case 'expired':
      case 'replaced':
        return {
          subject: `您对 ${recipient} 的授权已到期`,
          text: `${n.businessName} 对 ${recipient} 的授权已于 ${until} 结束，对方已无法再查看您的数据。\n\n如仍希望共享，请在 Keeper 中重新授权：\n${url}\n`,
        };
    }
  }
  const terms = `What: ${list}\nHow far back: the last ${n.lookbackMonths} months\nWhy: ${why}\nUntil: ${until} (sharing stops at the end of that day)\n`;
  const manage = `\nYou can renew, narrow or stop this at any time:\n${url}\n`;
  switch (n.kind) {
    case 'granted':
      return {
        subject: `You are now sharing data with ${recipient}`,
        text: `${actor} gave ${recipient} access to ${n.businessName}’s data${n.replaces ? ', replacing the earlier consent' : ''}.\n\n${terms}${manage}`,
      };
    case 'renewed':
      return { subject: `Sharing with ${recipient} renewed until ${until}`, text: `${actor} renewed ${n.businessName}’s consent for ${recipient}.\n\n${terms}${manage}` };
    case 'narrowed':
      return { subject: `${recipient} now sees less of your data`, text: `${actor} narrowed what ${n.businessName} shares with ${recipient}. It now stands as:\n\n${terms}${manage}` };
    case 'revoked':
      return {
        subject: `${recipient} can no longer see your data`,
        text: `${actor} stopped ${n.businessName}’s sharing with ${recipient}, effective immediately.\n${reason}\nTo share again, grant it again in Keeper:\n${url}\n`,
      };
    case 'expired':
    case 'replaced':
      return {
        subject: `Your consent for ${recipient} has ended`,
        text: `${n.businessName}’s consent for ${recipient} ended on ${until}; they can no longer see your data.\n\nIf you still want to share, grant it again in Keeper:\n${url}\n`,
      };
  }
}

/**
 * Tells a business's owners about each consent change, in each owner's language: what is shared,
 * with whom, why and until when. A replaced grant gets no notice of its own: the new grant's
 * notice says it replaces the earlier one.
 */
@Injectable()
export class ConsentNotices {
  private readonly log = new Logger('consent');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  /** Sends the notice of one version; returns how many owners it went to. */
  async send(t: TenantTx, grantId: string, eventId: string): Promise<number> {
    const [n] = await t.query<Notice>(
      `SELECT e.kind, u.name AS "actorName", e.reason, e.scopes, e.lookback_months AS "lookbackMonths",
              ((e.expires_at - interval '1 microsecond') AT TIME ZONE b.timezone)::date::text AS "expiresOn",
              l.name AS "lenderName", g.purpose, g.purpose_note AS "purposeNote", g.replaces, b.name AS "businessName"
         FROM consent_grant_events e
         JOIN consent_grants g ON g.business_id = e.business_id AND g.id = e.grant_id
         JOIN businesses b ON b.id = e.business_id
         LEFT JOIN users u ON u.id = e.actor_user_id
         LEFT JOIN lender_organisations l ON l.id = g.lender_id
        WHERE e.business_id = $1 AND e.id = $2 AND e.grant_id = $3`,
      [t.businessId, eventId, grantId],
    );
    if (!n || n.kind === 'replaced') return 0;
    const owners = await t.query<{ email: string; locale: Locale }>(
      `SELECT u.email, u.locale FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1 AND m.role = 'owner' ORDER BY u.email`,
      [t.businessId],
    );
    const url = new URL(`/b/${t.businessId}/financing/sharing`, this.config.WEB_ORIGIN).toString();
    for (const owner of owners) {
      await this.mailer.send({ to: owner.email, ...words(n, owner.locale, url) });
    }
    this.log.log({ businessId: t.businessId, grantId, eventId, kind: n.kind, recipients: owners.length }, 'consent notice sent');
    return owners.length;
  }
}
