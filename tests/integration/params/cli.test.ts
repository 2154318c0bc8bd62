import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultParamSet, paramSetText } from '../../../shared/params/param-set';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { chromiumPath } from '../reports/chromium-available';
import { AS_OF, insertEngagementData } from '../reports/report-fixture';

// rwb params list|show|export|import, --params on diagnose and health, --run on report: a set from a
// file drives a run that names it, and a report built from an older run says so on its cover.

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
let file: string;

beforeAll(async () => {
  const ws = await newWorkspace(dir, '华东制造集团');
  insertEngagementData(ws);
  file = ws.path;
  await ws.close();
});

describe('rwb params', () => {
  it('imports a set from a file, lists, shows and exports it; a bad file is refused with its path in the reason', () => {
    const set = defaultParamSet('B2B 季度');
    set.lifecycle.riskInactiveDays = 120;
    const src = join(dir, 'b2b.json');
    writeFileSync(src, paramSetText(set));
    const imported = rwb(['params', 'import', file, src, '--lang', 'en'], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported parameter set "B2B 季度"');
    expect(
      rwb(['params', 'list', file, '--json'], env)
        .json<{ name: string }[]>()
        .map((s) => s.name),
    ).toEqual(['B2B 季度']);
    expect(rwb(['params', 'show', file, 'B2B 季度', '--json'], env).json<{ lifecycle: { riskInactiveDays: number } }>().lifecycle.riskInactiveDays).toBe(120);
    const out = join(dir, 'out.json');
    expect(rwb(['params', 'export', file, 'B2B 季度', out], env).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'rwb.param-set', name: 'B2B 季度', lifecycle: { riskInactiveDays: 120 } });

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'rwb.param-set', name: 'x', tiers: { strategicShare: 3 } }));
    const bad = rwb(['params', 'import', file, join(dir, 'bad.json'), '--lang', 'en'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('Invalid parameter set file: tiers.strategicShare');
  }, 200_000);

  it('runs diagnose and health with --params, and reports from the run given with --run', () => {
    const latest = rwb(['diagnose', file, '--as-of', AS_OF, '--json'], env).json<{ id: number; paramSet: string | null }>();
    expect(latest.paramSet).toBeNull();
    const older = rwb(['diagnose', file, '--as-of', '2025-09-30', '--params', 'B2B 季度', '--label', '三季度', '--json'], env).json<{
      id: number;
      paramSet: string;
      params: { lifecycle: { riskInactiveDays: number } };
    }>();
    expect(older.paramSet).toBe('B2B 季度');
    expect(older.params.lifecycle.riskInactiveDays).toBe(120);
    const text = rwb(['diagnose', file, '--as-of', '2025-09-30', '--params', 'B2B 季度', '--lang', 'en'], env);
    expect(text.stdout.split('\n')[0]).toContain('parameter set "B2B 季度"');
    const health = rwb(['health', file, '--as-of', AS_OF, '--params', 'B2B 季度', '--json'], env).json<{ run: { paramSet: string } }>();
    expect(health.run.paramSet).toBe('B2B 季度');

    const missing = rwb(['report', file, '--xlsx', join(dir, 'x.xlsx'), '--run', '999', '--lang', 'en'], env);
    expect(missing.status).not.toBe(0);
    if (!chromiumPath()) return;
    const pdf = join(dir, 'older.pdf');
    const r = rwb(['report', file, '--pdf', pdf, '--run', String(older.id), '--sections', 'summary,retention', '--lang', 'zh-CN'], env);
    expect(r.status).toBe(0);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cover).toContain(`留存诊断运行 #${older.id}「三季度」 · 评估日期 2025-09-30 · 参数集「B2B 季度」`);
  }, 400_000);
});
