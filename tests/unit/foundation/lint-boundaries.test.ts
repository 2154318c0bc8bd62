import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// The boundary rules of eslint.config.js, run on snippets placed in each folder: a rule that stopped
// matching its folder (a renamed glob, a later block overriding it) fails here, not silently.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../../..') });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  // Loading the config and typescript-eslint takes a few seconds on a busy machine: once, up front.
  beforeAll(() => eslint.calculateConfigForFile('shared/probe.ts'), 60_000);

  it.each([
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['shared/probe.ts', "import { join } from 'path';\nexport const j = join;\n"],
    ['shared/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/backend/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/web/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/cli/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/src/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
  ])('%s refuses %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['shared/probe.ts', 'export const w = window.innerWidth;\n'],
    ['shared/probe.ts', 'export const e = process.env.HOME;\n'],
  ])('%s refuses the global in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-globals');
  });

  it.each([
    ['electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/backend/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/src/probe.ts', 'export const w = window.innerWidth;\n'],
  ])('%s allows %s', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
