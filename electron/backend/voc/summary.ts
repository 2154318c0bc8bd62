// voc.summary and voc.respondents: NPS and CSAT over the survey answers in scope.

import type { ReadableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { periodKey, vocByDimension, vocByPeriod, vocOverall, type VocGrain } from '../../../shared/voc/breakdown';
import type { VocRespondent, VocScope, VocSummary } from '../../../shared/voc/types';
import { BUILT_IN_DIMENSIONS, readResponses, readVocCustomers } from './inputs-sql';

export function vocSummary(sqlite: ReadableDB, scope: VocScope, grain: VocGrain, dimension: string): VocSummary {
  const responses = readResponses(sqlite, scope);
  if (responses.length === 0) throw new WorkbenchError('VOC_NO_SURVEYS', {});
  const { customers, tierRunId, attributeNames } = readVocCustomers(sqlite);
  const dims = [...BUILT_IN_DIMENSIONS, ...attributeNames.map((n) => `attr:${n}`)];
  const dimension_ = dims.includes(dimension) ? dimension : 'segment';
  const all = vocOverall(responses, customers);
  return {
    scope,
    overall: { nps: all.nps, csat: all.csat, respondents: all.respondents, base: all.base, responseRate: all.responseRate },
    grain,
    byPeriod: vocByPeriod(responses, customers, grain),
    dimension: dimension_,
    byDimension: vocByDimension(responses, customers, dimension_),
    dimensions: dims.map((id) => ({ id, values: new Set(customers.map((c) => c.dims[id] ?? '')).size })),
    comments: responses.filter((r) => r.comment != null).length,
    tierRunId,
  };
}

export function vocRespondents(
  sqlite: ReadableDB,
  args: { scope: VocScope; period?: { grain: VocGrain; key: string }; dimension?: { id: string; value: string }; limit: number },
): { total: number; rows: VocRespondent[] } {
  const responses = readResponses(sqlite, args.scope);
  const { customers } = readVocCustomers(sqlite);
  const byKey = new Map(customers.map((c) => [c.customerKey, c]));
  const picked = responses.filter((r) => {
    if (args.period && periodKey(r.date, args.period.grain) !== args.period.key) return false;
    if (args.dimension && (byKey.get(r.customerKey)?.dims[args.dimension.id] ?? '') !== args.dimension.value) return false;
    return true;
  });
  const rows = new Map<string, VocRespondent>();
  for (const r of picked) {
    const prev = rows.get(r.customerKey);
    rows.set(r.customerKey, {
      customerKey: r.customerKey,
      name: byKey.get(r.customerKey)?.name ?? r.customerKey,
      answers: (prev?.answers ?? 0) + 1,
      lastDate: r.date,
      lastNps: r.nps,
      lastCsat: r.csat,
      lastComment: r.comment,
    });
  }
  // Lowest last score first: the customers a consultant calls first.
  const list = [...rows.values()].sort((a, b) => (a.lastNps ?? 11) - (b.lastNps ?? 11) || a.customerKey.localeCompare(b.customerKey));
  return { total: list.length, rows: list.slice(0, args.limit) };
}
