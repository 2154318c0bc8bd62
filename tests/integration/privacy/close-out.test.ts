// The close-out of personal fields on the demo engagement, after a diagnostic and a health run: the
// file's bytes (and its WAL) hold none of a sample of 200 names, contacts, phones, emails and free
// texts, while the stored runs, loaded through the channels, report the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp';
import { figures, openDemo, type DemoSession } from './demo-harness';
import type { ReadableDB } from '../../../electron/backend/workspace/connection';

const dir = tempDir();
let s: DemoSession;

function column(sqlite: ReadableDB, sql: string): string[] {
  return (sqlite.prepare(sql).pluck().all() as (string | null)[]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** n values spread over the list (every k-th), the same every run. */
function spread(values: string[], n: number): string[] {
  const uniq = [...new Set(values)].sort();
  const step = Math.max(1, Math.floor(uniq.length / n));
  return uniq.filter((_, i) => i % step === 0).slice(0, n);
}

function fileBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-journal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

beforeAll(async () => {
  s = await openDemo(dir);
}, 180_000);
afterAll(async () => s?.b.shutdown());

describe('engagement.closeOut personalFields', () => {
  it('leaves no personal field readable in the file and keeps the stored run figures', async () => {
    const sqlite = s.b.workspace!.sqlite;
    const sample = [
      ...spread(column(sqlite, 'select name from customers'), 40),
      ...spread(column(sqlite, 'select contact_name from customers'), 40),
      ...spread(column(sqlite, 'select phone from customers'), 40),
      ...spread(column(sqlite, 'select email from customers'), 40),
      ...spread(column(sqlite, 'select comment from surveys where length(comment) >= 6'), 20),
      ...spread(column(sqlite, 'select text from interactions where length(text) >= 6'), 20),
    ];
    expect(sample).toHaveLength(200);
    const owners = column(sqlite, 'select distinct owner from customers');
    const phones = column(sqlite, 'select phone from customers').length;
    const before = fileBytes(s.path);
    // The sample is there to be found before: the search itself works.
    expect(sample.filter((v) => before.includes(Buffer.from(v, 'utf8'))).length).toBeGreaterThan(150);

    // Free text the consultant typed: a respondent's name, an answer's note and evidence, an action's
    // note and owner, the engagement's notes. The checklist's score is a figure to keep.
    const typed = ['周明远副总裁', '周明远说华东区大客户邓霞想换供应商', '邓霞的微信截图', '联系邓霞13800001111', '项目备注：邓霞电话13800001111'];
    const assessment = await s.call('checklist.start', { templateId: 'retention-self-check', respondents: [typed[0]!] });
    await s.call('checklist.answer', {
      id: assessment.summary.id,
      respondent: typed[0]!,
      questionId: 'org-committee',
      value: true,
      note: typed[1]!,
      evidence: typed[2]!,
    });
    await s.call('actions.create', { customerKey: 'KH00010', templateId: 'retentionOffer', owner: '邓霞霞', note: typed[3]! });
    await s.call('engagement.update', { meta: { notes: typed[4]! } });
    const score = await s.call('checklist.score', { id: assessment.summary.id });

    const diagnostic = await s.call('diagnostics.get', {});
    const overview = await s.call('health.overview', {});
    const scores = await s.call('health.scores', { limit: 1000 });
    const page = await s.call('diagnostics.customers', { runId: diagnostic!.id, limit: 5000 });

    const result = await s.call('engagement.closeOut', { mode: 'personalFields', confirm: true, certificate: `${dir}/certificate` });
    expect(result.walTruncated).toBe(true);
    expect(result.cleared['customers.phone']).toBe(phones);
    expect(result.cleared['customers.name']).toBeGreaterThan(400);
    expect(result.cleared['interactions.text']).toBeGreaterThan(1000);
    expect(result.audit.intact).toBe(true);

    const after = fileBytes(s.path);
    const found = sample.filter((v) => after.includes(Buffer.from(v, 'utf8')));
    expect(found).toEqual([]);
    expect(owners.filter((v) => after.includes(Buffer.from(v, 'utf8')))).toEqual([]);
    expect([...typed, '邓霞霞'].filter((v) => after.includes(Buffer.from(v, 'utf8')))).toEqual([]);
    expect(figures(await s.call('checklist.score', { id: assessment.summary.id }))).toEqual(figures(score));

    // The stored runs read back with the same figures.
    const diagnosticAfter = await s.call('diagnostics.get', {});
    expect(figures(diagnosticAfter)).toEqual(figures(diagnostic));
    expect(figures(await s.call('health.overview', {}))).toEqual(figures(overview));
    expect(figures(await s.call('health.scores', { limit: 1000 }))).toEqual(figures(scores));
    const pageAfter = await s.call('diagnostics.customers', { runId: diagnostic!.id, limit: 5000 });
    expect(figures(pageAfter)).toEqual(figures(page));
    // Keys stay, names are tokens.
    expect(pageAfter.rows.map((r) => r.customerKey)).toEqual(page.rows.map((r) => r.customerKey));
    expect(pageAfter.rows.every((r) => r.name === null || /^客户-\d{4}$/.test(r.name))).toBe(true);

    const verified = await s.call('audit.verify', {});
    expect(verified.intact).toBe(true);
    const log = await s.call('audit.list', { limit: 1 });
    expect(log[0]!.action).toBe('engagement.closeOut');
    expect(verified.lastHash).toBe(result.audit.lastHash);

    const cert = JSON.parse(readFileSync(result.certificate!.json, 'utf8')) as { client: string; audit: { lastHash: string }; cleared: Record<string, number> };
    expect(cert.client).toContain('演示');
    expect(cert.audit.lastHash).toBe(verified.lastHash);
    const text = readFileSync(result.certificate!.text, 'utf8');
    expect(text).toContain('项目收尾证明');
    expect(text).toContain('Engagement close-out certificate');
  });
});
