import { useState, type FormEvent } from 'react';
import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../components/AuthLayout';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { FormError, useRetryCountdown } from '../../../components/FormError';
import { currentLanguage } from '../../../i18n';
import { useFormErrors } from '../../../lib/error-message';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSignUp } from '../api/sign-up';

const FIELDS = ['name', 'email', 'password'] as const;
export const MIN_PASSWORD_LENGTH = 12;

export function SignUpPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const signUp = useSignUp();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const errors = useFormErrors(signUp.error, FIELDS);
  const waitSeconds = useRetryCountdown(signUp.error);
  useDocumentTitle(t('auth.signUp.title'));

  // Length is checked by the API, whose message is shown under the field; the
  // requirement is stated up front so nobody has to fail to learn it.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(
      { ...values, locale: currentLanguage() },
      { onSuccess: () => void router.navigate({ href: redirect ?? '/' }) },
    );
  };

  const passwordLongEnough = values.password.length >= MIN_PASSWORD_LENGTH;

  return (
    <AuthLayout title={t('auth.signUp.title')} subtitle={t('auth.signUp.subtitle')}>
      <form className="form" onSubmit={submit} noValidate data-testid="sign-up-form">
        <TextField
          label={t('auth.fields.name')}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={errors.field('name')}
          autoFocus
        />
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          error={errors.field('email')}
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
          error={errors.field('password')}
          hint={
            <span className={passwordLongEnough ? 'requirement-met' : undefined}>
              {t('auth.signUp.passwordRequirement', { min: MIN_PASSWORD_LENGTH })}
            </span>
          }
        />
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <Button type="submit" block pending={signUp.isPending} pendingLabel={t('auth.signUp.pending')} disabled={waitSeconds > 0} data-testid="sign-up-submit">
          {t('auth.signUp.submit')}
        </Button>
      </form>
      <p className="auth-switch">
        {t('auth.signUp.haveAccount')}{' '}
        <Link to="/sign-in" search={redirect ? { redirect } : {}} data-testid="go-to-sign-in">
          {t('auth.signUp.toSignIn')}
        </Link>
      </p>
    </AuthLayout>
  );
}
