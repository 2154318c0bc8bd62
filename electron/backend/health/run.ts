// One health run: facts → metrics → scores and signals → stored, with signals reconciled against
// the ones already open (one live signal per customer and rule) and actions opened from the playbook.
// The whole run is one synchronous transaction (no async work inside it), so a run is stored whole
// or not at all. Inside it, customers go by in key-ordered blocks (forEachFactsBlock): a block's facts
// are scored, its signals reconciled and its rows written before the next block is read, so memory
// holds one block, not 100,000 customers' facts, metrics and evidence at once. Rows get the ids the
// all-at-once version gave them: new signals (and their actions) in customer order, then the
// red-score actions in customer order.

import type { WritableDB } from '../workspace/connection';
import { buildMetricMatrix, fillSignalMetrics, METRIC_COUNT } from '../../../shared/health/metrics';
import { compileModel, bandOf, type BandCounts } from '../../../shared/health/score';
import type { HealthModel } from '../../../shared/health/model';
import { evaluateRules, type Signal } from '../../../shared/health/signals';
import type { SignalRule, SignalRuleId } from '../../../shared/health/signal-rules';
import { reconcileSignals, type SignalReconciliation, type StoredSignalRef } from '../../../shared/health/signal-dedupe';
import { actionForSignal, DEFAULT_PLAYBOOK, dueFromAsOf, type Playbook, type PlannedAction } from '../../../shared/health/playbook';
import type { CancelSignal } from '../../../shared/contract/define';
import { countCustomersInScope, forEachFactsBlock, type FactsBlock, type FactsResult } from './facts-sql';
import { WorkbenchError } from '../errors';
import { prepareInsertAction } from './actions-store';

export interface RunOptions {
  model: HealthModel;
  rules: SignalRule[];
  asOf: string;
  now: string; // local wall clock, 'YYYY-MM-DDTHH:mm:ss'
  playbook?: Playbook;
  progress?: (phase: string, done: number, total: number | null) => void;
  signal?: CancelSignal;
  /** Precomputed facts (benchmarks); computed from the workspace when absent. */
  facts?: FactsResult;
  /** Customers per block (tests use small blocks to cross block edges); default in forEachFactsBlock. */
  blockSize?: number;
}

export interface RunResult {
  runId: number;
  customers: number;
  bands: BandCounts;
  signalsOpened: number;
  signalsResolved: number;
  actionsOpened: number;
}

function checkCancelled(signal?: CancelSignal): void {
  if (signal?.aborted) throw new WorkbenchError('CANCELLED');
}

export function runHealth(sqlite: WritableDB, opts: RunOptions): RunResult {
  const { model, rules, asOf, now } = opts;
  const playbook = opts.playbook ?? DEFAULT_PLAYBOOK;
  opts.progress?.('health.facts', 0, null);
  // Only the enabled keyword rules' words decide which free texts are worth loading.
  const textKeywords = rules.flatMap((r) => (r.enabled && (r.id === 'decisionMakerChange' || r.id === 'competitorMention') ? r.params.keywords : []));
  const total = opts.facts ? opts.facts.facts.length : countCustomersInScope(sqlite, asOf);
  const compiled = compileModel(model);
  const enabledRules = new Set<SignalRuleId>(rules.filter((r) => r.enabled).map((r) => r.id));
  const redTemplate = playbook.templates[playbook.redScore];

  const write = sqlite.transaction((): RunResult => {
    // Counts are filled in at the end, once every block is scored.
    const runId = Number(
      sqlite
        .prepare(`insert into health_run (model_id, model, rules, as_of, started_at) values (?, ?, ?, ?, ?)`)
        .run(model.id, JSON.stringify(model), JSON.stringify(rules), asOf, now).lastInsertRowid,
    );
    // Live signals by customer: each block reconciles its own customers' records.
    const storedByCustomer = new Map<string, StoredSignalRef<number>[]>();
    for (const r of sqlite.prepare(`select id, customer_key, rule_id, status from health_signal where status in ('open', 'dismissed')`).raw(true).all() as [
      number,
      string,
      SignalRuleId,
      'open' | 'dismissed',
    ][]) {
      const ref: StoredSignalRef<number> = { id: r[0], customerKey: r[1], ruleId: r[2], status: r[3] };
      const list = storedByCustomer.get(ref.customerKey);
      if (list) list.push(ref);
      else storedByCustomer.set(ref.customerKey, [ref]);
    }

    const insScore = sqlite.prepare('insert into health_score (run_id, customer_key, score, band, measures, metrics) values (?, ?, ?, ?, ?, ?)');
    const close = sqlite.prepare(`update health_signal set status = 'resolved', closed_run_id = ?, closed_at = ? where id = ?`);
    const refresh = sqlite.prepare('update health_signal set severity = ?, evidence = ?, triggered_on = ?, as_of = ?, last_run_id = ? where id = ?');
    const insSignal = sqlite.prepare(
      `insert into health_signal (customer_key, rule_id, severity, status, evidence, triggered_on, as_of, first_run_id, last_run_id)
       values (?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    );
    const liveTemplate = sqlite.prepare(`select 1 from health_action where customer_key = ? and template_id = ? and status in ('open', 'inProgress') limit 1`);
    // A block's live (customer, template) pairs in one indexed lookup per customer, instead of one
    // statement per planned action.
    const liveOfBlock = sqlite
      .prepare(
        `select customer_key, template_id from health_action
          where status in ('open', 'inProgress') and customer_key in (select value from json_each(?))`,
      )
      .raw(true);
    const insAction = prepareInsertAction(sqlite);
    let actionsOpened = 0;
    const pair = (customerKey: string, templateId: string): string => `${customerKey}\u0000${templateId}`;
    /** `live`: the block's live pairs, kept current as actions open; absent = ask the database. */
    const openAction = (a: PlannedAction, owner: string | null, kind: 'signal' | 'redScore', signalId: number | null, live?: Set<string>): void => {
      // One live action per customer and template: a second signal calling for the same response
      // joins the action already running instead of cluttering the board.
      if (live ? live.has(pair(a.customerKey, a.templateId)) : liveTemplate.get(a.customerKey, a.templateId)) return;
      insAction({ ...a, owner }, kind, signalId, runId, null);
      live?.add(pair(a.customerKey, a.templateId));
      actionsOpened++;
    };

    const bands: BandCounts = { red: 0, yellow: 0, green: 0, none: 0 };
    const red: { key: string; owner: string | null; score: number }[] = [];
    let n = 0;
    let signalsOpened = 0;
    let signalsResolved = 0;
    const closeAll = (plan: SignalReconciliation<number>): void => {
      for (const s of [...plan.resolve, ...plan.lapse, ...plan.duplicates]) close.run(runId, now, s.id);
      signalsResolved += plan.resolve.length;
    };

    const onBlock = ({ customers, facts }: FactsBlock): void => {
      checkCancelled(opts.signal);
      const size = facts.length;
      const matrix = buildMetricMatrix(facts);
      const evaluated: Signal[] = [];
      const stored: StoredSignalRef<number>[] = [];
      const inScope = new Set<string>();
      for (let c = 0; c < size; c++) {
        const f = facts[c]!;
        const offset = c * METRIC_COUNT;
        // Signals first: the score reads the signals evaluated on the same facts (signal measures).
        const signals = evaluateRules(rules, f);
        fillSignalMetrics(matrix, offset, signals.map((s) => s.severity));
        let num = 0;
        let den = 0;
        let min = Number.POSITIVE_INFINITY;
        const parts: [number | null, number | null][] = [];
        for (let i = 0; i < compiled.size; i++) {
          const v = matrix[offset + (compiled.metricIdx[i] as number)] as number;
          const p = (compiled.points[i] as (x: number) => number)(v);
          parts.push([Number.isNaN(v) ? null : v, Number.isNaN(p) ? null : p]);
          const w = compiled.weights[i] as number;
          if (Number.isNaN(p) || w === 0) continue;
          num += w * p;
          den += w;
          if (p < min) min = p;
        }
        const score = den === 0 ? Number.NaN : compiled.lowest ? min : num / den;
        const band = bandOf(model.bands, score);
        bands[band ?? 'none']++;
        const row = matrix.subarray(offset, offset + METRIC_COUNT);
        insScore.run(runId, f.customerKey, Number.isNaN(score) ? null : score, band, JSON.stringify(parts), Buffer.from(row.buffer, row.byteOffset, row.byteLength));
        if (band === 'red') red.push({ key: f.customerKey, owner: customers[c]?.owner ?? null, score });
        for (const s of signals) evaluated.push(s);
        inScope.add(f.customerKey);
        const mine = storedByCustomer.get(f.customerKey);
        if (mine) {
          for (const s of mine) stored.push(s);
          storedByCustomer.delete(f.customerKey);
        }
      }
      const ownerOf = new Map(customers.map((c) => [c.customerKey, c.owner]));
      const plan = reconcileSignals(stored, evaluated, { customers: inScope, rules: enabledRules });
      closeAll(plan);
      for (const { stored: s, signal } of [...plan.refresh, ...plan.stillDismissed]) {
        refresh.run(signal.severity, JSON.stringify(signal.evidence), signal.triggeredOn, signal.asOf, runId, s.id);
      }
      if (plan.open.length > 0) {
        const live = new Set<string>();
        for (const [k, t] of liveOfBlock.all(JSON.stringify([...new Set(plan.open.map((x) => x.customerKey))])) as [string, string][]) live.add(pair(k, t));
        for (const sig of plan.open) {
          const id = Number(
            insSignal.run(sig.customerKey, sig.ruleId, sig.severity, JSON.stringify(sig.evidence), sig.triggeredOn, sig.asOf, runId, runId).lastInsertRowid,
          );
          openAction(actionForSignal(sig, now, playbook), ownerOf.get(sig.customerKey) ?? null, 'signal', id, live);
        }
      }
      signalsOpened += plan.open.length;
      n += size;
      opts.progress?.('health.scoring', n, total);
    };

    if (opts.facts) onBlock(opts.facts);
    else forEachFactsBlock(sqlite, asOf, { textKeywords, blockSize: opts.blockSize }, onBlock);
    checkCancelled(opts.signal);
    opts.progress?.('health.saving', 0, null);

    // Records of customers no longer in scope are left alone, bar duplicate records of one pair.
    const rest: StoredSignalRef<number>[] = [];
    for (const list of storedByCustomer.values()) for (const s of list) rest.push(s);
    closeAll(reconcileSignals(rest, [], { customers: new Set(), rules: enabledRules }));

    for (const { key, owner, score } of red) {
      openAction(
        {
          customerKey: key,
          templateId: playbook.redScore,
          ownerRole: redTemplate.ownerRole,
          owner: null,
          titleKey: `actions.${playbook.redScore}.title`,
          descriptionKey: `actions.${playbook.redScore}.description`,
          openedAt: now,
          dueAt: dueFromAsOf(asOf, redTemplate.dueHours),
          status: 'open',
          source: { kind: 'redScore', modelId: model.id, score, asOf },
        },
        owner,
        'redScore',
        null,
      );
    }
    sqlite
      .prepare(
        `update health_run set customers = ?, red = ?, yellow = ?, green = ?, none = ?,
                finished_at = ?, signals_opened = ?, signals_resolved = ?, actions_opened = ? where id = ?`,
      )
      .run(n, bands.red, bands.yellow, bands.green, bands.none, now, signalsOpened, signalsResolved, actionsOpened, runId);
    return { runId, customers: n, bands, signalsOpened, signalsResolved, actionsOpened };
  });
  return write();
}
