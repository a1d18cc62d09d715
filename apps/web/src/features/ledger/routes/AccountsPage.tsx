import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/error-message';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAccounts, type Account } from '../api/get-accounts';
import { useUpdateAccount } from '../api/update-account';
import { NewAccountForm } from '../components/NewAccountForm';

// The API states balances debit-positive; people read a credit-normal account (sales, payables) as positive.
function naturalBalance(a: Account) {
  const minor = a.balance.amountMinor;
  if (a.normalBalance === 'debit' || minor === '0') return a.balance;
  return { ...a.balance, amountMinor: minor.startsWith('-') ? minor.slice(1) : `-${minor}` };
}

export function AccountsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('books.accounts.title'));
  const money = useMoneyFormat();
  const canPost = allows(permissions, 'ledger.post');
  const [showInactive, setShowInactive] = useState(false);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deactivating, setDeactivating] = useState<Account | null>(null);
  const accounts = useAccounts(businessId, showInactive);
  const update = useUpdateAccount(businessId);
  const renameError = useFormErrors(update.error, ['name']).field('name');

  const saveRename = () => {
    if (!renaming) return;
    update.mutate({ accountId: renaming.id, changes: { name: renaming.name.trim() } }, { onSuccess: () => setRenaming(null) });
  };

  let body;
  if (accounts.isPending) body = <TableSkeleton columns={4} />;
  else if (accounts.isError) body = <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />;
  else
    body = (
      <div className="table-wrap">
        <table className="table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">{t('books.accounts.name')}</th>
              <th scope="col">{t('books.accounts.type')}</th>
              <th scope="col" className="align-end">
                {t('books.accounts.balance')}
              </th>
              {canPost && <th scope="col" className="sr-only" />}
            </tr>
          </thead>
          <tbody>
            {accounts.data.items.map((a) => (
              <tr key={a.id} data-testid={`account-row-${a.code}`} className={a.isActive ? undefined : 'is-muted'}>
                <td>
                  {renaming?.id === a.id ? (
                    <form
                      className="inline-edit"
                      onSubmit={(e) => {
                        e.preventDefault();
                        saveRename();
                      }}
                    >
                      <input
                        className="input input-sm"
                        aria-label={t('books.accounts.name')}
                        value={renaming.name}
                        onChange={(e) => setRenaming({ id: a.id, name: e.target.value })}
                        autoFocus
                        aria-invalid={!!renameError}
                      />
                      <Button size="sm" type="submit" pending={update.isPending}>
                        {t('books.accounts.save')}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setRenaming(null)}>
                        {t('common.cancel')}
                      </Button>
                      {renameError && <span className="field-error">{renameError}</span>}
                    </form>
                  ) : (
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/reports/accounts/$accountId" params={{ businessId, accountId: a.id }}>
                        <span className="account-code">{a.code}</span> {a.name}
                      </Link>
                      <span className="person-email">
                        {t(`books.accounts.subtypes.${a.subtype}`)}
                        {a.isSystem && ` · ${t('books.accounts.system')}`}
                        {!a.isActive && ` · ${t('books.accounts.inactive')}`}
                      </span>
                    </div>
                  )}
                </td>
                <td data-label={t('books.accounts.type')}>{t(`books.accounts.types.${a.type}`)}</td>
                <td data-label={t('books.accounts.balance')} className="align-end num">
                  {money.json(naturalBalance(a))}
                </td>
                {canPost && (
                  <td className="align-end row-actions">
                    {!a.isSystem && renaming?.id !== a.id && (
                      <>
                        <Button size="sm" variant="ghost" onClick={() => setRenaming({ id: a.id, name: a.name })} data-testid={`account-rename-${a.code}`}>
                          {t('books.accounts.rename')}
                        </Button>
                        {a.isActive ? (
                          <Button size="sm" variant="ghost" onClick={() => setDeactivating(a)} data-testid={`account-deactivate-${a.code}`}>
                            {t('books.accounts.deactivate')}
                          </Button>
                        ) : (
                          <Button size="sm" variant="ghost" onClick={() => update.mutate({ accountId: a.id, changes: { isActive: true } })}>
                            {t('books.accounts.reactivate')}
                          </Button>
                        )}
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <Card
      title={t('books.accounts.title')}
      description={t('books.accounts.description')}
      testId="accounts-section"
      actions={
        canPost &&
        !adding && (
          <Button size="sm" onClick={() => setAdding(true)} data-testid="account-add">
            <Icon name="plus" size={16} />
            <span>{t('books.accounts.add')}</span>
          </Button>
        )
      }
    >
      {adding && <NewAccountForm businessId={businessId} onDone={() => setAdding(false)} />}
      <ListToolbar>
        <label className="checkbox-inline">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <span>{t('books.accounts.showInactive')}</span>
        </label>
      </ListToolbar>
      {!renaming && update.isError && <FormError error={update.error} />}
      {body}
      <ConfirmDialog
        open={!!deactivating}
        title={t('books.accounts.deactivateTitle', { name: deactivating?.name ?? '' })}
        confirmLabel={t('books.accounts.deactivate')}
        pending={update.isPending}
        error={deactivating ? update.error : null}
        onCancel={() => {
          setDeactivating(null);
          update.reset();
        }}
        onConfirm={() =>
          deactivating && update.mutate({ accountId: deactivating.id, changes: { isActive: false } }, { onSuccess: () => setDeactivating(null) })
        }
      >
        {t('books.accounts.deactivateBody')}
      </ConfirmDialog>
    </Card>
  );
}
