import { useTranslation } from 'react-i18next';

type Value = number | boolean | null | string | readonly string[];

interface Props<T extends Record<string, Value>> {
  title: string;
  /** The catalogue prefix of the field labels, e.g. 'ui.tiers'. */
  prefix: 'ui.tiers' | 'ui.lifecycle';
  values: T;
  /** Fields whose empty input means "not used" (null). */
  nullable?: readonly (keyof T & string)[];
  testId: string;
  onChange: (next: T) => void;
}

/** A rule table's numbers and switches (tier thresholds and triggers, lifecycle rules) as a form; lists are kept as they are. */
export function RuleFields<T extends Record<string, Value>>({ title, prefix, values, nullable = [], testId, onChange }: Props<T>) {
  const { t } = useTranslation('params');
  return (
    <div className="card" data-testid={testId}>
      <div className="card-header">
        <h2>{title}</h2>
      </div>
      <div className="pm-grid">
        {Object.entries(values).map(([key, v]) => {
          if (typeof v === 'boolean') {
            return (
              <label key={key} className="pm-check">
                <input type="checkbox" checked={v} onChange={(e) => onChange({ ...values, [key]: e.target.checked })} />
                <span>{t(`${prefix}.${key}`)}</span>
              </label>
            );
          }
          if (typeof v !== 'number' && v !== null) return null;
          return (
            <label key={key} className="field">
              <span className="field-label">{t(`${prefix}.${key}`)}</span>
              <input
                type="number"
                value={v ?? ''}
                onChange={(e) => onChange({ ...values, [key]: e.target.value === '' && nullable.includes(key) ? null : Number(e.target.value) })}
                data-testid={`${testId}-${key}`}
              />
            </label>
          );
        })}
      </div>
    </div>
  );
}
