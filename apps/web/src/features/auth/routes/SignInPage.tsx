import { useState, type FormEvent } from 'react';
import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../components/AuthLayout';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { FormError, useRetryCountdown } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSignIn } from '../api/sign-in';

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const signIn = useSignIn();
  const [values, setValues] = useState({ email: '', password: '' });
  const errors = useFormErrors(signIn.error, FIELDS);
  const waitSeconds = useRetryCountdown(signIn.error);
  useDocumentTitle(t('auth.signIn.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(values, { onSuccess: () => void router.navigate({ href: redirect ?? '/' }) });
  };

  return (
    <AuthLayout title={t('auth.signIn.title')} subtitle={t('auth.signIn.subtitle')}>
      <form className="form" onSubmit={submit} noValidate data-testid="sign-in-form">
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          error={errors.field('email')}
          autoFocus
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
          error={errors.field('password')}
        />
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <Button type="submit" block pending={signIn.isPending} pendingLabel={t('auth.signIn.pending')} disabled={waitSeconds > 0} data-testid="sign-in-submit">
          {t('auth.signIn.submit')}
        </Button>
      </form>
      <p className="auth-switch">
        {t('auth.signIn.noAccount')}{' '}
        <Link to="/sign-up" search={redirect ? { redirect } : {}} data-testid="go-to-sign-up">
          {t('auth.signIn.toSignUp')}
        </Link>
      </p>
    </AuthLayout>
  );
}
