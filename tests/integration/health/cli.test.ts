import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { HealthOverview, Paged, SignalRow } from '../../../shared/contract/health';
import type { Severity } from '../../../shared/health/vocabulary';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, insertFixture } from './fixture';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
let file: string;

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  insertFixture(ws);
  file = ws.path;
  await ws.close();
});

// Each call spawns a CLI process; generous timeouts keep the test honest on a loaded 2-core machine.
describe('rwb health / rwb signals', { timeout: 180_000 }, () => {
  it('runs health and prints the distribution and lowest scores as JSON', () => {
    const r = rwb(['health', file, '--as-of', AS_OF, '--model', 'relationship', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const o = r.json<HealthOverview>();
    expect(o.run).toMatchObject({ id: 1, asOf: AS_OF, modelId: 'relationship', customers: 15 });
    const b = o.run!.bands;
    expect(b.red + b.yellow + b.green + b.none).toBe(15);
    expect(o.lowest.length).toBeGreaterThan(0);
    const scores = o.lowest.map((x) => x.score!);
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
  });

  it('lists open signals, filtered by severity, with a second run adding no duplicates', () => {
    expect(rwb(['health', file, '--as-of', AS_OF, '--json'], env).status).toBe(0);
    const all = rwb(['signals', file, '--json'], env).json<Paged<SignalRow> & { counts: Record<Severity, number> }>();
    const pairs = all.items.map((s) => `${s.customerKey}/${s.ruleId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toEqual(expect.arrayContaining(['SILENT/silent', 'DM/decisionMakerChange', 'COMP/competitorMention', 'FEEDBACK/demandFeedbackDelay']));
    const heavy = rwb(['signals', file, '--severity', 'heavy', '--json'], env).json<Paged<SignalRow>>();
    expect(heavy.items.length).toBe(all.counts.heavy);
    expect(heavy.items.every((s) => s.severity === 'heavy')).toBe(true);
    expect(heavy.items.map((s) => s.customerKey).sort()).toEqual(['COMP', 'DM', 'SILENT']);
  });

  it('prints readable text in the chosen language', () => {
    const en = rwb(['signals', file, '--severity', 'heavy'], env);
    expect(en.stdout).toContain('Severe (rescue)');
    expect(en.stdout).toContain('Competitor mentioned');
    const zh = rwb(['health', file, '--no-run', '--lang', 'zh-CN'], env);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('健康分最低的客户');
    expect(zh.stdout).toContain('第 2 次计算');
  });

  it('fails with a coded message for an unknown model', () => {
    const r = rwb(['health', file, '--model', 'nope', '--json'], env);
    expect(r.status).toBe(1);
    expect(r.json<{ ok: false; error: { code: string } }>().error.code).toBe('NOT_FOUND');
  });
});
