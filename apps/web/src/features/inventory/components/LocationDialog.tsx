import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';
import { useCreateLocation, type LocationInput } from '../api/create-location';
import type { Location } from '../api/get-locations';
import { useUpdateLocation } from '../api/update-location';

const FIELDS = ['code', 'name', 'kind', 'address.line1', 'address.city', 'address.postalCode', 'address.country'] as const;

/** Adds a location, or edits one (code, name, kind and street address). */
export function LocationDialog({ businessId, location, open, onClose }: { businessId: string; location: Location | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateLocation(businessId);
  const update = useUpdateLocation(businessId);
  const save = location ? update : create;
  const [code, setCode] = useState(location?.code ?? '');
  const [name, setName] = useState(location?.name ?? '');
  const [kind, setKind] = useState<LocationInput['kind']>(location?.kind ?? 'warehouse');
  const [line1, setLine1] = useState(location?.address?.line1 ?? '');
  const [city, setCity] = useState(location?.address?.city ?? '');
  const [postalCode, setPostalCode] = useState(location?.address?.postalCode ?? '');
  const [country, setCountry] = useState(location?.address?.country ?? '');
  const errors = useFormErrors(save.error, FIELDS);

  const submit = () => {
    const address = line1.trim() || city.trim() || postalCode.trim() || country.trim()
      ? {
          ...(line1.trim() ? { line1: line1.trim() } : {}),
          ...(city.trim() ? { city: city.trim() } : {}),
          ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}),
          ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
        }
      : null;
    const body: LocationInput = { code: code.trim(), name: name.trim(), kind, address };
    if (location) update.mutate({ locationId: location.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <ConfirmDialog
      open={open}
      title={location ? t('inventory.locations.editTitle', { name: location.name }) : t('inventory.locations.newTitle')}
      confirmLabel={location ? t('common.save') : t('inventory.locations.create')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      pending={save.isPending}
      error={errors.general}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      onConfirm={submit}
    >
      <form
        className="form dialog-form"
        noValidate
        data-testid="location-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="form-row">
          <TextField label={t('inventory.locations.code')} name="code" value={code} onChange={(e) => setCode(e.target.value)} error={errors.field('code')} hint={t('inventory.locations.codeHint')} maxLength={20} autoFocus />
          <SelectField
            label={t('inventory.locations.kind')}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as LocationInput['kind'])}
            options={[
              { value: 'warehouse', label: t('inventory.locations.kinds.warehouse') },
              { value: 'shop', label: t('inventory.locations.kinds.shop') },
            ]}
          />
        </div>
        <TextField label={t('inventory.locations.name')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} maxLength={100} />
        <TextField label={t('inventory.locations.street')} name="address.line1" value={line1} onChange={(e) => setLine1(e.target.value)} error={errors.field('address.line1')} />
        <div className="form-row form-row-3">
          <TextField label={t('inventory.locations.city')} name="address.city" value={city} onChange={(e) => setCity(e.target.value)} error={errors.field('address.city')} />
          <TextField label={t('inventory.locations.postalCode')} name="address.postalCode" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} error={errors.field('address.postalCode')} />
          <TextField label={t('inventory.locations.country')} name="address.country" value={country} onChange={(e) => setCountry(e.target.value)} error={errors.field('address.country')} maxLength={2} placeholder="CN" />
        </div>
        <button type="submit" hidden />
      </form>
    </ConfirmDialog>
  );
}
