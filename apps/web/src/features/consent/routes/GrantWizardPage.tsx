import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import { addDaysIso, todayIso } from '../../../lib/dates';
import { useFormErrors } from '../../../lib/error-message';
import { parseAmountMinor, useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useConfirmPassword } from '../../auth/api/confirm-password';
import { useCreateConsentGrant } from '../api/create-consent-grant';
import { useConsentGrant, type ConsentGrantDetail } from '../api/get-consent-grant';
import { CONSENT_PURPOSES, CONSENT_SCOPES, type ConsentPurpose, type ConsentScope } from '../api/get-consent-grants';
import { useConsentRecipients } from '../api/get-consent-recipients';
import { useCalendarDate, useConsentWording } from '../components/consent-wording';
import { DEFAULT_DAYS, DEFAULT_LOOKBACK, DURATION_CHOICES, LOOKBACK_CHOICES, MAX_DAYS } from '../components/terms';

const STEPS = ['who', 'why', 'what', 'until', 'review'] as const;
type Step = (typeof STEPS)[number];
const KEEPER = 'keeper';
const keyOf = (r: { lender: { id: string } | null }) => r.lender?.id ?? KEEPER;

/**
 * Granting consent, one question at a time: who, why, what (each scope with an example of what
 * it reveals) and how far back, until when; then the whole of it in plain words, confirmed with
 * the password. `from` starts from an existing consent (to share more, or again).
 */
export function GrantWizardPage({ businessId, permissions, baseCurrency, from }: { businessId: string; permissions: Permissions; baseCurrency: string; from?: string }) {
  const { t } = useTranslation();
  const source = useConsentGrant(businessId, from);
  if (!allows(permissions, 'consent.manage')) {
    return (
      <EmptyState icon="shield" title={t('consent.noAccessTitle')} testId="consent-no-access">
        {t('consent.readOnly')}
      </EmptyState>
    );
  }
  if (from && source.isPending) return <PageSpinner />;
  if (from && source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} retrying={source.isFetching} />;
  return <GrantWizard key={from ?? 'new'} businessId={businessId} baseCurrency={baseCurrency} source={from ? (source.data ?? null) : null} />;
}

function GrantWizard({ businessId, baseCurrency, source }: { businessId: string; baseCurrency: string; source: ConsentGrantDetail | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const day = useCalendarDate();
  const wording = useConsentWording();
  const today = todayIso();
  const latest = addDaysIso(today, MAX_DAYS);

  const [step, setStep] = useState<Step>(source ? 'what' : 'who');
  const [tried, setTried] = useState(false);
  const [recipientKey, setRecipientKey] = useState<string | null>(source ? keyOf(source.recipient) : null);
  const [purpose, setPurpose] = useState<ConsentPurpose>(source?.purpose ?? 'working_capital');
  const [note, setNote] = useState(source?.purposeNote ?? '');
  const [scopes, setScopes] = useState<ConsentScope[]>(source?.scopes ?? ['profile']);
  const [lookback, setLookback] = useState(source?.lookbackMonths ?? DEFAULT_LOOKBACK);
  const [duration, setDuration] = useState<number | 'date'>(DEFAULT_DAYS);
  const [date, setDate] = useState(addDaysIso(today, DEFAULT_DAYS));
  const [password, setPassword] = useState('');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);

  const all = useConsentRecipients(businessId);
  const found = useConsentRecipients(businessId, q);
  const recipient = all.data?.items.find((r) => keyOf(r) === recipientKey) ?? found.data?.items.find((r) => keyOf(r) === recipientKey) ?? null;
  const recipientName = recipient ? wording.recipientName({ kind: recipient.kind, lender: recipient.lender }) : '';
  const isKeeper = recipient?.kind === 'keeper_prequalification';
  const effectivePurpose: ConsentPurpose = isKeeper ? 'prequalification' : purpose;
  const expiresOn = duration === 'date' ? date : addDaysIso(today, duration);
  const dateValid = expiresOn > today && expiresOn <= latest;
  const sharedNow = source?.status === 'active' ? source.scopes : [];

  const confirm = useConfirmPassword();
  const create = useCreateConsentGrant(businessId);
  const passwordErrors = useFormErrors(confirm.error, ['password']);

  const problem: Record<Step, string | null> = {
    who: recipient ? null : t('consent.wizard.who.required'),
    why: effectivePurpose === 'other' && !note.trim() ? t('consent.wizard.why.required') : null,
    what: scopes.length === 0 ? t('consent.wizard.what.required') : null,
    until: dateValid ? null : t('consent.wizard.until.dateInvalid'),
    review: null,
  };
  const index = STEPS.indexOf(step);
  const go = (next: Step) => {
    setTried(false);
    setStep(next);
  };
  const advance = () => {
    if (problem[step]) return setTried(true);
    go(STEPS[index + 1]!);
  };
  const submit = () => {
    if (!recipient || !password) return;
    create.reset();
    confirm.mutate(password, {
      onSuccess: () =>
        create.mutate(
          {
            recipient: recipient.kind,
            ...(recipient.lender ? { lenderId: recipient.lender.id } : {}),
            purpose: effectivePurpose,
            ...(effectivePurpose === 'other' ? { purposeNote: note.trim() } : {}),
            scopes: CONSENT_SCOPES.filter((s) => scopes.includes(s)),
            lookbackMonths: lookback,
            expiresOn,
            ...(recipient.liveGrantId ? { replacesGrantId: recipient.liveGrantId } : {}),
          },
          {
            onSuccess: (grant) =>
              void navigate({ to: '/b/$businessId/financing/sharing', params: { businessId }, search: { granted: grant.id } }),
          },
        ),
    });
  };

  const title = source && source.status === 'active' ? t('consent.wizard.replaceTitle', { recipient: recipientName }) : t('consent.wizard.title');
  useDocumentTitle(title);

  return (
    <section className="card wizard" data-testid="grant-wizard" data-step={step}>
      <header className="wizard-head">
        <Link className="back-link" to="/b/$businessId/financing/sharing" params={{ businessId }}>
          ← {t('consent.wizard.back')}
        </Link>
        <h2 className="card-title">{title}</h2>
        <ol className="wizard-steps" aria-label={t('consent.wizard.stepOf', { step: index + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s} className={`wizard-step${i === index ? ' is-current' : ''}${i < index ? ' is-done' : ''}`} aria-current={i === index ? 'step' : undefined}>
              {i < index ? (
                <button type="button" className="wizard-step-button" onClick={() => go(s)}>
                  <span className="wizard-step-number">
                    <Icon name="check" size={14} />
                  </span>
                  <span className="wizard-step-label">{t(`consent.wizard.steps.${s}`)}</span>
                </button>
              ) : (
                <span className="wizard-step-button">
                  <span className="wizard-step-number">{i + 1}</span>
                  <span className="wizard-step-label">{t(`consent.wizard.steps.${s}`)}</span>
                </span>
              )}
            </li>
          ))}
        </ol>
      </header>

      {step === 'who' && (
        <WizardStep title={t('consent.wizard.who.title')} body={t('consent.wizard.who.body')}>
          {(all.data?.items.length ?? 0) > 8 && (
            <TextField label={t('consent.wizard.who.search')} name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          )}
          {found.isPending ? (
            <PageSpinner />
          ) : found.isError ? (
            <ErrorState error={found.error} onRetry={() => void found.refetch()} retrying={found.isFetching} />
          ) : found.data.items.length === 0 ? (
            <p className="muted">{t('consent.wizard.who.noLenders', { q })}</p>
          ) : (
            <div className="choices" role="radiogroup" aria-label={t('consent.wizard.who.title')}>
              {found.data.items.map((r) => {
                const key = keyOf(r);
                const name = wording.recipientName({ kind: r.kind, lender: r.lender });
                const description = r.lender
                  ? i18n.language.startsWith('zh') && r.lender.descriptionZh
                    ? r.lender.descriptionZh
                    : r.lender.description
                  : t('consent.keeperDescription');
                return (
                  <label key={key} className="choice choice-rich" data-testid="recipient-choice" data-recipient={name}>
                    <input
                      type="radio"
                      name="recipient"
                      checked={recipientKey === key}
                      onChange={() => {
                        setRecipientKey(key);
                        if (r.kind === 'keeper_prequalification') setPurpose('prequalification');
                      }}
                    />
                    <span>
                      <span className="choice-label">{name}</span>
                      {description && <span className="choice-hint">{description}</span>}
                      {r.liveGrantId && <span className="choice-note">{t('consent.wizard.who.already')}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          )}
        </WizardStep>
      )}

      {step === 'why' && (
        <WizardStep title={t('consent.wizard.why.title')} body={t('consent.wizard.why.body')}>
          {isKeeper ? (
            <p className="alert alert-info">
              <Icon name="shield" />
              <span>{t('consent.wizard.why.keeperFixed')}</span>
            </p>
          ) : (
            <>
              <div className="choices" role="radiogroup" aria-label={t('consent.wizard.why.title')}>
                {CONSENT_PURPOSES.map((p) => (
                  <label key={p} className="choice" data-testid={`purpose-${p}`}>
                    <input type="radio" name="purpose" checked={purpose === p} onChange={() => setPurpose(p)} />
                    <span className="choice-label">{t(`consent.purpose.${p}`)}</span>
                  </label>
                ))}
              </div>
              {purpose === 'other' && (
                <TextAreaField
                  label={t('consent.wizard.why.noteLabel')}
                  name="purposeNote"
                  value={note}
                  maxLength={500}
                  onChange={(e) => setNote(e.target.value)}
                  hint={t('consent.wizard.why.noteHint')}
                  error={tried && problem.why ? problem.why : undefined}
                />
              )}
            </>
          )}
        </WizardStep>
      )}

      {step === 'what' && (
        <WizardStep title={t('consent.wizard.what.title')} body={t('consent.wizard.what.body')}>
          <ScopeChoices baseCurrency={baseCurrency} scopes={scopes} sharedNow={sharedNow} onChange={setScopes} />
          {tried && problem.what && (
            <p className="field-error" data-testid="field-error-scopes">
              {problem.what}
            </p>
          )}
          <div className="field">
            <label className="field-label" htmlFor="wizard-lookback">
              {t('consent.wizard.what.lookbackLabel')}
            </label>
            <select
              id="wizard-lookback"
              className="input select"
              value={String(lookback)}
              onChange={(e) => setLookback(Number(e.target.value))}
              data-testid="field-lookbackMonths"
            >
              {[...new Set([...LOOKBACK_CHOICES, lookback])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {t('consent.wizard.what.lookbackOption', { count: m })}
                  </option>
                ))}
            </select>
          </div>
        </WizardStep>
      )}

      {step === 'until' && (
        <WizardStep title={t('consent.wizard.until.title')} body={t('consent.wizard.until.body')}>
          <div className="choices" role="radiogroup" aria-label={t('consent.wizard.until.title')}>
            {DURATION_CHOICES.map((d) => (
              <label key={d} className="choice" data-testid={`duration-${d}`}>
                <input type="radio" name="duration" checked={duration === d} onChange={() => setDuration(d)} />
                <span>
                  <span className="choice-label">
                    {t('consent.wizard.until.days', { count: d, until: day(addDaysIso(today, d)) })}
                    {d === DEFAULT_DAYS && <span className="badge badge-status-accepted choice-badge">{t('consent.wizard.until.recommended')}</span>}
                  </span>
                </span>
              </label>
            ))}
            <label className="choice" data-testid="duration-date">
              <input type="radio" name="duration" checked={duration === 'date'} onChange={() => setDuration('date')} />
              <span className="choice-label">{t('consent.wizard.until.date')}</span>
            </label>
          </div>
          {duration === 'date' && (
            <TextField
              label={t('consent.wizard.until.dateLabel')}
              name="expiresOn"
              type="date"
              min={addDaysIso(today, 1)}
              max={latest}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              hint={t('consent.wizard.until.dateHint', { latest: day(latest) })}
              error={!dateValid ? t('consent.wizard.until.dateInvalid') : undefined}
            />
          )}
        </WizardStep>
      )}

      {step === 'review' && recipient && (
        <WizardStep title={t('consent.wizard.review.title')} body={t('consent.wizard.review.body')}>
          <p className="consent-sentence consent-sentence-lead" data-testid="review-sentence">
            {wording.sentence({ recipient: { kind: recipient.kind, lender: recipient.lender }, scopes, purpose: effectivePurpose, purposeNote: note.trim(), expiresOn })}
          </p>
          <dl className="review-list" data-testid="review-summary">
            <ReviewRow label={t('consent.wizard.review.who')} onEdit={() => go('who')} editLabel={t('consent.wizard.review.edit')}>
              {recipientName}
            </ReviewRow>
            <ReviewRow label={t('consent.wizard.review.why')} onEdit={isKeeper ? undefined : () => go('why')} editLabel={t('consent.wizard.review.edit')}>
              {effectivePurpose === 'other' ? note.trim() : t(`consent.purpose.${effectivePurpose}`)}
            </ReviewRow>
            <ReviewRow label={t('consent.wizard.review.what')} onEdit={() => go('what')} editLabel={t('consent.wizard.review.edit')}>
              <ul className="review-scopes">
                {CONSENT_SCOPES.filter((s) => scopes.includes(s)).map((s) => (
                  <li key={s}>{t(`consent.scope.${s}.title`)}</li>
                ))}
              </ul>
            </ReviewRow>
            <ReviewRow label={t('consent.wizard.review.lookback')} onEdit={() => go('what')} editLabel={t('consent.wizard.review.edit')}>
              {t('consent.wizard.what.lookbackOption', { count: lookback })}
            </ReviewRow>
            <ReviewRow label={t('consent.wizard.review.until')} onEdit={() => go('until')} editLabel={t('consent.wizard.review.edit')}>
              {t('consent.wizard.review.untilValue', { until: day(expiresOn) })}
            </ReviewRow>
          </dl>
          {recipient.liveGrantId && (
            <p className="alert alert-warning" data-testid="review-replaces">
              <Icon name="alert" />
              <span>{t('consent.wizard.review.replaces', { recipient: recipientName })}</span>
            </p>
          )}
          <p className="muted small">{t('consent.wizard.review.rights')}</p>
          <form
            className="form wizard-confirm"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <TextField
              label={t('consent.wizard.review.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint={t('consent.wizard.review.passwordHint')}
              error={passwordErrors.field('password')}
            />
            <FormError error={passwordErrors.general ?? create.error} />
          </form>
        </WizardStep>
      )}

      {tried && step === 'who' && problem.who && (
        <p className="field-error" role="alert" data-testid="wizard-problem">
          {problem.who}
        </p>
      )}

      <footer className="wizard-actions">
        {index > 0 && (
          <Button variant="secondary" onClick={() => go(STEPS[index - 1]!)} disabled={confirm.isPending || create.isPending} data-testid="wizard-back">
            {t('consent.wizard.previous')}
          </Button>
        )}
        {step === 'review' ? (
          <Button
            onClick={submit}
            disabled={!password}
            pending={confirm.isPending || create.isPending}
            pendingLabel={t('consent.wizard.review.confirming')}
            data-testid="wizard-confirm"
          >
            {t('consent.wizard.review.confirm')}
          </Button>
        ) : (
          <Button onClick={advance} data-testid="wizard-next">
            {t('consent.wizard.next')}
          </Button>
        )}
      </footer>
    </section>
  );
}

function WizardStep({ title, body, children }: { title: string; body: string; children: ReactNode }) {
  return (
    <div className="wizard-body">
      <div>
        <h3 className="wizard-title">{title}</h3>
        <p className="muted">{body}</p>
      </div>
      {children}
    </div>
  );
}

function ReviewRow({ label, children, onEdit, editLabel }: { label: string; children: ReactNode; onEdit?: () => void; editLabel: string }) {
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {onEdit && (
        <button type="button" className="link-button" onClick={onEdit}>
          {editLabel}
        </button>
      )}
    </div>
  );
}

/** Each scope with what it reveals, in an example worded in the business's own currency. */
function ScopeChoices({
  baseCurrency,
  scopes,
  sharedNow,
  onChange,
}: {
  baseCurrency: string;
  scopes: ConsentScope[];
  sharedNow: readonly ConsentScope[];
  onChange: (scopes: ConsentScope[]) => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const amount = (major: string) => money.minor(parseAmountMinor(major, baseCurrency) ?? 0n, baseCurrency);
  const example = (s: ConsentScope) => {
    switch (s) {
      case 'profile':
        return t('consent.scope.profile.example');
      case 'statements':
        return t('consent.scope.statements.example', { sales: amount('182400'), costs: amount('141900'), profit: amount('40500'), cash: amount('63200') });
      case 'aggregates':
        return t('consent.scope.aggregates.example', { sales: amount('96300'), owed: amount('28750') });
      case 'raw_documents':
        return t('consent.scope.raw_documents.example', { amount: amount('3200') });
    }
  };
  return (
    <div className="choices">
      {CONSENT_SCOPES.map((s) => (
        <label key={s} className="choice choice-rich" data-testid={`scope-${s}`}>
          <input
            type="checkbox"
            checked={scopes.includes(s)}
            onChange={(e) => onChange(e.target.checked ? CONSENT_SCOPES.filter((x) => x === s || scopes.includes(x)) : scopes.filter((x) => x !== s))}
          />
          <span>
            <span className="choice-label">
              {t(`consent.scope.${s}.title`)}
              {sharedNow.includes(s) && <span className="badge choice-badge">{t('consent.wizard.what.alreadyShared')}</span>}
            </span>
            <span className="choice-hint">{t(`consent.scope.${s}.body`)}</span>
            <span className="choice-example">{example(s)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
