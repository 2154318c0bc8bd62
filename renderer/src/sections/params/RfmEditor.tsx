import { useTranslation } from 'react-i18next';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { RfmPreview, ScoreCounts } from '../../../../shared/params/preview';

type Rfm = ParamSet['rfm'];
type Dim = 'recency' | 'frequency' | 'monetary';
const DIMS: Dim[] = ['recency', 'frequency', 'monetary'];
const SCORE_OF: Record<Dim, 'r' | 'f' | 'm'> = { recency: 'r', frequency: 'f', monetary: 'm' };

interface Props {
  rfm: Rfm;
  preview: RfmPreview | null;
  int: (n: number) => string;
  onChange: (rfm: Rfm) => void;
}

/** Scoring, cut points and look-back, with the customers each score would hold beside the run's. */
export function RfmEditor({ rfm, preview, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const setCut = (dim: Dim, i: number, value: number) => {
    const cuts = [...rfm.cuts[dim]] as [number, number, number, number];
    cuts[i] = value;
    onChange({ ...rfm, cuts: { ...rfm.cuts, [dim]: cuts } });
  };
  const cell = (c: ScoreCounts, score: number, key: string) => {
    const now = c.now[score - 1]!;
    const was = c.was[score - 1]!;
    return (
      <td key={key} className={`num${now !== was ? ' pm-changed' : ''}`}>
        {t('ui.rfm.countCell', { now: int(now), was: int(was) })}
      </td>
    );
  };
  return (
    <div className="card" data-testid="params-rfm">
      <div className="card-header">
        <h2>{t('ui.rfm.title')}</h2>
      </div>
      <div className="pm-row">
        <label className="field">
          <span className="field-label">{t('ui.rfm.scoring')}</span>
          <select value={rfm.scoring} onChange={(e) => onChange({ ...rfm, scoring: e.target.value as Rfm['scoring'] })} data-testid="params-rfm-scoring">
            <option value="quintiles">{t('ui.rfm.quintiles')}</option>
            <option value="cuts">{t('ui.rfm.cuts')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('ui.rfm.lookback')}</span>
          <input
            type="number"
            min={1}
            value={rfm.lookbackDays ?? ''}
            onChange={(e) => onChange({ ...rfm, lookbackDays: e.target.value === '' ? null : Math.max(1, Math.round(Number(e.target.value))) })}
          />
        </label>
      </div>
      <p className="field-help">{t('ui.rfm.cutsHelp')}</p>
      <table className="table pm-cuts">
        <tbody>
          {DIMS.map((dim) => (
            <tr key={dim}>
              <th>{t(`ui.rfm.${dim}`)}</th>
              {rfm.cuts[dim].map((v, i) => (
                <td key={i}>
                  <input
                    type="number"
                    value={v}
                    disabled={rfm.scoring !== 'cuts'}
                    onChange={(e) => setCut(dim, i, Number(e.target.value))}
                    data-testid={`params-cut-${dim}-${i}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview ? (
        <>
          <p className="pm-preview-line" data-testid="params-rfm-preview">
            {t('ui.rfm.previewLine', {
              n: int(preview.r.now[4]),
              was: int(preview.r.was[4]),
              changed: int(preview.changed),
              customers: int(preview.customers),
              runId: preview.runId,
              asOf: preview.asOf,
            })}
          </p>
          {preview.lookbackDiffers ? <p className="field-help warn">{t('ui.rfm.lookbackDiffers')}</p> : null}
          <table className="table pm-scores">
            <thead>
              <tr>
                <th>{t('ui.rfm.score')}</th>
                {DIMS.map((d) => (
                  <th key={d} className="num">
                    {t(`ui.rfm.${d}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[5, 4, 3, 2, 1].map((s) => (
                <tr key={s}>
                  <td>{s}</td>
                  {DIMS.map((d) => cell(preview[SCORE_OF[d]], s, d))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
