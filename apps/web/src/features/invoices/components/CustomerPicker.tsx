import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/Combobox';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContacts, type Contact } from '../../contacts/api/get-contacts';

/** Searches the business's active contacts on the server as you type. */
export function CustomerPicker({
  businessId,
  selectedName,
  onSelect,
  error,
  autoFocus,
}: {
  businessId: string;
  selectedName: string;
  onSelect: (contact: Contact) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(selectedName);
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text, 200);
  const contacts = useContacts(businessId, { q: open && q !== selectedName ? q : '', kind: '', archived: 'false', sort: 'name' }, undefined, 8);
  const customers = (contacts.data?.items ?? []).filter((c) => c.kind !== 'supplier');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor="invoice-customer">
        {t('invoices.fields.customer')}
      </label>
      <Combobox
        id="invoice-customer"
        className="input"
        text={text}
        onTextChange={setText}
        items={open && (q === text || text === selectedName) && !contacts.isPlaceholderData ? customers : []}
        loading={contacts.isFetching}
        getKey={(c) => c.id}
        emptyText={t('invoices.noCustomers')}
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
        placeholder={t('invoices.customerPlaceholder')}
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
