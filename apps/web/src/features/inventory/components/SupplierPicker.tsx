import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/Combobox';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContacts } from '../../contacts/api/get-contacts';

export type PickedSupplier = { id: string; name: string };

/** Search suppliers (and contacts that are both) by name; clearing the text clears the choice. */
export function SupplierPicker({
  businessId,
  value,
  onChange,
  label,
  id,
  testId,
  invalid,
}: {
  businessId: string;
  value: PickedSupplier | null;
  onChange: (supplier: PickedSupplier | null) => void;
  label: string;
  id?: string;
  testId?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text, 200);
  const contacts = useContacts(businessId, { q: open ? q : '', kind: 'supplier', archived: 'false', sort: 'name' }, undefined, 8);
  const items = open && q === text && !contacts.isPlaceholderData ? (contacts.data?.items ?? []) : [];
  return (
    <Combobox
      id={id}
      className="input"
      text={text}
      onTextChange={(next) => {
        setText(next);
        if (!next.trim()) onChange(null);
      }}
      items={items}
      getKey={(c) => c.id}
      loading={contacts.isFetching}
      emptyText={t('inventory.reorder.noSuppliers')}
      onOpenChange={setOpen}
      renderItem={(c) => <span>{c.name}</span>}
      onSelect={(c) => {
        setText(c.name);
        onChange({ id: c.id, name: c.name });
      }}
      placeholder={t('inventory.reorder.supplierPlaceholder')}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      data-testid={testId}
    />
  );
}
