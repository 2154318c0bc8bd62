// Repair success (修复效果追踪): the one-month repair checks (shared/health/repair-check.ts) added up by
// severity, signal rule, owner and action type. Success rate = held / checked, where checked counts the
// verdicts that say something (held, partial, notHeld); insufficientData, notYetDue and actions never
// checked are counted beside it, not in the denominator.

export const REPAIR_DIMENSIONS = ['severity', 'rule', 'owner', 'actionType'] as const;
export type RepairDimension = (typeof REPAIR_DIMENSIONS)[number];

export interface RepairRecord {
  actionId: number;
  customerKey: string;
  /** light / medium / heavy from the signal; 'redScore' for a red health score; 'manual' otherwise. */
  severity: string;
  ruleId: string | null;
  owner: string | null;
  actionType: string;
  status: string;
  closedAt: string | null;
  verdict: 'held' | 'partial' | 'notHeld' | 'insufficientData' | 'notYetDue' | null;
  highRisk: boolean;
}

export interface RepairGroup {
  key: string;
  actions: number;
  closed: number;
  held: number;
  partial: number;
  notHeld: number;
  insufficientData: number;
  notYetDue: number;
  unchecked: number;
  /** held / (held + partial + notHeld); null when nothing was checked. */
  successRate: number | null;
  checked: number;
}

export interface RepairSuccess {
  total: RepairGroup;
  highRisk: RepairGroup;
  by: Record<RepairDimension, RepairGroup[]>;
}

function empty(key: string): RepairGroup {
  return { key, actions: 0, closed: 0, held: 0, partial: 0, notHeld: 0, insufficientData: 0, notYetDue: 0, unchecked: 0, successRate: null, checked: 0 };
}

function add(g: RepairGroup, r: RepairRecord): void {
  g.actions += 1;
  if (r.status === 'done') g.closed += 1;
  if (r.verdict === null) {
    if (r.status === 'done') g.unchecked += 1;
  } else g[r.verdict] += 1;
  g.checked = g.held + g.partial + g.notHeld;
  g.successRate = g.checked > 0 ? g.held / g.checked : null;
}

const keyOf = (r: RepairRecord, d: RepairDimension): string =>
  d === 'severity' ? r.severity : d === 'rule' ? (r.ruleId ?? '—') : d === 'owner' ? (r.owner ?? '—') : r.actionType;

export function repairSuccess(records: readonly RepairRecord[]): RepairSuccess {
  const total = empty('all');
  const highRisk = empty('highRisk');
  const maps = Object.fromEntries(REPAIR_DIMENSIONS.map((d) => [d, new Map<string, RepairGroup>()])) as Record<RepairDimension, Map<string, RepairGroup>>;
  for (const r of records) {
    add(total, r);
    if (r.highRisk) add(highRisk, r);
    for (const d of REPAIR_DIMENSIONS) {
      const k = keyOf(r, d);
      let g = maps[d].get(k);
      if (!g) {
        g = empty(k);
        maps[d].set(k, g);
      }
      add(g, r);
    }
  }
  const by = Object.fromEntries(
    REPAIR_DIMENSIONS.map((d) => [d, [...maps[d].values()].sort((a, b) => b.actions - a.actions || (a.key < b.key ? -1 : 1))]),
  ) as Record<RepairDimension, RepairGroup[]>;
  return { total, highRisk, by };
}
