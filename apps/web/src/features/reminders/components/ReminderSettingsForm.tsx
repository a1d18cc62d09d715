import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { CheckboxField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormErrors } from '../../../lib/error-message';
import { useReminderSettings, type ReminderSettings } from '../api/get-reminder-settings';
import { useUpdateReminderSettings } from '../api/update-reminder-settings';
import { useOffsetLabel } from './offset-label';

const FIELDS = ['enabled', 'offsets', 'subjectEn', 'bodyEn', 'subjectZh', 'bodyZh'];
// Accepts the typographic minus too, as the hint shows it.
const WHOLE_DAYS = /^[-−]?\d{1,3}$/;

export function ReminderSettingsForm({ businessId }: { businessId: string }) {
  const settings = useReminderSettings(businessId);
  if (settings.isPending) return <TableSkeleton rows={4} columns={1} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  return <SettingsForm businessId={businessId} saved={settings.data} />;
}

function SettingsForm({ businessId, saved }: { businessId: string; saved: ReminderSettings }) {
  const { t } = useTranslation();
  const offsetLabel = useOffsetLabel();
  const update = useUpdateReminderSettings(businessId);
  const [form, setForm] = useState<ReminderSettings>(saved);
  const [newOffset, setNewOffset] = useState('');
  const [offsetError, setOffsetError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const errors = useFormErrors(update.error, FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  // The save button is at the bottom; bring the first field the API refused into view.
  useEffect(() => {
    if (update.error) formRef.current?.querySelector('.field-invalid')?.scrollIntoView({ block: 'center' });
  }, [update.error]);
  const set = (patch: Partial<ReminderSettings>) => {
    setDone(false);
    setForm((f) => ({ ...f, ...patch }));
  };

  const addOffset = () => {
    const text = newOffset.trim();
    if (!WHOLE_DAYS.test(text)) {
      setOffsetError(t('reminders.offsetInvalid'));
      return;
    }
    const value = Number(text.replace('−', '-'));
    if (form.offsets.includes(value)) {
      setOffsetError(t('reminders.offsetDuplicate'));
      return;
    }
    setOffsetError(null);
    setNewOffset('');
    set({ offsets: [...form.offsets, value].sort((a, b) => a - b) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(form, {
      onSuccess: (next) => {
        setForm(next);
        setDone(true);
      },
    });
  };

  return (
    <form ref={formRef} className="column-stack" onSubmit={submit} noValidate data-testid="reminder-settings-form">
      <Card title={t('reminders.settingsTitle')} description={t('reminders.settingsDescription')}>
        <div className="form">
          <CheckboxField
            label={t('reminders.enabled')}
            name="enabled"
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
            hint={t('reminders.enabledHint')}
            error={errors.field('enabled')}
          />
          <div className={`field${errors.field('offsets') || offsetError ? ' field-invalid' : ''}`}>
            <span className="field-label" id="reminder-offsets-label">
              {t('reminders.offsets')}
            </span>
            {form.offsets.length === 0 ? (
              <p className="muted small" data-testid="reminder-no-offsets">{t('reminders.noOffsets')}</p>
            ) : (
              <ul className="offset-chips" aria-labelledby="reminder-offsets-label" data-testid="reminder-offsets">
                {form.offsets.map((offset) => (
                  <li key={offset} className="chip" data-offset={offset}>
                    {offsetLabel(offset)}
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t('reminders.removeOffset', { label: offsetLabel(offset) })}
                      onClick={() => set({ offsets: form.offsets.filter((o) => o !== offset) })}
                    >
                      <Icon name="close" size={14} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="offset-add">
              <input
                className="input input-sm"
                inputMode="numeric"
                aria-label={t('reminders.newOffset')}
                placeholder={t('reminders.newOffset')}
                value={newOffset}
                aria-invalid={offsetError ? true : undefined}
                onChange={(e) => setNewOffset(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addOffset();
                  }
                }}
                data-testid="field-newOffset"
              />
              <Button variant="secondary" size="sm" onClick={addOffset} data-testid="add-offset">
                <Icon name="plus" size={16} />
                <span>{t('reminders.addOffset')}</span>
              </Button>
            </div>
            {offsetError || errors.field('offsets') ? (
              <p className="field-error" data-testid="field-error-offsets">
                {offsetError ?? errors.field('offsets')}
              </p>
            ) : (
              <p className="field-hint">{t('reminders.offsetsHint')}</p>
            )}
            <p className="field-hint">{t('reminders.catchUp')}</p>
          </div>
        </div>
      </Card>
      <Card title={t('reminders.messageTitle')} description={t('reminders.messageDescription')}>
        <div className="form">
          <p className="muted small">{t('reminders.placeholders')}</p>
          <TextField label={t('reminders.subjectEn')} name="subjectEn" value={form.subjectEn} onChange={(e) => set({ subjectEn: e.target.value })} error={errors.field('subjectEn')} />
          <TextAreaField label={t('reminders.bodyEn')} name="bodyEn" rows={6} value={form.bodyEn} onChange={(e) => set({ bodyEn: e.target.value })} error={errors.field('bodyEn')} />
          <TextField label={t('reminders.subjectZh')} name="subjectZh" value={form.subjectZh} onChange={(e) => set({ subjectZh: e.target.value })} error={errors.field('subjectZh')} />
          <TextAreaField label={t('reminders.bodyZh')} name="bodyZh" rows={6} value={form.bodyZh} onChange={(e) => set({ bodyZh: e.target.value })} error={errors.field('bodyZh')} />
        </div>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <div className="form-actions">
          {done && (
            <span className="text-success" role="status" data-testid="reminder-settings-saved">
              <Icon name="check" size={16} /> {t('reminders.saved')}
            </span>
          )}
          <span className="spacer" />
          <Button type="submit" pending={update.isPending} pendingLabel={t('common.saving')} data-testid="save-reminder-settings">
            {t('reminders.save')}
          </Button>
        </div>
      </Card>
    </form>
  );
}
