import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCursorPages } from '../../../components/CursorPager';
import { Icon } from '../../../components/Icon';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateContact } from '../../contacts/api/create-contact';
import { contactsExportUrl } from '../../contacts/api/export-contacts';
import { useContacts, type ContactFilters } from '../../contacts/api/get-contacts';
import { ContactForm } from '../../contacts/components/ContactForm';
import { ListCard } from '../components/ListCard';
import { PagedList } from '../components/PagedList';

/** Contacts who supply the business (suppliers, and contacts who are both); each opens on its contact page. */
export function SuppliersPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('suppliers.title'));
  const canWrite = allows(permissions, 'contacts.write');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const filters: ContactFilters = { q, kind: 'supplier', archived: 'false', sort: 'name' };
  const pages = useCursorPages(JSON.stringify(filters));
  const suppliers = useContacts(businessId, filters, pages.cursor);
  const newLink = (size: 'sm' | 'md') => (
    <Link className={`btn btn-primary btn-${size}`} to="/b/$businessId/purchases/suppliers/new" params={{ businessId }} data-testid={size === 'sm' ? 'new-supplier' : undefined}>
      {size === 'sm' && <Icon name="plus" size={16} />}
      <span>{t('suppliers.new')}</span>
    </Link>
  );
  return (
    <ListCard
      title={t('suppliers.title')}
      description={t('suppliers.description')}
      testId="suppliers"
      exportHref={contactsExportUrl(businessId, filters)}
      newAction={canWrite && newLink('sm')}
      search={{ value: search, onChange: setSearch, placeholder: t('suppliers.searchPlaceholder') }}
    >
      <PagedList
        query={suppliers}
        pages={pages}
        columns={4}
        filtered={q.trim() !== ''}
        icon="users"
        testId="suppliers"
        empty={{ title: t('suppliers.emptyTitle'), body: t('suppliers.emptyBody'), action: canWrite && newLink('md') }}
        noMatch={{ title: t('suppliers.noMatchTitle'), body: t('suppliers.noMatchBody') }}
        onClear={() => setSearch('')}
      >
        {(items) => (
          <table className="table" data-testid="suppliers-table">
            <thead>
              <tr>
                <th scope="col">{t('suppliers.columns.name')}</th>
                <th scope="col">{t('suppliers.columns.phone')}</th>
                <th scope="col">{t('suppliers.columns.currency')}</th>
                <th scope="col">{t('suppliers.columns.terms')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid={`supplier-row-${c.id}`}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: c.id }}>
                        {c.name}
                        {c.kind === 'both' && <span className="badge badge-muted">{t('customers.kinds.both')}</span>}
                      </Link>
                      {c.email && <span className="person-email">{c.email}</span>}
                    </div>
                  </td>
                  <td data-label={t('suppliers.columns.phone')}>{c.phone ?? <span className="muted">—</span>}</td>
                  <td data-label={t('suppliers.columns.currency')}>{c.currency}</td>
                  <td data-label={t('suppliers.columns.terms')}>
                    {c.paymentTermsDays === 0 ? t('customers.onReceipt') : t('customers.days', { count: c.paymentTermsDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </ListCard>
  );
}

export function NewSupplierPage({ businessId, baseCurrency }: { businessId: string; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('suppliers.new'));
  const navigate = useNavigate();
  const create = useCreateContact(businessId);
  return (
    <div className="subpage" data-testid="page-new-supplier">
      <Link className="back-link" to="/b/$businessId/purchases/suppliers" params={{ businessId }}>
        ← {t('suppliers.title')}
      </Link>
      <h2 className="subpage-title">{t('suppliers.new')}</h2>
      <ContactForm
        defaultKind="supplier"
        baseCurrency={baseCurrency}
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate({ to: '/b/$businessId/purchases/suppliers', params: { businessId } })}
        onSubmit={(body) => create.mutate(body, { onSuccess: () => void navigate({ to: '/b/$businessId/purchases/suppliers', params: { businessId } }) })}
      />
    </div>
  );
}
