import { useTranslation } from 'react-i18next';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { TierPreview } from '../../../../shared/params/movement';
import type { ParamIssue } from '../../../../shared/params/validate';
import { NumberField } from './NumberField';
import { MovementTable } from './MovementTable';

type Tiers = ParamSet['tiers'];

interface Props {
  tiers: Tiers;
  issues: readonly ParamIssue[];
  preview: TierPreview | null;
  int: (n: number) => string;
  onChange: (tiers: Tiers) => void;
}

/** Tier thresholds and the upgrade trigger, with the customers each tier would hold before → after. */
export function TierEditor({ tiers, issues, preview, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const { t: ta } = useTranslation('analytics');
  const at = (key: keyof Tiers) => issues.filter((i) => i.path === `tiers.${key}`);
  const num = (key: 'coreMinTenureDays' | 'potentialMaxTenureDays' | 'yearDays') => (
    <NumberField
      label={t(`ui.tiers.${key}`)}
      value={tiers[key]}
      issues={at(key)}
      testId={`params-tiers-${key}`}
      onChange={(v) => onChange({ ...tiers, [key]: v ?? Number.NaN })}
    />
  );
  return (
    <div className="card" data-testid="params-tiers">
      <div className="card-header">
        <h2>{t('ui.tiers.title')}</h2>
      </div>
      <p className="field-help">{t('ui.tiers.help')}</p>
      <div className="pm-grid">
        <NumberField
          label={t('ui.tiers.strategicShare')}
          value={tiers.strategicShare}
          scale={100}
          issues={at('strategicShare')}
          testId="params-tiers-strategicShare"
          onChange={(v) => onChange({ ...tiers, strategicShare: v ?? Number.NaN })}
        />
        <NumberField
          label={t('ui.tiers.coreTopShare')}
          value={tiers.coreTopShare}
          scale={100}
          issues={at('coreTopShare')}
          testId="params-tiers-coreTopShare"
          onChange={(v) => onChange({ ...tiers, coreTopShare: v ?? Number.NaN })}
        />
        {num('coreMinTenureDays')}
        {num('potentialMaxTenureDays')}
        <NumberField
          label={t('ui.tiers.upgradeOrderAmount')}
          value={tiers.upgradeOrderAmount}
          nullable
          issues={at('upgradeOrderAmount')}
          testId="params-tiers-upgradeOrderAmount"
          onChange={(v) => onChange({ ...tiers, upgradeOrderAmount: v })}
        />
        {num('yearDays')}
        <label className="field">
          <span className="field-label">{t('ui.tiers.growthIndustries')}</span>
          <input
            value={tiers.growthIndustries.join('，')}
            onChange={(e) =>
              onChange({
                ...tiers,
                growthIndustries: e.target.value
                  .split(/[,，、]/)
                  .map((x) => x.trim())
                  .filter(Boolean),
              })
            }
            data-testid="params-tiers-growthIndustries"
          />
        </label>
        <label className="pm-check">
          <input type="checkbox" checked={tiers.benchmarkIsStrategic} onChange={(e) => onChange({ ...tiers, benchmarkIsStrategic: e.target.checked })} />
          <span>{t('ui.tiers.benchmarkIsStrategic')}</span>
        </label>
      </div>
      {preview ? <MovementTable preview={preview} name={(id) => ta(`tiers.names.${id}`)} int={int} testId="params-tiers-preview" /> : null}
    </div>
  );
}
