import { describe, expect, it } from 'vitest';
import { loadPseudonymMap, storePseudonymMap } from '../../../electron/backend/reports/store';
import { assignPseudonyms, createPseudonymiser, emptyPseudonymMap, lookupPseudonym } from '../../../shared/reports/pseudonymise';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

// A 100k-customer map is 400k entries: the export copies and writes it only where something is new.

describe('pseudonym map copies and storage', () => {
  it('assignPseudonyms returns the same map when nothing is new and never changes its input', () => {
    const a = assignPseudonyms(emptyPseudonymMap(), 'customer', ['乙公司', '甲公司']);
    const before = JSON.stringify(a);
    expect(assignPseudonyms(a, 'customer', ['甲公司', ' 甲公司 ', null, ''])).toBe(a);
    const b = assignPseudonyms(a, 'phone', ['138 0000 0000']);
    expect(b).not.toBe(a);
    expect(JSON.stringify(a)).toBe(before);
    expect(b.entries.customer).toEqual(a.entries.customer);
    expect(lookupPseudonym(b, 'phone', '+86 13800000000', 'zh-CN')).toBe('电话-0001');
    const c = assignPseudonyms(b, 'customer', ['丙公司']);
    expect(lookupPseudonym(c, 'customer', '丙公司', 'zh-CN')).toBe('客户-0003');
    expect(lookupPseudonym(b, 'customer', '丙公司', 'zh-CN')).toBeNull();
  });

  it('a pseudonymiser numbers new originals after the highest token, one after another', () => {
    const p = createPseudonymiser(assignPseudonyms(emptyPseudonymMap(), 'customer', ['A', 'B', 'C']), 'en');
    expect(p.token('customer', 'Z')).toBe('Customer-0004');
    expect(p.token('customer', 'Y')).toBe('Customer-0005');
    expect(p.token('customer', 'Z')).toBe('Customer-0004');
    expect(p.token('contact', 'Li')).toBe('Contact-0001');
  });

  it('a pseudonymiser never changes the map it was given, nor a snapshot it handed out', () => {
    const start = assignPseudonyms(emptyPseudonymMap(), 'customer', ['A', 'B']);
    const before = JSON.stringify(start);
    const p = createPseudonymiser(start, 'zh-CN');
    expect(p.token('customer', 'A')).toBe('客户-0001');
    expect(p.map().entries.customer).toBe(start.entries.customer); // nothing new: nothing copied
    expect(p.token('customer', 'C')).toBe('客户-0003');
    const snap = p.map();
    expect(p.token('customer', 'D')).toBe('客户-0004');
    expect(p.text('致 C 和 D：13912345678')).toBe('致 C 和 D：电话-0001');
    expect(JSON.stringify(start)).toBe(before);
    expect(snap.entries.customer).toEqual({ A: 1, B: 2, C: 3 });
    expect(snap.entries.phone).toEqual({});
    expect(p.map().entries.customer).toEqual({ A: 1, B: 2, C: 3, D: 4 });
    expect(p.map().entries.phone).toEqual({ '13912345678': 1 });
  });

  it('storePseudonymMap writes only the entries the stored map lacks, and the result reads back whole', async () => {
    const ws = await newWorkspace(tempDir());
    const first = assignPseudonyms(assignPseudonyms(emptyPseudonymMap(), 'customer', ['甲', '乙']), 'email', ['a@x.cn']);
    expect(storePseudonymMap(ws.sqlite, first)).toBe(3);
    const stored = loadPseudonymMap(ws.sqlite);
    expect(stored).toEqual(first);
    const next = assignPseudonyms(stored, 'customer', ['丙']);
    // with the stored map only the new token is written; without it every entry is tried (and ignored)
    let inserts = 0;
    const prepare = ws.sqlite.prepare.bind(ws.sqlite);
    ws.sqlite.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      if (!sql.startsWith('insert or ignore into report_pseudonym')) return stmt;
      const run = stmt.run.bind(stmt);
      return Object.assign(stmt, { run: (...args: unknown[]) => (inserts++, run(...args)) });
    }) as typeof ws.sqlite.prepare;
    expect(storePseudonymMap(ws.sqlite, next, stored)).toBe(1);
    expect(inserts).toBe(1);
    expect(storePseudonymMap(ws.sqlite, next)).toBe(0);
    expect(inserts).toBe(5);
    ws.sqlite.prepare = prepare;
    expect(loadPseudonymMap(ws.sqlite)).toEqual(next);
    await ws.close();
  });
});
