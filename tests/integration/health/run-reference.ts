// The health run before block streaming (all facts computed first, then one write), kept only as
// the reference the streaming run must store identically to.

import type { WritableDB } from '../../../electron/backend/workspace/connection';
import { buildMetricMatrix, fillSignalMetrics, METRIC_COUNT } from '../../../shared/health/metrics';
import { compileModel, bandOf, isDataMetric, type BandCounts } from '../../../shared/health/score';
import type { HealthModel } from '../../../shared/health/model';
import { evaluateRules, type Signal } from '../../../shared/health/signals';
import type { SignalRule, SignalRuleId } from '../../../shared/health/signal-rules';
import { textSignalSetup } from '../../../electron/backend/health/text-signals';
import { reconcileSignals, type StoredSignalRef } from '../../../shared/health/signal-dedupe';
import { actionForSignal, DEFAULT_PLAYBOOK, dueFromAsOf, type Playbook, type PlannedAction } from '../../../shared/health/playbook';
import type { CancelSignal } from '../../../shared/contract/define';
import { referenceFacts } from './facts-reference';
import { WorkbenchError } from '../../../electron/backend/errors';
import { prepareInsertAction } from '../../../electron/backend/health/actions-store';
import { DEFAULT_ACTION_POLICY, opensAction, type ActionPolicy } from '../../../shared/health/action-policy';
import { revenue12mAt } from '../../../electron/backend/churn/features-sql';
import { attachModelScores, loadModelScores } from '../../../electron/backend/health/model-scores';
import type { HealthRunSources } from '../../../shared/health/model-sources';

interface RunOptions {
  model: HealthModel;
  rules: SignalRule[];
  asOf: string;
  now: string; // local wall clock, 'YYYY-MM-DDTHH:mm:ss'
  playbook?: Playbook;
  actionPolicy?: ActionPolicy;
  progress?: (phase: string, done: number, total: number | null) => void;
  signal?: CancelSignal;
}

interface RunResult {
  runId: number;
  customers: number;
  bands: BandCounts;
  signalsOpened: number;
  signalsResolved: number;
  actionsOpened: number;
  sources: HealthRunSources;
}

function checkCancelled(signal?: CancelSignal): void {
  if (signal?.aborted) throw new WorkbenchError('CANCELLED');
}

export function referenceRunHealth(sqlite: WritableDB, opts: RunOptions): RunResult {
  const { model, asOf, now } = opts;
  // The engagement's lexicon, as the run reads it: signal words added, complaint sentences found.
  const text = textSignalSetup(sqlite, opts.rules);
  const rules = text.rules;
  const playbook = opts.playbook ?? DEFAULT_PLAYBOOK;
  const policy = opts.actionPolicy ?? DEFAULT_ACTION_POLICY;
  opts.progress?.('health.facts', 0, null);
  const { customers, facts } = referenceFacts(sqlite, asOf, { textKeywords: text.textKeywords });
  const complaintsIn = text.complaintsIn;
  if (complaintsIn) for (const f of facts) for (const t of f.texts) if (t.source !== 'survey') t.complaints = complaintsIn(t.text);
  const modelScores = loadModelScores(sqlite, asOf);
  attachModelScores(facts, modelScores);
  checkCancelled(opts.signal);
  const n = facts.length;
  opts.progress?.('health.scoring', 0, n);

  const matrix = buildMetricMatrix(facts);
  const compiled = compileModel(model);
  const scores = new Float64Array(n);
  const measuresJson: string[] = new Array<string>(n);
  const bands: BandCounts = { red: 0, yellow: 0, green: 0, none: 0 };
  const evaluated: Signal[] = [];
  for (let c = 0; c < n; c++) {
    const offset = c * METRIC_COUNT;
    const signals = evaluateRules(rules, facts[c]!);
    fillSignalMetrics(
      matrix,
      offset,
      signals.map((x) => x.severity),
    );
    let num = 0;
    let den = 0;
    let min = Number.POSITIVE_INFINITY;
    let data = 0;
    const parts: [number | null, number | null][] = [];
    for (let i = 0; i < compiled.size; i++) {
      const v = matrix[offset + (compiled.metricIdx[i] as number)] as number;
      const p = (compiled.points[i] as (x: number) => number)(v);
      parts.push([Number.isNaN(v) ? null : v, Number.isNaN(p) ? null : p]);
      const w = compiled.weights[i] as number;
      if (Number.isNaN(p) || w === 0) continue;
      num += w * p;
      den += w;
      if (isDataMetric(compiled.model.measures[i]!.metric)) data++;
      if (p < min) min = p;
    }
    // Signal counts alone are no score.
    const score = den === 0 || data === 0 ? Number.NaN : compiled.lowest ? min : num / den;
    scores[c] = score;
    measuresJson[c] = JSON.stringify(parts);
    const band = bandOf(model.bands, score);
    bands[band ?? 'none']++;
    for (const s of signals) evaluated.push(s);
    if (c % 5000 === 4999) {
      opts.progress?.('health.scoring', c + 1, n);
      checkCancelled(opts.signal);
    }
  }
  opts.progress?.('health.saving', 0, null);
  checkCancelled(opts.signal);

  const ownerOf = new Map(customers.map((c) => [c.customerKey, c.owner]));
  const enabledRules = new Set<SignalRuleId>(rules.filter((r) => r.enabled).map((r) => r.id));
  const inScope = new Set(customers.map((c) => c.customerKey));

  const write = sqlite.transaction((): RunResult => {
    const runId = Number(
      sqlite
        .prepare(
          `insert into health_run (model_id, model, rules, as_of, started_at, customers, red, yellow, green, none, action_policy, sources)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          model.id,
          JSON.stringify(model),
          JSON.stringify(rules),
          asOf,
          now,
          n,
          bands.red,
          bands.yellow,
          bands.green,
          bands.none,
          JSON.stringify(policy),
          JSON.stringify(modelScores.sources),
        ).lastInsertRowid,
    );
    const revenue = revenue12mAt(
      sqlite,
      asOf,
      facts.map((f) => f.customerKey),
    );
    const insScore = sqlite.prepare(
      'insert into health_score (run_id, customer_key, score, band, measures, metrics, revenue_12m) values (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let c = 0; c < n; c++) {
      const s = scores[c] as number;
      const row = matrix.subarray(c * METRIC_COUNT, (c + 1) * METRIC_COUNT);
      insScore.run(
        runId,
        facts[c]!.customerKey,
        Number.isNaN(s) ? null : s,
        bandOf(model.bands, s),
        measuresJson[c],
        Buffer.from(row.buffer, row.byteOffset, row.byteLength),
        revenue[c] as number,
      );
    }

    const stored = (
      sqlite.prepare(`select id, customer_key, rule_id, status from health_signal where status in ('open', 'dismissed')`).all() as {
        id: number;
        customer_key: string;
        rule_id: SignalRuleId;
        status: 'open' | 'dismissed';
      }[]
    ).map((r): StoredSignalRef<number> => ({ id: r.id, customerKey: r.customer_key, ruleId: r.rule_id, status: r.status }));
    const plan = reconcileSignals(stored, evaluated, { customers: inScope, rules: enabledRules });

    const close = sqlite.prepare(`update health_signal set status = 'resolved', closed_run_id = ?, closed_at = ? where id = ?`);
    for (const s of [...plan.resolve, ...plan.lapse, ...plan.duplicates]) close.run(runId, now, s.id);
    const refresh = sqlite.prepare('update health_signal set severity = ?, evidence = ?, triggered_on = ?, as_of = ?, last_run_id = ? where id = ?');
    for (const { stored: s, signal } of [...plan.refresh, ...plan.stillDismissed]) {
      refresh.run(signal.severity, JSON.stringify(signal.evidence), signal.triggeredOn, signal.asOf, runId, s.id);
    }
    const insSignal = sqlite.prepare(
      `insert into health_signal (customer_key, rule_id, severity, status, evidence, triggered_on, as_of, first_run_id, last_run_id)
       values (?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    );
    const liveTemplate = sqlite.prepare(`select 1 from health_action where customer_key = ? and template_id = ? and status in ('open', 'inProgress') limit 1`);
    const insAction = prepareInsertAction(sqlite);
    let actionsOpened = 0;
    const openAction = (a: PlannedAction, kind: 'signal' | 'redScore', signalId: number | null): void => {
      // One live action per customer and template: a second signal calling for the same response
      // joins the action already running instead of cluttering the board.
      if (liveTemplate.get(a.customerKey, a.templateId)) return;
      insAction({ ...a, owner: ownerOf.get(a.customerKey) ?? null }, kind, signalId, runId, null);
      actionsOpened++;
    };
    for (const sig of plan.open) {
      const id = Number(
        insSignal.run(sig.customerKey, sig.ruleId, sig.severity, JSON.stringify(sig.evidence), sig.triggeredOn, sig.asOf, runId, runId).lastInsertRowid,
      );
      if (opensAction(policy, sig.severity)) openAction(actionForSignal(sig, now, playbook), 'signal', id);
    }
    for (let c = 0; c < n; c++) {
      const s = scores[c] as number;
      if (!policy.redScore || bandOf(model.bands, s) !== 'red') continue;
      const key = facts[c]!.customerKey;
      const t = playbook.templates[playbook.redScore];
      openAction(
        {
          customerKey: key,
          templateId: playbook.redScore,
          ownerRole: t.ownerRole,
          owner: null,
          titleKey: `actions.${playbook.redScore}.title`,
          descriptionKey: `actions.${playbook.redScore}.description`,
          openedAt: now,
          dueAt: dueFromAsOf(asOf, t.dueHours),
          status: 'open',
          source: { kind: 'redScore', modelId: model.id, score: s, asOf },
        },
        'redScore',
        null,
      );
    }
    const resolved = plan.resolve.length;
    sqlite
      .prepare('update health_run set finished_at = ?, signals_opened = ?, signals_resolved = ?, actions_opened = ? where id = ?')
      .run(now, plan.open.length, resolved, actionsOpened, runId);
    return { runId, customers: n, bands, signalsOpened: plan.open.length, signalsResolved: resolved, actionsOpened, sources: modelScores.sources };
  });
  return write();
}
