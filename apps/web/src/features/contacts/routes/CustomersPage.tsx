import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CsvExportLink } from '../../../components/CsvExportLink';
import { CsvImportDialog } from '../../../components/CsvImportDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { contactsExportUrl } from '../api/export-contacts';
import { useContacts, type ContactFilters, type ContactKind, type ContactSort } from '../api/get-contacts';
import { useImportContacts } from '../api/import-contacts';
import { usePreviewContactsImport } from '../api/preview-contacts-import';

export function CustomersPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('customers.title'));
  const canWrite = allows(permissions, 'contacts.write');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ContactKind | ''>('');
  const [archived, setArchived] = useState<ContactFilters['archived']>('false');
  const [sort, setSort] = useState<ContactSort>('name');
  const [importing, setImporting] = useState(false);
  const q = useDebouncedValue(search);
  const filters: ContactFilters = { q, kind, archived, sort };
  const pages = useCursorPages(JSON.stringify(filters));
  const contacts = useContacts(businessId, filters, pages.cursor);
  const preview = usePreviewContactsImport(businessId);
  const runImport = useImportContacts(businessId);
  const filtered = q.trim() !== '' || kind !== '' || archived !== 'false';

  let body;
  if (contacts.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (contacts.isError) {
    body = <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} retrying={contacts.isFetching} />;
  } else if (contacts.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="users"
        title={t('customers.noMatchTitle')}
        testId="customers-empty"
        action={
          <Button
            variant="secondary"
            onClick={() => {
              setSearch('');
              setKind('');
              setArchived('false');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('customers.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="users"
        title={t('customers.emptyTitle')}
        testId="customers-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/customers/new" params={{ businessId }}>
              {t('customers.new')}
            </Link>
          )
        }
      >
        {canWrite ? t('customers.emptyBody') : t('customers.emptyBodyReadOnly')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${contacts.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">{t('customers.fields.name')}</th>
                <th scope="col">{t('customers.fields.kind')}</th>
                <th scope="col">{t('customers.fields.phone')}</th>
                <th scope="col">{t('customers.fields.currency')}</th>
                <th scope="col">{t('customers.fields.paymentTermsDays')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.data.items.map((contact) => (
                <tr key={contact.id} data-testid={`customer-row-${contact.id}`}>
                  <td>
                    <div className="person">
                      <Link
                        className="person-name"
                        to="/b/$businessId/sales/customers/$contactId"
                        params={{ businessId, contactId: contact.id }}
                      >
                        {contact.name}
                        {contact.archived && <span className="badge badge-muted">{t('customers.archived')}</span>}
                      </Link>
                      {contact.email && <span className="person-email">{contact.email}</span>}
                    </div>
                  </td>
                  <td data-label={t('customers.fields.kind')}>{t(`customers.kinds.${contact.kind}`)}</td>
                  <td data-label={t('customers.fields.phone')}>{contact.phone ?? <span className="muted">—</span>}</td>
                  <td data-label={t('customers.fields.currency')}>{contact.currency}</td>
                  <td data-label={t('customers.fields.paymentTermsDays')}>
                    {contact.paymentTermsDays === 0 ? t('customers.onReceipt') : t('customers.days', { count: contact.paymentTermsDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={contacts.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={contacts.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('customers.title')}
      description={t('customers.description')}
      testId="customers-section"
      actions={
        <>
          <CsvExportLink href={contactsExportUrl(businessId, filters)} testId="export-customers" />
          {canWrite && (
            <Button variant="secondary" size="sm" onClick={() => setImporting(true)} data-testid="import-customers">
              {t('common.importCsv')}
            </Button>
          )}
          {canWrite && (
            <Link className="btn btn-primary btn-sm" to="/b/$businessId/sales/customers/new" params={{ businessId }} data-testid="new-customer">
              <Icon name="plus" size={16} />
              <span>{t('customers.new')}</span>
            </Link>
          )}
        </>
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="customers-search"
        />
        <select
          className="input select input-sm"
          aria-label={t('customers.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContactKind | '')}
          data-testid="customers-kind"
        >
          <option value="">{t('customers.allKinds')}</option>
          {(['customer', 'supplier', 'both'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`customers.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          className="input select input-sm"
          aria-label={t('customers.archivedFilter')}
          value={archived}
          onChange={(e) => setArchived(e.target.value as ContactFilters['archived'])}
          data-testid="customers-archived"
        >
          <option value="false">{t('customers.showActive')}</option>
          <option value="true">{t('customers.showArchived')}</option>
          <option value="any">{t('customers.showAll')}</option>
        </select>
        <select
          className="input select input-sm"
          aria-label={t('common.sort')}
          value={sort}
          onChange={(e) => setSort(e.target.value as ContactSort)}
          data-testid="customers-sort"
        >
          <option value="name">{t('common.sortNameAsc')}</option>
          <option value="-name">{t('common.sortNameDesc')}</option>
          <option value="-createdAt">{t('common.sortNewest')}</option>
          <option value="createdAt">{t('common.sortOldest')}</option>
        </select>
      </ListToolbar>
      {body}
      <CsvImportDialog
        open={importing}
        title={t('customers.importTitle')}
        columnsHint={t('customers.importHint')}
        onClose={() => setImporting(false)}
        preview={{ run: preview.mutateAsync, pending: preview.isPending, error: preview.error, reset: preview.reset }}
        runImport={{ run: runImport.mutateAsync, pending: runImport.isPending, error: runImport.error, reset: runImport.reset }}
      />
    </Card>
  );
}
