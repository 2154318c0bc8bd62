import type { Finding, FindingDecision, ReviewedFinding } from './types';

// The consultant's review over the engine's drafts: decisions are keyed by the finding's stable id,
// so accepting "retention" keeps it accepted after a new run (with the new figure; an edited text
// written for another figure is flagged outdated rather than silently kept as true).

const SAME = 1e-9;

export function reviewFindings(drafts: readonly Finding[], decisions: readonly FindingDecision[]): ReviewedFinding[] {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const reviewed = drafts.map((f, engineRank): ReviewedFinding & { engineRank: number; position: number | null } => {
    const d = byId.get(f.id);
    const zh = d?.text['zh-CN'] ?? null;
    const en = d?.text.en ?? null;
    const edited = zh !== null || en !== null;
    return {
      ...f,
      status: d?.status ?? 'proposed',
      text: { 'zh-CN': zh ?? f.headline['zh-CN'], en: en ?? f.headline.en },
      edited,
      outdated: edited && d?.figureAtDecision !== null && d?.figureAtDecision !== undefined && Math.abs(d.figureAtDecision - f.figure.value) > SAME,
      rank: 0,
      engineRank,
      position: d?.position ?? null,
    };
  });
  // Accepted first in the consultant's order (unordered ones after, in engine order), then the
  // proposals in engine order, then the dropped.
  const group = (s: ReviewedFinding['status']) => (s === 'accepted' ? 0 : s === 'proposed' ? 1 : 2);
  reviewed.sort(
    (a, b) =>
      group(a.status) - group(b.status) || (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.engineRank - b.engineRank,
  );
  return reviewed.map(({ engineRank: _e, position: _p, ...f }, i) => ({ ...f, rank: i + 1 }));
}

/** What leads the report: the accepted findings; with none accepted yet, the first strong drafts (said to be drafts). */
export function reportFindings(reviewed: readonly ReviewedFinding[], draftCount = 5): { findings: ReviewedFinding[]; drafted: boolean } {
  const accepted = reviewed.filter((f) => f.status === 'accepted');
  if (accepted.length > 0) return { findings: accepted, drafted: false };
  return { findings: reviewed.filter((f) => f.status === 'proposed' && !f.weak).slice(0, draftCount), drafted: true };
}
