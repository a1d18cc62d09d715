import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import type { ConsentGrant, ConsentPurpose, ConsentScope } from '../api/get-consent-grants';

type Recipient = ConsentGrant['recipient'];

/** A calendar day from the API ("2027-02-28") in the reader's language, without a time zone shift. */
export function useCalendarDate() {
  const format = useFormatters();
  return (iso: string) => format.date(`${iso}T00:00:00`);
}

/**
 * Consent in plain words: who, what, why and until when, as the owner reads it on a card, in the
 * wizard's summary and in the access log. The wording of each scope and purpose lives in i18n.
 */
export function useConsentWording() {
  const { t } = useTranslation();
  const day = useCalendarDate();
  // Joined by the translation, not Intl.ListFormat: in Chinese the phrases already contain 和.
  const list = (items: string[]) =>
    items.length < 2 ? (items[0] ?? '') : t('consent.list', { items: items.slice(0, -1).join(t('consent.listSeparator')), last: items[items.length - 1] });
  const recipientName = (r: Recipient) => r.lender?.name ?? t('consent.keeper');
  const what = (scopes: readonly ConsentScope[]) => list(scopes.map((s) => t(`consent.scopePhrase.${s}`)));
  const why = (purpose: ConsentPurpose, note: string) => t(`consent.purposePhrase.${purpose}`, { note });
  return {
    recipientName,
    what,
    why,
    /** "Harbour Capital can see your credit profile and score, to offer you a working-capital loan, until 28 Feb 2027." */
    sentence: (g: { recipient: Recipient; scopes: readonly ConsentScope[]; purpose: ConsentPurpose; purposeNote: string; expiresOn: string }) =>
      t(g.recipient.kind === 'lender' ? 'consent.sentence.lender' : 'consent.sentence.keeper', {
        recipient: recipientName(g.recipient),
        what: what(g.scopes),
        why: why(g.purpose, g.purposeNote),
        until: day(g.expiresOn),
      }),
  };
}
