import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { regionName, useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useArchiveContact } from '../api/archive-contact';
import { useDeleteContact } from '../api/delete-contact';
import { useContact } from '../api/get-contact';
import type { Contact } from '../api/get-contacts';
import { useUnarchiveContact } from '../api/unarchive-contact';

export function CustomerDetailPage({ businessId, contactId, permissions }: { businessId: string; contactId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contact = useContact(businessId, contactId);
  const archive = useArchiveContact(businessId);
  const unarchive = useUnarchiveContact(businessId);
  const remove = useDeleteContact(businessId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const canWrite = allows(permissions, 'contacts.write');
  useDocumentTitle(contact.data?.name);

  if (contact.isPending) return <PageSpinner />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} retrying={contact.isFetching} />;
  const c = contact.data;
  const inUse = isApiError(remove.error, 'CONTACT_IN_USE');

  return (
    <div className="subpage" data-testid="page-customer">
      <Link className="back-link" to="/b/$businessId/sales/customers" params={{ businessId }}>
        ← {t('customers.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="customer-name">
          {c.name}
          {c.archived && <span className="badge badge-muted">{t('customers.archived')}</span>}
        </h2>
        <div className="page-actions">
          <Link
            className="btn btn-secondary btn-sm"
            to="/b/$businessId/sales/invoices"
            params={{ businessId }}
            search={{ contactId: c.id }}
          >
            {t('customers.viewInvoices')}
          </Link>
          {allows(permissions, 'invoices.write') && !c.archived && (
            <Link className="btn btn-secondary btn-sm" to="/b/$businessId/sales/invoices/new" params={{ businessId }} search={{ contactId: c.id }}>
              {t('invoices.new')}
            </Link>
          )}
          {canWrite && (
            <Link className="btn btn-primary btn-sm" to="/b/$businessId/sales/customers/$contactId/edit" params={{ businessId, contactId }} data-testid="edit-customer">
              {t('common.edit')}
            </Link>
          )}
        </div>
      </div>
      <ContactFacts contact={c} />
      {canWrite && (
        <Card title={t('customers.manageTitle')} description={c.archived ? t('customers.archivedHint') : t('customers.archiveHint')}>
          <FormError error={archive.error ?? unarchive.error} />
          <div className="form-actions form-actions-start">
            {c.archived ? (
              <Button variant="secondary" pending={unarchive.isPending} onClick={() => unarchive.mutate(c.id)} data-testid="unarchive-customer">
                {t('customers.unarchive')}
              </Button>
            ) : (
              <Button variant="secondary" pending={archive.isPending} onClick={() => archive.mutate(c.id)} data-testid="archive-customer">
                {t('customers.archive')}
              </Button>
            )}
            <Button
              variant="ghost"
              className="text-danger"
              onClick={() => {
                remove.reset();
                setConfirmDelete(true);
              }}
              data-testid="delete-customer"
            >
              {t('common.delete')}
            </Button>
          </div>
        </Card>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('customers.deleteTitle', { name: c.name })}
        confirmLabel={t('customers.deleteConfirm')}
        confirmDisabled={inUse}
        pending={remove.isPending}
        error={inUse ? null : remove.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              void navigate({ to: '/b/$businessId/sales/customers', params: { businessId } });
            },
          })
        }
      >
        {inUse ? (
          <div className="alert alert-warning" role="alert" data-testid="contact-in-use">
            <div>
              <p>{t('customers.inUse')}</p>
              {!c.archived && (
                <Button
                  size="sm"
                  variant="secondary"
                  pending={archive.isPending}
                  onClick={() => archive.mutate(c.id, { onSuccess: () => setConfirmDelete(false) })}
                  data-testid="archive-instead"
                >
                  {t('customers.archiveInstead')}
                </Button>
              )}
            </div>
          </div>
        ) : (
          t('customers.deleteBody')
        )}
      </ConfirmDialog>
    </div>
  );
}

function ContactFacts({ contact: c }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const unset = <span className="muted">{t('common.notSet')}</span>;
  const a = c.billingAddress;
  const address = a
    ? [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, regionName(a.country, i18n.language)].filter(Boolean)
    : [];
  return (
    <Card testId="customer-facts">
      <dl className="facts">
        <div>
          <dt>{t('customers.fields.kind')}</dt>
          <dd>{t(`customers.kinds.${c.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.email')}</dt>
          <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : unset}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.phone')}</dt>
          <dd>{c.phone ?? unset}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.taxId')}</dt>
          <dd>{c.taxId ?? unset}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.currency')}</dt>
          <dd>{c.currency}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.paymentTermsDays')}</dt>
          <dd>{c.paymentTermsDays === 0 ? t('customers.onReceipt') : t('customers.days', { count: c.paymentTermsDays })}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.creditLimitShort')}</dt>
          <dd>{c.creditLimit ? money.json(c.creditLimit) : unset}</dd>
        </div>
        <div>
          <dt>{t('customers.fields.billingAddress')}</dt>
          <dd className="address">{address.length ? address.map((line) => <span key={line}>{line}</span>) : unset}</dd>
        </div>
        <div>
          <dt>{t('business.fields.createdAt')}</dt>
          <dd>{format.date(c.createdAt)}</dd>
        </div>
        <div className="facts-span">
          <dt>{t('customers.fields.notes')}</dt>
          <dd className="pre-wrap">{c.notes ?? unset}</dd>
        </div>
      </dl>
    </Card>
  );
}
