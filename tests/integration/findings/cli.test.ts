import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingsList } from '../../../shared/contract/findings';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { AS_OF, engagementWithHealthRun } from '../reports/report-fixture';

// `rwb findings` as users run it: a child process on a workspace with stored runs.

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
let file: string;

beforeAll(async () => {
  const e = await engagementWithHealthRun(dir);
  await e.call('diagnostics.run', { params: { asOf: AS_OF } });
  file = e.ws.path;
  await e.backend.close();
}, 300_000);

describe('rwb findings', () => {
  it('lists the drafts as JSON, then accepts, rewords, reorders and drops them', () => {
    const list = rwb(['findings', file, '--json', '--min', '5'], env);
    expect(list.stderr).toBe('');
    const drafts = list.json<FindingsList>();
    expect(drafts.minCustomers).toBe(5);
    expect(drafts.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of drafts.findings) {
      expect(f.status).toBe('proposed');
      expect(f.headline['zh-CN']).not.toBe('');
      expect(f.headline.en).not.toBe('');
      expect(f.formula['zh-CN']).not.toBe('');
    }
    const [a, b] = drafts.findings.map((f) => f.id) as [string, string];

    const accepted = rwb(['findings', file, '--json', '--accept', `${a},${b}`, '--order', `${b},${a}`], env).json<FindingsList>();
    expect(accepted.findings.slice(0, 2).map((f) => [f.id, f.status])).toEqual([
      [b, 'accepted'],
      [a, 'accepted'],
    ]);

    const edited = rwb(
      ['findings', file, '--json', '--lang', 'en', '--edit', a, '--text', 'Retention slipped in the small accounts'],
      env,
    ).json<FindingsList>();
    const fa = edited.findings.find((f) => f.id === a)!;
    expect(fa.text.en).toBe('Retention slipped in the small accounts');
    expect(fa.text['zh-CN']).toBe(fa.headline['zh-CN']);
    expect(fa.edited).toBe(true);

    const dropped = rwb(['findings', file, '--json', '--drop', b], env).json<FindingsList>();
    expect(dropped.findings.at(-1)!.id).toBe(b);
    expect(dropped.findings.at(-1)!.status).toBe('dropped');

    // Human output names the state in Chinese by default.
    const human = rwb(['findings', file, '--lang', 'zh-CN'], env);
    expect(human.stdout).toContain('已采纳');
    expect(human.stdout).toContain('已舍弃');
  }, 300_000);

  it('refuses an unknown finding id with the ids there are', () => {
    const r = rwb(['findings', file, '--accept', 'no-such-finding', '--lang', 'en'], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('There is no drafted finding "no-such-finding"');
  }, 120_000);
});
