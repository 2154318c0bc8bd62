import { useTranslation } from 'react-i18next';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { LifecyclePreview } from '../../../../shared/params/movement';
import type { ParamIssue } from '../../../../shared/params/validate';
import { NumberField } from './NumberField';
import { MovementTable } from './MovementTable';

type Lifecycle = ParamSet['lifecycle'];
const FIELDS: (keyof Lifecycle)[] = [
  'newDays',
  'matureDays',
  'matureMinOrders',
  'riskInactiveDays',
  'riskWindowDays',
  'riskSpendDropPct',
  'riskContractEndDays',
];

interface Props {
  lifecycle: Lifecycle;
  issues: readonly ParamIssue[];
  preview: LifecyclePreview | null;
  int: (n: number) => string;
  onChange: (lifecycle: Lifecycle) => void;
}

/** Lifecycle rules (read in order: churned, at risk, new, mature, growing), with the customers each stage would hold before → after. */
export function LifecycleEditor({ lifecycle, issues, preview, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const { t: ta } = useTranslation('analytics');
  return (
    <div className="card" data-testid="params-lifecycle">
      <div className="card-header">
        <h2>{t('ui.lifecycle.title')}</h2>
      </div>
      <p className="field-help">{t('ui.lifecycle.help')}</p>
      <div className="pm-grid">
        {FIELDS.map((key) => (
          <NumberField
            key={key}
            label={t(`ui.lifecycle.${key}`)}
            value={lifecycle[key]}
            issues={issues.filter((i) => i.path === `lifecycle.${key}`)}
            testId={`params-lifecycle-${key}`}
            onChange={(v) => onChange({ ...lifecycle, [key]: v ?? Number.NaN })}
          />
        ))}
      </div>
      {preview ? <MovementTable preview={preview} name={(id) => ta(`lifecycle.stages.${id}`)} int={int} testId="params-lifecycle-preview" /> : null}
    </div>
  );
}
