import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TriageContext } from '../../../../../shared/contract/triage';
import { FACETS, type Facet, type FacetCounts } from '../../../../../shared/health/triage';

import type { TriageFilter } from './filter';
export type { TriageFilter } from './filter';

/** A filter value's label: catalogue labels for coded values, the client's own text otherwise. */
export function facetLabel(t: TFunction, facet: Facet, value: string | null, kind: 'signal' | 'action'): string {
  if (value === null) return facet === 'severity' || facet === 'ruleId' ? (kind === 'action' ? t('triage:filters.noSource') : '–') : t('triage:filters.notSet');
  switch (facet) {
    case 'severity':
      return t(`health:severities.${value}`);
    case 'ruleId':
      return t(`health:signals.${value}.name`);
    case 'tier':
      return t(`analytics:tiers.names.${value}`, { defaultValue: value });
    case 'band':
      return t(`health:bands.${value}`);
    case 'churnRisk':
      return t(`triage:churnRisk.${value}`);
    default:
      return value;
  }
}

const testId = (v: string | null) => (v === null ? '-' : v);

/**
 * The filter bar: one drop-down per dimension listing its values with how many rows each would
 * match under the other filters, a customer search, and "clear". The counts come from the engine.
 */
export function TriageFilters({
  kind,
  filter,
  facets,
  onChange,
}: {
  kind: 'signal' | 'action';
  filter: TriageFilter;
  facets: FacetCounts | null;
  onChange(next: TriageFilter): void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filter.search ?? '');
  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  // Typing waits for a pause before asking the engine.
  useEffect(() => {
    const id = setTimeout(() => {
      if ((filter.search ?? '') !== search.trim()) onChange({ ...filter, search: search.trim() || undefined });
    }, 300);
    return () => clearTimeout(id);
  }, [search, filter, onChange]);

  const selected = (facet: Facet): (string | null)[] => (filter[facet] as (string | null)[] | undefined) ?? [];
  const toggle = (facet: Facet, value: string | null) => {
    const cur = selected(facet);
    const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
    onChange({ ...filter, [facet]: next.length ? next : undefined });
  };
  const active = FACETS.some((f) => selected(f).length > 0) || Boolean(filter.search);
  return (
    <div className="triage-filters" data-testid={`${kind}-filters`}>
      <input
        type="search"
        className="triage-search"
        placeholder={t('triage:filters.search')}
        value={search}
        data-testid={`${kind}-search`}
        onChange={(e) => setSearch(e.target.value)}
      />
      {FACETS.map((facet) => {
        const values = facets?.[facet] ?? [];
        const sel = selected(facet);
        return (
          <details key={facet} className={`facet ${sel.length ? 'facet-on' : ''}`} data-testid={`facet-${facet}`}>
            <summary>
              {t(`triage:filters.${facet === 'ruleId' ? 'rule' : facet}`)}
              {sel.length ? <span className="facet-n">{sel.length}</span> : null}
            </summary>
            <div className="facet-menu">
              {values.length === 0 && <span className="muted small">–</span>}
              {values.map((v) => (
                <label key={testId(v.value)} className="facet-row" data-testid={`facet-${facet}-${testId(v.value)}`}>
                  <input type="checkbox" checked={sel.includes(v.value)} onChange={() => toggle(facet, v.value)} />
                  <span className="facet-label">{facetLabel(t, facet, v.value, kind)}</span>
                  <span className="facet-count">{v.count.toLocaleString()}</span>
                </label>
              ))}
              {/* A value picked earlier that no longer matches anything stays visible, so it can be unpicked. */}
              {sel
                .filter((s) => !values.some((v) => v.value === s))
                .map((s) => (
                  <label key={`gone-${testId(s)}`} className="facet-row">
                    <input type="checkbox" checked onChange={() => toggle(facet, s)} />
                    <span className="facet-label">{facetLabel(t, facet, s, kind)}</span>
                    <span className="facet-count">0</span>
                  </label>
                ))}
            </div>
          </details>
        );
      })}
      {active && (
        <button className="btn btn-ghost btn-small" data-testid={`${kind}-filters-clear`} onClick={() => onChange({})}>
          {t('triage:filters.clear')}
        </button>
      )}
      {FACETS.filter((f) => selected(f).length).map((f) => (
        <span key={f} className="chip active small">
          {t(`triage:filters.${f === 'ruleId' ? 'rule' : f}`)}:{' '}
          {selected(f)
            .map((v) => facetLabel(t, f, v, kind))
            .join(' / ')}
        </span>
      ))}
    </div>
  );
}

/** What revenue at stake and churn risk are read from, in a line under the list. */
export function TriageBasis({ context }: { context: TriageContext }) {
  const { t } = useTranslation();
  const stake =
    context.stakeBasis === 'churn' && context.churnRun
      ? t('triage:stake.churn', { id: context.churnRun.id, date: context.churnRun.scoredAsOf })
      : context.stakeBasis === 'revenue12m' && context.healthRun
        ? t('triage:stake.revenue12m', { id: context.healthRun.id, date: context.healthRun.asOf })
        : t('triage:stake.none');
  const risk =
    context.churnRun && context.churnRun.scored > 0
      ? t('triage:churnRiskHelp', { id: context.churnRun.id, date: context.churnRun.scoredAsOf })
      : t('triage:churnRiskNone');
  const rejected = context.churnRunRejected ? t('triage:churnRunRejected', { id: context.churnRunRejected.id, status: context.churnRunRejected.status }) : null;
  return (
    <p className="muted small triage-basis" data-testid="triage-basis">
      {stake} · {risk}
      {rejected && <span data-testid="triage-churn-rejected"> · {rejected}</span>}
    </p>
  );
}
