import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/Combobox';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContacts, type Contact } from '../../contacts/api/get-contacts';

/**
 * Searches the business's active contacts on the server as you type: customers (and contacts who
 * are both) for sales documents, suppliers (and both) for purchase documents.
 */
export function CustomerPicker({
  businessId,
  selectedName,
  onSelect,
  error,
  autoFocus,
  party = 'customer',
  label,
}: {
  businessId: string;
  selectedName: string;
  onSelect: (contact: Contact) => void;
  error?: string;
  autoFocus?: boolean;
  party?: 'customer' | 'supplier';
  label?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(selectedName);
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text, 200);
  const contacts = useContacts(businessId, { q: open && q !== selectedName ? q : '', kind: party === 'supplier' ? 'supplier' : '', archived: 'false', sort: 'name' }, undefined, 8);
  const customers = (contacts.data?.items ?? []).filter((c) => c.kind !== (party === 'supplier' ? 'customer' : 'supplier'));
  const id = party === 'supplier' ? 'document-supplier' : 'invoice-customer';
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label ?? (party === 'supplier' ? t('purchases.supplier') : t('invoices.fields.customer'))}
      </label>
      <Combobox
        id={id}
        className="input"
        text={text}
        onTextChange={setText}
        items={open && (q === text || text === selectedName) && !contacts.isPlaceholderData ? customers : []}
        loading={contacts.isFetching}
        getKey={(c) => c.id}
        emptyText={party === 'supplier' ? t('purchases.noSuppliers') : t('invoices.noCustomers')}
        renderItem={(c) => (
          <span className="person">
            <span className="person-name">{c.name}</span>
            <span className="person-email">
              {[c.email, c.currency].filter(Boolean).join(' · ')}
            </span>
          </span>
        )}
        onSelect={(c) => {
          setText(c.name);
          onSelect(c);
        }}
        onOpenChange={setOpen}
        onBlur={() => setText(selectedName || text)}
        placeholder={party === 'supplier' ? t('purchases.supplierPlaceholder') : t('invoices.customerPlaceholder')}
        aria-invalid={error ? true : undefined}
        data-testid="field-contactId"
        autoFocus={autoFocus}
      />
      {error && (
        <p className="field-error" data-testid="field-error-contactId">
          {error}
        </p>
      )}
    </div>
  );
}
