import { useTranslation } from 'react-i18next';
import { useLocations } from '../api/get-locations';

/** A select of the active locations, the default first; `allLabel` adds an "every location" choice. */
export function LocationSelect({
  businessId,
  value,
  onChange,
  allLabel,
  label,
  testId,
  className = 'input select input-sm',
  id,
  invalid,
}: {
  businessId: string;
  value: string;
  onChange: (locationId: string) => void;
  allLabel?: string;
  label: string;
  testId?: string;
  className?: string;
  id?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const locations = useLocations(businessId);
  return (
    <select
      id={id}
      className={className}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
      disabled={locations.isPending}
    >
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {allLabel === undefined && !value && <option value="">{t('inventory.locations.choose')}</option>}
      {(locations.data?.items ?? []).map((l) => (
        <option key={l.id} value={l.id}>
          {l.name} ({l.code})
        </option>
      ))}
    </select>
  );
}
