import type { FindingDecision, FindingStatus } from '../../../shared/findings/types';
import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';

// The consultant's review of the drafted findings (migration 0019), one row per finding touched.

export function loadDecisions(sqlite: ReadableDB): FindingDecision[] {
  return (sqlite.prepare(`select * from finding_decision`).all() as Row<'finding_decision'>[]).map((r) => ({
    id: r.finding_id,
    status: r.status,
    position: r.position,
    text: { ...(r.text_zh !== null ? { 'zh-CN': r.text_zh } : {}), ...(r.text_en !== null ? { en: r.text_en } : {}) },
    figureAtDecision: r.figure_at_decision,
    decidedAt: r.decided_at,
  }));
}

export interface DecisionChange {
  id: string;
  status?: FindingStatus | undefined;
  /** A language's text: a string sets it, null goes back to the drafted text, absent leaves it. */
  text?: { 'zh-CN'?: string | null | undefined; en?: string | null | undefined } | undefined;
  figure: number;
}

/** Applies changes to several findings in one transaction; an accepted finding without a place goes last. */
export function saveDecisions(sqlite: WritableDB, changes: readonly DecisionChange[], now: string): void {
  const get = sqlite.prepare(`select * from finding_decision where finding_id = ?`);
  const put = sqlite.prepare(
    `insert into finding_decision (finding_id, status, position, text_zh, text_en, figure_at_decision, decided_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (finding_id) do update set status = excluded.status, position = excluded.position, text_zh = excluded.text_zh,
       text_en = excluded.text_en, figure_at_decision = excluded.figure_at_decision, decided_at = excluded.decided_at`,
  );
  const lastPosition = sqlite.prepare(`select max(position) as p from finding_decision where status = 'accepted'`);
  sqlite.transaction(() => {
    for (const c of changes) {
      const row = get.get(c.id) as Row<'finding_decision'> | undefined;
      const status = c.status ?? row?.status ?? 'proposed';
      let position = row?.position ?? null;
      if (status === 'accepted' && (row?.status !== 'accepted' || position === null)) {
        position = ((lastPosition.get() as { p: number | null }).p ?? -1) + 1;
      }
      if (status !== 'accepted') position = null;
      const pick = (given: string | null | undefined, old: string | null | undefined): string | null =>
        given === undefined ? (old ?? null) : given === null || given.trim() === '' ? null : given.trim();
      put.run(c.id, status, position, pick(c.text?.['zh-CN'], row?.text_zh), pick(c.text?.en, row?.text_en), c.figure, now);
    }
  })();
}

/** The accepted findings' order: the ids given first, in that order, then the other accepted ones as they were. */
export function saveOrder(sqlite: WritableDB, ids: readonly string[], now: string): void {
  const accepted = (
    sqlite.prepare(`select finding_id as id from finding_decision where status = 'accepted' order by position, finding_id`).all() as { id: string }[]
  ).map((r) => r.id);
  const order = [...ids.filter((id) => accepted.includes(id)), ...accepted.filter((id) => !ids.includes(id))];
  const set = sqlite.prepare(`update finding_decision set position = ?, decided_at = ? where finding_id = ?`);
  sqlite.transaction(() => order.forEach((id, i) => set.run(i, now, id)))();
}
