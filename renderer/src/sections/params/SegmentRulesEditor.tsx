import { useTranslation } from 'react-i18next';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { SegmentCount } from '../../../../shared/params/preview';
import type { ParamIssue } from '../../../../shared/params/validate';
import { IssueText } from './IssueText';

type Rule = ParamSet['rfm']['classicRules'][number];
type Range = [number, number];

interface Props {
  scheme: 'classic' | 'valueGroups';
  rules: Rule[];
  counts: SegmentCount[] | null;
  /** Customers whose segment would change under these rules. */
  moved: number | null;
  issues: readonly ParamIssue[];
  int: (n: number) => string;
  onChange: (rules: Rule[]) => void;
}

/**
 * A segment table: R, F and M score ranges per segment, matched in order (the first rule that holds
 * decides), with the customers each would hold before → after. Rules are added, removed and moved.
 */
export function SegmentRulesEditor({ scheme, rules, counts, moved, issues, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const { t: ta, i18n } = useTranslation('analytics');
  const byId = new Map(counts?.map((c) => [c.id, c]) ?? []);
  const catalogueKey = (id: string) => (scheme === 'classic' ? `rfm.segments.${id}` : `rfm.valueGroups.${id}`);
  /** A built-in segment is named by the catalogue; a consultant's own by the name typed. */
  const builtIn = (id: string) => i18n.exists(catalogueKey(id), { ns: 'analytics' }) || i18n.exists(`rfm.segments.${id}`, { ns: 'analytics' });
  const name = (id: string) => (builtIn(id) ? ta(catalogueKey(id), { defaultValue: ta(`rfm.segments.${id}`, { defaultValue: id }) }) : id);
  const path = scheme === 'classic' ? 'rfm.classicRules' : 'rfm.valueGroupRules';
  const setRange = (i: number, dim: 'r' | 'f' | 'm', end: 0 | 1, value: number) => {
    const v = Math.min(5, Math.max(1, Math.round(value) || 1));
    onChange(
      rules.map((r, k) => {
        if (k !== i) return r;
        const range: Range = [r[dim][0], r[dim][1]];
        range[end] = v;
        // Keep the range readable: moving one end past the other moves both.
        if (range[0] > range[1]) range[end === 0 ? 1 : 0] = v;
        return { ...r, [dim]: range };
      }),
    );
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= rules.length) return;
    const next = [...rules];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const add = () => {
    let n = rules.length + 1;
    const base = t('ui.segments.newName');
    while (rules.some((r) => r.id === `${base}${n}`)) n++;
    onChange([...rules, { id: `${base}${n}`, r: [1, 5], f: [1, 5], m: [1, 5] }]);
  };
  const unclassified = byId.get('unclassified');
  const tableIssues = issues.filter((i) => i.path === path);
  return (
    <div className="pm-segments" data-testid={`params-segments-${scheme}`}>
      <h3>{t(`ui.segments.${scheme}`)}</h3>
      {moved !== null ? (
        <p className="field-help" data-testid={`params-segments-${scheme}-moved`}>
          {t('ui.segments.moved', { n: int(moved) })}
        </p>
      ) : null}
      <IssueText issues={tableIssues} />
      <table className="table pm-segment-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('ui.segments.segment')}</th>
            <th>R</th>
            <th>F</th>
            <th>M</th>
            <th className="num">{t('ui.rfm.segmentsTitle')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const c = byId.get(r.id);
            // The issue names the rule as the table does (its catalogue name, not its key).
            const rowIssues = issues.filter((x) => x.path === `${path}.${i}`).map((x) => ({ ...x, params: { ...x.params, name: name(r.id) } }));
            return (
              // Keyed by position: a rule's name is edited in place, and the row must keep its focus.
              <tr key={i} data-testid={`params-segment-${scheme}-${i}`} className={rowIssues.some((x) => x.level === 'error') ? 'pm-invalid' : undefined}>
                <td className="num muted">{i + 1}</td>
                <td>
                  {builtIn(r.id) ? (
                    <span title={r.id}>{name(r.id)}</span>
                  ) : (
                    <input
                      className="pm-segment-name"
                      value={r.id}
                      onChange={(e) => onChange(rules.map((x, k) => (k === i ? { ...x, id: e.target.value.trim() } : x)))}
                      data-testid={`params-segment-${scheme}-${i}-name`}
                    />
                  )}
                  <IssueText issues={rowIssues} />
                </td>
                {(['r', 'f', 'm'] as const).map((dim) => (
                  <td key={dim} className="pm-range">
                    <input
                      type="number"
                      min={1}
                      max={5}
                      value={r[dim][0]}
                      onChange={(e) => setRange(i, dim, 0, Number(e.target.value))}
                      data-testid={`params-segment-${scheme}-${i}-${dim}0`}
                    />
                    –
                    <input
                      type="number"
                      min={1}
                      max={5}
                      value={r[dim][1]}
                      onChange={(e) => setRange(i, dim, 1, Number(e.target.value))}
                      data-testid={`params-segment-${scheme}-${i}-${dim}1`}
                    />
                  </td>
                ))}
                <td className={`num${c && c.now !== c.was ? ' pm-changed' : ''}`} data-testid={`params-segment-${scheme}-${i}-count`}>
                  {c ? t('ui.rfm.countCell', { now: int(c.now), was: int(c.was) }) : counts ? t('ui.rfm.countCell', { now: int(0), was: int(0) }) : '—'}
                </td>
                <td className="pm-row-tools">
                  <button
                    className="btn btn-ghost pm-icon"
                    disabled={i === 0}
                    title={t('ui.segments.up')}
                    aria-label={t('ui.segments.up')}
                    onClick={() => move(i, -1)}
                    data-testid={`params-segment-${scheme}-${i}-up`}
                  >
                    ↑
                  </button>
                  <button
                    className="btn btn-ghost pm-icon"
                    disabled={i === rules.length - 1}
                    title={t('ui.segments.down')}
                    aria-label={t('ui.segments.down')}
                    onClick={() => move(i, 1)}
                    data-testid={`params-segment-${scheme}-${i}-down`}
                  >
                    ↓
                  </button>
                  <button
                    className="btn btn-ghost pm-icon btn-danger"
                    disabled={rules.length === 1}
                    title={t('ui.segments.remove')}
                    aria-label={t('ui.segments.remove')}
                    onClick={() => onChange(rules.filter((_, k) => k !== i))}
                    data-testid={`params-segment-${scheme}-${i}-remove`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
          {unclassified ? (
            <tr className="muted" data-testid={`params-segment-${scheme}-unclassified`}>
              <td />
              <td>{ta('rfm.segments.unclassified')}</td>
              <td colSpan={3} className="small">
                {t('ui.segments.unclassifiedHelp')}
              </td>
              <td className="num">{t('ui.rfm.countCell', { now: int(unclassified.now), was: int(unclassified.was) })}</td>
              <td />
            </tr>
          ) : null}
        </tbody>
      </table>
      <button className="btn btn-ghost" onClick={add} data-testid={`params-segment-${scheme}-add`}>
        {t('ui.segments.add')}
      </button>
    </div>
  );
}
