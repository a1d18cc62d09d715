import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/error-message';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useCreateAccount } from '../api/create-account';
import type { AccountSubtype, AccountType } from '../api/get-accounts';
import { ACCOUNT_TYPES, SUBTYPES_BY_TYPE } from './account-options';

export function NewAccountForm({ businessId, onDone }: { businessId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAccount(businessId);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<AccountType>('expense');
  const [subtype, setSubtype] = useState<AccountSubtype>('operating_expense');
  const errors = useFormErrors(create.error, ['code', 'name', 'type', 'subtype']);
  const fieldError = errors.field;
  return (
    <form
      className="inline-form"
      data-testid="new-account-form"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ code: code.trim(), name: name.trim(), type, subtype }, { onSuccess: onDone });
      }}
    >
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-grid">
        <TextField label={t('books.accounts.code')} name="code" value={code} onChange={(e) => setCode(e.target.value)} error={fieldError('code')} required />
        <TextField label={t('books.accounts.name')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} required />
        <SelectField
          label={t('books.accounts.type')}
          name="type"
          value={type}
          error={fieldError('type')}
          options={ACCOUNT_TYPES.map((value) => ({ value, label: t(`books.accounts.types.${value}`) }))}
          onChange={(e) => {
            const next = e.target.value as AccountType;
            setType(next);
            setSubtype(SUBTYPES_BY_TYPE[next][0]);
          }}
        />
        <SelectField
          label={t('books.accounts.subtype')}
          name="subtype"
          value={subtype}
          error={fieldError('subtype')}
          options={SUBTYPES_BY_TYPE[type].map((value) => ({ value, label: t(`books.accounts.subtypes.${value}`) }))}
          onChange={(e) => setSubtype(e.target.value as AccountSubtype)}
        />
      </div>
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={create.isPending} data-testid="new-account-submit">
          {t('books.accounts.create')}
        </Button>
      </div>
    </form>
  );
}
