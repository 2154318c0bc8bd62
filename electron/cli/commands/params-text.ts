// What `rwb params preview` and `rwb params rules` print: the same figures the parameters section
// shows, each with its denominator and the run it is measured on.

import type { SignalRule } from '../../../shared/health/signal-rules';
import type { StoredBacktest } from '../../../shared/contract/params';
import type { RuleBacktest } from '../../../shared/churn/types';
import type { MovementPreview } from '../../../shared/params/movement';
import type { ParamPreview, SignalPreview, SignalRuleCount } from '../../../shared/params/preview';
import { createTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/errors';
import { padText } from '../output';

/** A rule with its budget and its latest backtest row (null when none has replayed it). */
export interface RuleEvidence {
  rule: SignalRule;
  budget: SignalRuleCount | null;
  backtest: RuleBacktest | null;
  /** The thresholds the backtest replayed differ from the set's. */
  backtestOtherParams: boolean;
}

export interface RulesOutput {
  asOf: string | null;
  backtest: (Omit<StoredBacktest, 'rules' | 'backtest'> & { dates: string[]; horizonDays: number; baseRate: number; observations: number }) | null;
  rules: RuleEvidence[];
}

export function rulesWithEvidence(rules: readonly SignalRule[], preview: SignalPreview | null, stored: StoredBacktest | null): RulesOutput {
  return {
    asOf: preview?.asOf ?? null,
    backtest: stored
      ? {
          id: stored.id,
          createdAt: stored.createdAt,
          dates: stored.backtest.dates,
          horizonDays: stored.backtest.horizonDays,
          baseRate: stored.backtest.baseRate,
          observations: stored.backtest.observations,
        }
      : null,
    rules: rules.map((rule) => {
      const replayed = stored?.rules.find((r) => r.id === rule.id);
      return {
        rule,
        budget: preview?.rules.find((r) => r.ruleId === rule.id) ?? null,
        backtest: stored?.backtest.rules.find((r) => r.ruleId === rule.id) ?? null,
        backtestOtherParams: replayed !== undefined && JSON.stringify(replayed.params) !== JSON.stringify(rule.params),
      };
    }),
  };
}

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

export function rulesText(out: RulesOutput, lang: Locale): string {
  const t = createTranslator(lang);
  const lines: string[] = [];
  if (out.backtest) {
    const b = out.backtest;
    lines.push(
      t('params:ui.backtest.line', {
        id: b.id,
        at: b.createdAt.slice(0, 16).replace('T', ' '),
        dates: b.dates.length,
        first: b.dates[0] ?? '',
        last: b.dates[b.dates.length - 1] ?? '',
        horizon: b.horizonDays,
        observations: b.observations,
        baseRate: pct(b.baseRate),
      }),
    );
  } else lines.push(t('params:cli.noBacktest'));
  for (const { rule, budget, backtest, backtestOtherParams } of out.rules) {
    const params = Object.entries(rule.params as Record<string, unknown>)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('、') : String(v)}`)
      .join(' ');
    lines.push(
      '',
      `${rule.enabled ? '●' : '○'} ${t(`health:signals.${rule.id}.name`, { defaultValue: rule.id })} · ${t(`health:severities.${rule.severity}`)} · ${params}`,
    );
    if (budget) {
      lines.push(
        `    ${budget.enabled ? t('params:ui.signals.fireCell', { now: budget.now, was: budget.was }) : t('params:ui.budget.disabled', { open: budget.open })}${
          budget.enabled ? ` · ${t('params:ui.budget.inbox', { added: budget.added, resolved: budget.resolved, open: budget.open })}` : ''
        }`,
      );
    }
    if (backtest) {
      lines.push(
        `    ${
          backtest.lift === null
            ? t('params:ui.backtest.noLift', { fires: backtest.fires })
            : t('params:ui.backtest.cell', {
                lift: backtest.lift.toFixed(2),
                precision: pct(backtest.precision),
                recall: pct(backtest.recall),
                fires: backtest.fires,
              })
        }${backtest.medianLeadDays !== null ? ` · ${t('params:ui.backtest.lead', { days: backtest.medianLeadDays })}` : ''}${
          backtestOtherParams ? ` · ${t('params:cli.backtestOtherParams')}` : ''
        }`,
      );
    } else if (out.backtest) lines.push(`    ${t('params:ui.backtest.notReplayed')}`);
  }
  return lines.join('\n');
}

function movementLines<K extends string>(title: string, p: MovementPreview<K>, name: (id: K) => string, t: ReturnType<typeof createTranslator>): string[] {
  const lines = ['', title, `  ${t('params:ui.movement.line', { moved: p.moved, customers: p.customers, runId: p.runId, asOf: p.asOf })}`];
  lines.push(`  ${padText('', 14)} ${t('params:ui.movement.was').padStart(8)} ${t('params:ui.movement.now').padStart(8)}`);
  for (const c of p.counts) lines.push(`  ${padText(name(c.id), 14)} ${String(c.was).padStart(8)} ${String(c.now).padStart(8)}`);
  for (const m of p.moves.slice(0, 6)) lines.push(`  ${t('params:ui.movement.move', { from: name(m.from), to: name(m.to), n: m.customers })}`);
  return lines;
}

export function previewText(name: string, p: ParamPreview, lang: Locale): string {
  const t = createTranslator(lang);
  const lines = [t('params:cli.previewOf', { name })];
  if (!p.rfm && !p.tiers) lines.push(t('params:ui.noRun'));
  if (p.rfm) {
    lines.push(
      '',
      t('params:ui.rfm.title'),
      `  ${t('params:ui.rfm.previewLine', { n: p.rfm.r.now[4], was: p.rfm.r.was[4], changed: p.rfm.changed, customers: p.rfm.customers, runId: p.rfm.runId, asOf: p.rfm.asOf })}`,
      `  ${t('params:ui.segments.classic')}: ${t('params:ui.segments.moved', { n: p.rfm.segmentsMoved })}`,
    );
    for (const c of p.rfm.segments) {
      lines.push(`    ${padText(t(`analytics:rfm.segments.${c.id}`, { defaultValue: c.id }), 24)} ${t('params:ui.rfm.countCell', { now: c.now, was: c.was })}`);
    }
    lines.push(`  ${t('params:ui.segments.valueGroups')}: ${t('params:ui.segments.moved', { n: p.rfm.valueGroupsMoved })}`);
    for (const c of p.rfm.valueGroups) {
      const label = t(`analytics:rfm.valueGroups.${c.id}`, { defaultValue: t(`analytics:rfm.segments.${c.id}`, { defaultValue: c.id }) });
      lines.push(`    ${padText(label, 24)} ${t('params:ui.rfm.countCell', { now: c.now, was: c.was })}`);
    }
  }
  if (p.tiers) lines.push(...movementLines(t('params:ui.tiers.title'), p.tiers, (id) => t(`analytics:tiers.names.${id}`), t));
  if (p.lifecycle) lines.push(...movementLines(t('params:ui.lifecycle.title'), p.lifecycle, (id) => t(`analytics:lifecycle.stages.${id}`), t));
  if (p.signals) {
    const s = p.signals;
    lines.push(
      '',
      t('params:ui.signals.title'),
      `  ${t('params:ui.signals.previewLine', {
        asOf: s.asOf,
        customers: s.customers,
        heavy: s.bySeverity.heavy.now,
        heavyWas: s.bySeverity.heavy.was,
        medium: s.bySeverity.medium.now,
        mediumWas: s.bySeverity.medium.was,
        light: s.bySeverity.light.now,
        lightWas: s.bySeverity.light.was,
      })}`,
    );
    for (const r of s.rules) {
      const label = padText(t(`health:signals.${r.ruleId}.name`, { defaultValue: r.ruleId }), 20);
      lines.push(
        `  ${label} ${
          r.enabled
            ? `${t('params:ui.signals.fireCell', { now: r.now, was: r.was })} · ${t('params:ui.budget.inbox', { added: r.added, resolved: r.resolved, open: r.open })}`
            : t('params:ui.budget.disabled', { open: r.open })
        }`,
      );
    }
  }
  if (p.playbook) {
    const b = p.playbook;
    lines.push(
      '',
      t('params:ui.playbook.title'),
      `  ${t('params:ui.playbook.previewLine', { now: b.total.now, was: b.total.was, live: b.total.alreadyLive, red: b.red.now, redWas: b.red.was, customers: b.customers, asOf: b.asOf })}`,
    );
    for (const a of b.actions) {
      lines.push(`  ${padText(t(`health:actions.${a.templateId}.title`), 30)} ${t('params:ui.rfm.countCell', { now: a.now, was: a.was })}`);
    }
  }
  return lines.join('\n');
}
