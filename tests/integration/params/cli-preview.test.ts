import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultParamSet, paramSetText } from '../../../shared/params/param-set';
import type { ParamPreview } from '../../../shared/params/preview';
import type { DiagnosticRun } from '../../../shared/analytics';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, insertEngagementData } from '../reports/report-fixture';
import type { RulesOutput } from '../../../electron/cli/commands/params-text';

// rwb diagnose --periods all|FROM:TO, rwb params preview and rwb params rules: the trend range, the
// preview and each rule's alert budget and backtest, as the parameters section shows them.

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
let file: string;

beforeAll(async () => {
  const ws = await newWorkspace(dir, '华东制造集团');
  insertEngagementData(ws);
  file = ws.path;
  await ws.close();
});

describe('rwb diagnose --periods', () => {
  it('all: every period from the first data; FROM:TO ends with TO, which sets the as-of date; a TO that misses --as-of is refused', () => {
    const all = rwb(['diagnose', file, '--as-of', AS_OF, '--periods', 'all', '--json'], env);
    expect(all.status).toBe(0);
    const run = all.json<DiagnosticRun>();
    const keys = run.results.retention.map((p) => p.period.key);
    expect(run.params.periodCount).toBeNull();
    expect(keys.length).toBeGreaterThan(12);
    expect(keys[keys.length - 1]).toBe(AS_OF.slice(0, 7));
    expect(keys[0]).toBe(run.results.data.firstOrderDate!.slice(0, 7));

    const range = rwb(['diagnose', file, '--periods', '2026-01:2026-03', '--json'], env).json<DiagnosticRun>();
    expect(range.asOf).toBe('2026-03-31');
    expect(range.results.retention.map((p) => p.period.key)).toEqual(['2026-01', '2026-02', '2026-03']);

    const bad = rwb(['diagnose', file, '--as-of', AS_OF, '--periods', '2026-01:2026-03', '--lang', 'en'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('does not hold --as-of');
  }, 300_000);
});

describe('rwb params preview / rules', () => {
  it('prints the effect of a set and each rule with its alert budget; with no backtest yet, says how to run one', () => {
    expect(rwb(['diagnose', file, '--as-of', AS_OF, '--json'], env).status).toBe(0);
    expect(rwb(['health', file, '--json'], env).status).toBe(0);
    const set = defaultParamSet('季度复盘');
    set.lifecycle.riskInactiveDays = 15;
    set.signals = set.signals.map((r) => (r.id === 'unansweredOutreach' ? { ...r, params: { streak: 1 } } : r));
    writeFileSync(join(dir, 'set.json'), paramSetText(set));
    expect(rwb(['params', 'import', file, join(dir, 'set.json')], env).status).toBe(0);

    const p = rwb(['params', 'preview', file, '季度复盘', '--json'], env).json<ParamPreview>();
    expect(p.lifecycle!.moves.find((m) => m.to === 'atRisk')?.customers).toBeGreaterThan(0);
    expect(p.signals!.rules.find((r) => r.ruleId === 'unansweredOutreach')).toMatchObject({ now: 8, added: 8 });
    const text = rwb(['params', 'preview', file, '季度复盘', '--lang', 'zh-CN'], env);
    expect(text.stdout).toContain('参数集「季度复盘」的影响');
    expect(text.stdout).toMatch(/成熟期 → 风险：\d+ 位/);
    expect(text.stdout).toMatch(/连续触达未响应.*8 位客户/);

    const rules = rwb(['params', 'rules', file, '季度复盘', '--json'], env).json<RulesOutput>();
    expect(rules.backtest).toBeNull();
    expect(rules.rules.find((r) => r.rule.id === 'unansweredOutreach')?.budget).toMatchObject({ now: 8, was: 0, added: 8 });
    expect(rwb(['params', 'rules', file, '--lang', 'en'], env).stdout).toContain('No backtest of the early-warning rules yet');
  }, 300_000);

  it('after a backtest, prints each rule’s lift, precision and recall, and says when the set’s thresholds differ from the replayed ones', () => {
    expect(rwb(['churn-model', file, '--horizon', '90', '--backtest', '--json'], env).status).toBe(0);
    const rules = rwb(['params', 'rules', file, '季度复盘', '--json'], env).json<RulesOutput>();
    expect(rules.backtest?.horizonDays).toBe(90);
    const replayed = rules.rules.filter((r) => r.backtest !== null);
    expect(replayed.length).toBeGreaterThan(0);
    expect(rules.rules.find((r) => r.rule.id === 'unansweredOutreach')?.backtestOtherParams).toBe(true);
    expect(rules.rules.find((r) => r.rule.id === 'interactionDrop')?.backtestOtherParams).toBe(false);
    const text = rwb(['params', 'rules', file, '季度复盘', '--lang', 'en'], env).stdout;
    expect(text).toMatch(/Backtest #1 .*90-day horizon/);
    expect(text).toMatch(/fires/);
    expect(text).toContain("replayed with other thresholds than this set's");
  }, 300_000);
});
