// One health run: facts → metrics → scores and signals → stored, with signals reconciled against
// the ones already open (one live signal per customer and rule) and actions opened from the playbook.
// Two stages. Scoring reads the workspace and writes nothing: customers go by in key-ordered blocks
// (factsBlocks), each block's facts become its metric rows, scores and evaluated signals, and the
// facts are dropped before the next block is read; between blocks the run reaches a checkpoint
// (a cancel stops it there). Storing comes after the last checkpoint, in one synchronous transaction
// with the audit entry: a run is stored whole or not at all, and a cancelled run leaves the workspace
// exactly as it was. What scoring keeps for storing is one metric row per customer (26 doubles, 208
// bytes: 104 MB at 500,000 customers) and the evaluated signals; the facts, the large part, never
// outlive their block. Rows get the ids the all-at-once version gave them: new signals (and their
// actions) in customer order, then the red-score actions in customer order.

import type { WritableDB } from '../workspace/connection';
import { buildMetricMatrix, fillSignalMetrics, METRIC_COUNT } from '../../../shared/health/metrics';
import { compileModel, bandOf, type Band, type BandCounts, type CompiledModel } from '../../../shared/health/score';
import type { HealthModel } from '../../../shared/health/model';
import { evaluateRules, type Signal } from '../../../shared/health/signals';
import type { SignalRule, SignalRuleId } from '../../../shared/health/signal-rules';
import { reconcileSignals, type SignalReconciliation, type StoredSignalRef } from '../../../shared/health/signal-dedupe';
import { actionForSignal, DEFAULT_PLAYBOOK, dueFromAsOf, type Playbook, type PlannedAction } from '../../../shared/health/playbook';
import type { CancelSignal } from '../../../shared/contract/define';
import { countCustomersInScope, factsBlocks, type FactsBlock, type FactsResult } from './facts-sql';
import { textSignalSetup } from './text-signals';
import { checkpoint } from '../jobs';
import { prepareInsertAction } from './actions-store';
import { attachModelScores, loadModelScores, type ModelScores, type SourceChoice } from './model-scores';
import type { HealthRunSources } from '../../../shared/health/model-sources';
import { DEFAULT_ACTION_POLICY, opensAction, type ActionPolicy } from '../../../shared/health/action-policy';
import { revenue12mAt } from '../churn/features-sql';

export interface RunOptions {
  model: HealthModel;
  rules: SignalRule[];
  asOf: string;
  now: string; // local wall clock, 'YYYY-MM-DDTHH:mm:ss'
  playbook?: Playbook;
  /** Which signals and scores open actions by themselves (default: heavy signals and red scores). */
  actionPolicy?: ActionPolicy;
  progress?: (phase: string, done: number, total: number | null) => void;
  signal?: CancelSignal;
  /** Precomputed facts (benchmarks); computed from the workspace when absent. */
  facts?: FactsResult;
  /** Customers per block (tests use small blocks to cross block edges); default in factsBlocks. */
  blockSize?: number;
  /** Written in the run's transaction once its rows are (the audit entry): the run and it commit together. */
  onStored?: (result: RunResult) => void;
  /** Model runs to read instead of the latest churn / CLV runs dated on or before the as-of. */
  sources?: SourceChoice;
  /** Preloaded model figures (tests); loaded from the workspace when absent. */
  modelScores?: ModelScores;
}

export interface RunResult {
  runId: number;
  customers: number;
  bands: BandCounts;
  signalsOpened: number;
  signalsResolved: number;
  actionsOpened: number;
  /** The churn and CLV runs the model measures and the churn-risk rule read, or why none was read. */
  sources: HealthRunSources;
}

/** A block as scoring leaves it for storing: no facts, only what the rows are made of. */
interface ScoredBlock {
  keys: string[];
  owners: (string | null)[];
  /** Row-major metric rows (buildMetricMatrix), customer c at c * METRIC_COUNT. */
  matrix: Float64Array;
  scores: Float64Array;
  bands: (Band | null)[];
  evaluated: Signal[];
}

/** A customer's score and, per measure, [metric value, points] (null for NaN), as stored. */
function scoreRow(compiled: CompiledModel, matrix: Float64Array, offset: number, parts?: [number | null, number | null][]): number {
  let num = 0;
  let den = 0;
  let min = Number.POSITIVE_INFINITY;
  let data = 0;
  for (let i = 0; i < compiled.size; i++) {
    const v = matrix[offset + (compiled.metricIdx[i] as number)] as number;
    const p = (compiled.points[i] as (x: number) => number)(v);
    parts?.push([Number.isNaN(v) ? null : v, Number.isNaN(p) ? null : p]);
    const w = compiled.weights[i] as number;
    if (Number.isNaN(p) || w === 0) continue;
    num += w * p;
    den += w;
    data += compiled.isData[i] as number;
    if (p < min) min = p;
  }
  // Signal counts alone are no score: zero signals would make a customer with no data green.
  return den === 0 || data === 0 ? Number.NaN : compiled.lowest ? min : num / den;
}

export async function runHealth(sqlite: WritableDB, opts: RunOptions): Promise<RunResult> {
  const { model, asOf, now } = opts;
  // The engagement's lexicon adds its signal words to the keyword rules and supplies the complaint detector.
  const text = textSignalSetup(sqlite, opts.rules);
  const rules = text.rules;
  const playbook = opts.playbook ?? DEFAULT_PLAYBOOK;
  const policy = opts.actionPolicy ?? DEFAULT_ACTION_POLICY;
  opts.progress?.('health.facts', 0, null);
  await checkpoint(opts.signal);
  const total = opts.facts ? opts.facts.facts.length : countCustomersInScope(sqlite, asOf);
  const compiled = compileModel(model);
  const enabledRules = new Set<SignalRuleId>(rules.filter((r) => r.enabled).map((r) => r.id));
  const redTemplate = playbook.templates[playbook.redScore];
  const modelScores = opts.modelScores ?? loadModelScores(sqlite, asOf, opts.sources);

  // Scoring: reads only.
  const scored: ScoredBlock[] = [];
  const bands: BandCounts = { red: 0, yellow: 0, green: 0, none: 0 };
  let n = 0;
  const scoreBlock = ({ customers, facts }: FactsBlock): void => {
    attachModelScores(facts, modelScores);
    const size = facts.length;
    const matrix = buildMetricMatrix(facts);
    const block: ScoredBlock = {
      keys: new Array<string>(size),
      owners: new Array<string | null>(size),
      matrix,
      scores: new Float64Array(size),
      bands: new Array<Band | null>(size),
      evaluated: [],
    };
    for (let c = 0; c < size; c++) {
      const f = facts[c]!;
      // Signals first: the score reads the signals evaluated on the same facts (signal measures).
      const signals = evaluateRules(rules, f);
      fillSignalMetrics(
        matrix,
        c * METRIC_COUNT,
        signals.map((s) => s.severity),
      );
      const score = scoreRow(compiled, matrix, c * METRIC_COUNT);
      const band = bandOf(model.bands, score);
      bands[band ?? 'none']++;
      block.keys[c] = f.customerKey;
      block.owners[c] = customers[c]?.owner ?? null;
      block.scores[c] = score;
      block.bands[c] = band;
      for (const s of signals) block.evaluated.push(s);
    }
    scored.push(block);
    n += size;
    opts.progress?.('health.scoring', n, total);
  };
  if (opts.facts) scoreBlock(opts.facts);
  else {
    for (const block of factsBlocks(sqlite, asOf, {
      textKeywords: text.textKeywords,
      ...(text.complaintsIn ? { complaintsIn: text.complaintsIn } : {}),
      ...(opts.blockSize === undefined ? {} : { blockSize: opts.blockSize }),
    })) {
      scoreBlock(block);
      await checkpoint(opts.signal);
    }
  }
  // Revenue at stake: the 12 months to as-of (or 12 x live MRR when larger), the churn model's figure,
  // so the inbox and the churn section sort customers by the same amount.
  const revenue = revenue12mAt(
    sqlite,
    asOf,
    scored.flatMap((b) => b.keys),
  );
  opts.progress?.('health.saving', 0, null);
  await checkpoint(opts.signal);

  // Storing: the last checkpoint is behind us; one transaction from here.
  const write = sqlite.transaction((): RunResult => {
    // Counts are filled in at the end, once every block is stored.
    const runId = Number(
      sqlite
        .prepare(`insert into health_run (model_id, model, rules, as_of, started_at, action_policy, sources) values (?, ?, ?, ?, ?, ?, ?)`)
        .run(model.id, JSON.stringify(model), JSON.stringify(rules), asOf, now, JSON.stringify(policy), JSON.stringify(modelScores.sources)).lastInsertRowid,
    );
    // Live signals by customer, read inside the transaction: each block reconciles its own customers' records.
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

    const insScore = sqlite.prepare(
      'insert into health_score (run_id, customer_key, score, band, measures, metrics, revenue_12m) values (?, ?, ?, ?, ?, ?, ?)',
    );
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

    const red: { key: string; owner: string | null; score: number }[] = [];
    let signalsOpened = 0;
    let signalsResolved = 0;
    const closeAll = (plan: SignalReconciliation<number>): void => {
      for (const s of [...plan.resolve, ...plan.lapse, ...plan.duplicates]) close.run(runId, now, s.id);
      signalsResolved += plan.resolve.length;
    };

    let at = 0;
    for (const block of scored) {
      const stored: StoredSignalRef<number>[] = [];
      const inScope = new Set<string>();
      for (let c = 0; c < block.keys.length; c++) {
        const key = block.keys[c]!;
        const offset = c * METRIC_COUNT;
        const parts: [number | null, number | null][] = [];
        scoreRow(compiled, block.matrix, offset, parts);
        const score = block.scores[c] as number;
        const band = block.bands[c] ?? null;
        const row = block.matrix.subarray(offset, offset + METRIC_COUNT);
        insScore.run(
          runId,
          key,
          Number.isNaN(score) ? null : score,
          band,
          JSON.stringify(parts),
          Buffer.from(row.buffer, row.byteOffset, row.byteLength),
          revenue[at++] as number,
        );
        if (band === 'red') red.push({ key, owner: block.owners[c] ?? null, score });
        inScope.add(key);
        const mine = storedByCustomer.get(key);
        if (mine) {
          for (const s of mine) stored.push(s);
          storedByCustomer.delete(key);
        }
      }
      const ownerOf = new Map(block.keys.map((k, c) => [k, block.owners[c] ?? null]));
      const plan = reconcileSignals(stored, block.evaluated, { customers: inScope, rules: enabledRules });
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
          // The policy leaves the other severities in the inbox: the signal is stored, no action opens.
          if (opensAction(policy, sig.severity)) openAction(actionForSignal(sig, now, playbook), ownerOf.get(sig.customerKey) ?? null, 'signal', id, live);
        }
      }
      signalsOpened += plan.open.length;
    }

    // Records of customers no longer in scope are left alone, bar duplicate records of one pair.
    const rest: StoredSignalRef<number>[] = [];
    for (const list of storedByCustomer.values()) for (const s of list) rest.push(s);
    closeAll(reconcileSignals(rest, [], { customers: new Set(), rules: enabledRules }));

    for (const { key, owner, score } of policy.redScore ? red : []) {
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
    const result: RunResult = { runId, customers: n, bands, signalsOpened, signalsResolved, actionsOpened, sources: modelScores.sources };
    opts.onStored?.(result);
    return result;
  });
  return write();
}
