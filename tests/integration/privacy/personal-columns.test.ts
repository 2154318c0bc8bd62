// Every text-holding column of a fresh workspace (and of the committed schema snapshot) must be named
// in PERSONAL_COLUMNS, cleared or kept with a reason: a new table or column with a person's name or
// free text cannot reach the close-out undeclared.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { PERSONAL_COLUMNS, canHoldText } from '../../../electron/backend/privacy/personal-columns';
import { tableColumns } from '../../../electron/backend/privacy/clear-personal';

const dir = tempDir();

function undeclared(tables: Map<string, { name: string; type: string }[]>): string[] {
  const missing: string[] = [];
  for (const [table, cols] of tables) {
    const rule = PERSONAL_COLUMNS[table];
    if (!rule) {
      missing.push(table);
      continue;
    }
    if (rule.rows === 'delete') continue;
    for (const c of cols) if (canHoldText(c.type) && !rule.columns[c.name]) missing.push(`${table}.${c.name} (${c.type || 'no type'})`);
  }
  return missing;
}

describe('PERSONAL_COLUMNS', () => {
  it('names every text column of a fresh workspace', async () => {
    const ws = await newWorkspace(dir);
    try {
      expect(undeclared(tableColumns(ws.sqlite))).toEqual([]);
    } finally {
      await ws.close();
    }
  });

  it('names every text column of the committed schema snapshot', () => {
    const snapshot = JSON.parse(readFileSync(join(__dirname, '../workspace/schema-snapshot.json'), 'utf8')) as {
      tables: Record<string, { columns: { name: string; type: string }[] }>;
    };
    expect(undeclared(new Map(Object.entries(snapshot.tables).map(([t, v]) => [t, v.columns])))).toEqual([]);
  });

  it('declares no column twice as cleared and kept, and every kept column says why', () => {
    for (const rule of Object.values(PERSONAL_COLUMNS)) {
      if (rule.rows === 'delete') expect(rule.why.length).toBeGreaterThan(10);
      else for (const c of Object.values(rule.columns)) if (c.do === 'keep') expect(c.why.length).toBeGreaterThan(5);
    }
  });

  it('treats TEXT, BLOB, ANY and untyped columns as able to hold text, INTEGER and REAL not', () => {
    expect(['TEXT', 'BLOB', 'ANY', '', 'varchar(255)'].map(canHoldText)).toEqual([true, true, true, true, true]);
    expect(['INTEGER', 'REAL'].map(canHoldText)).toEqual([false, false]);
  });
});
