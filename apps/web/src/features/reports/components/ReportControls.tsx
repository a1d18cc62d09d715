import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from './dates';

export type Period = { from: string; to: string };

/** From/to dates with one-click presets; the chosen preset is shown as pressed. */
export function PeriodPicker({ value, onChange, children }: { value: Period; onChange: (next: Period) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const active = PERIOD_PRESETS.find((p) => {
    const r = presetRange(p);
    return r.from === value.from && r.to === value.to;
  });
  return (
    <div className="report-controls" data-testid="period-picker">
      <div className="segmented" role="group" aria-label={t('reports.presets.label')}>
        {PERIOD_PRESETS.map((preset: PeriodPreset) => (
          <button
            key={preset}
            type="button"
            className={`segmented-item${active === preset ? ' is-active' : ''}`}
            aria-pressed={active === preset}
            onClick={() => onChange(presetRange(preset))}
            data-testid={`preset-${preset}`}
          >
            {t(`reports.presets.${preset}`)}
          </button>
        ))}
      </div>
      <label className="inline-field">
        <span>{t('reports.from')}</span>
        <input
          className="input input-sm"
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
          data-testid="period-from"
        />
      </label>
      <label className="inline-field">
        <span>{t('reports.to')}</span>
        <input
          className="input input-sm"
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
          data-testid="period-to"
        />
      </label>
      {children}
    </div>
  );
}

export function AsOfPicker({ value, onChange, children }: { value: string; onChange: (next: string) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="report-controls">
      <label className="inline-field">
        <span>{t('reports.asOf')}</span>
        <input
          className="input input-sm"
          type="date"
          value={value}
          onChange={(e) => e.target.value && onChange(e.target.value)}
          data-testid="as-of"
        />
      </label>
      {children}
    </div>
  );
}

export function CsvLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn-secondary btn-sm" href={href} download data-testid="download-csv">
      <Icon name="copy" size={16} />
      <span>{t('reports.downloadCsv')}</span>
    </a>
  );
}
