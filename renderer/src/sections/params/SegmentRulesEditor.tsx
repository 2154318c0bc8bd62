import { useTranslation } from 'react-i18next';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { SegmentCount } from '../../../../shared/params/preview';

type Rule = ParamSet['rfm']['classicRules'][number];
type Range = [number, number];

interface Props {
  scheme: 'classic' | 'valueGroups';
  rules: Rule[];
  counts: SegmentCount[] | null;
  int: (n: number) => string;
  onChange: (rules: Rule[]) => void;
}

/** A segment table: R, F and M score ranges per segment, matched in order, with the customers each would hold. */
export function SegmentRulesEditor({ scheme, rules, counts, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const { t: ta } = useTranslation('analytics');
  const byId = new Map(counts?.map((c) => [c.id, c]) ?? []);
  const name = (id: string) =>
    scheme === 'classic'
      ? ta(`rfm.segments.${id}`, { defaultValue: id })
      : ta(`rfm.valueGroups.${id}`, { defaultValue: ta(`rfm.segments.${id}`, { defaultValue: id }) });
  const setRange = (i: number, dim: 'r' | 'f' | 'm', end: 0 | 1, value: number) => {
    const v = Math.min(5, Math.max(1, Math.round(value) || 1));
    onChange(
      rules.map((r, k) => {
        if (k !== i) return r;
        const range: Range = [r[dim][0], r[dim][1]];
        range[end] = v;
        return { ...r, [dim]: range };
      }),
    );
  };
  const unclassified = byId.get('unclassified');
  return (
    <div className="pm-segments" data-testid={`params-segments-${scheme}`}>
      <h3>{t(`ui.segments.${scheme}`)}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('ui.segments.segment')}</th>
            <th>R</th>
            <th>F</th>
            <th>M</th>
            <th className="num">{t('ui.rfm.segmentsTitle')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const c = byId.get(r.id);
            return (
              <tr key={r.id}>
                <td>{name(r.id)}</td>
                {(['r', 'f', 'm'] as const).map((dim) => (
                  <td key={dim} className="pm-range">
                    <input type="number" min={1} max={5} value={r[dim][0]} onChange={(e) => setRange(i, dim, 0, Number(e.target.value))} />
                    –
                    <input type="number" min={1} max={5} value={r[dim][1]} onChange={(e) => setRange(i, dim, 1, Number(e.target.value))} />
                  </td>
                ))}
                <td className={`num${c && c.now !== c.was ? ' pm-changed' : ''}`}>{c ? t('ui.rfm.countCell', { now: int(c.now), was: int(c.was) }) : '—'}</td>
              </tr>
            );
          })}
          {unclassified ? (
            <tr className="muted">
              <td>{name('unclassified')}</td>
              <td colSpan={3} />
              <td className="num">{t('ui.rfm.countCell', { now: int(unclassified.now), was: int(unclassified.was) })}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
