import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

// Libraries whose private internals the code drives, so a release that keeps their public API can
// still break us. Each is pinned to an exact version in package.json; moving the pin means
// re-checking what is listed here, then running the named tests.
const pinned: { name: string; internals: string; recheck: string }[] = [
  {
    name: 'exceljs',
    internals:
      "the streaming WorkbookWriter's zip, styles, sharedStrings and _openStream; WorksheetWriter's _write, stream, " +
      '_sheetRelsWriter and _writeLegacyData; row and shared-strings XML written byte for byte as exceljs writes it; ' +
      "StreamBuf's pipes into archiver's entry streams (_writableState/_readableState)",
    recheck:
      'electron/backend/reports/xlsx-drawing.ts, xlsx-row-xml.ts, xlsx-shared-strings.ts, xlsx-zip-backlog.ts; ' +
      "run tests/integration/reports (xlsx-data-rows.test.ts compares with exceljs's own Row path)",
  },
  {
    name: 'papaparse',
    internals: 'the low-level Papa.Parser: parse(text, baseIndex, ignoreLastRow) returning data, errors and meta.cursor',
    recheck: 'electron/backend/import/read-csv.ts; run tests/integration/import/read-csv.test.ts',
  },
];

describe('pinned libraries', () => {
  const manifest = readJson('package.json');
  const dependencies = { ...(manifest.dependencies as Record<string, string>), ...(manifest.devDependencies as Record<string, string>) };

  it.each(pinned)('$name is pinned to an exact version, and that version is the one installed', ({ name, internals, recheck }) => {
    const pin = dependencies[name];
    expect(pin, `${name} must be pinned to an exact version in package.json (its internals are used: ${internals})`).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = readJson(`node_modules/${name}/package.json`).version;
    expect(
      installed,
      `${name} ${String(installed)} is installed but package.json pins ${pin}. The code uses its private internals (${internals}). ` +
        `Before moving the pin, re-check ${recheck}. If ${pin} is the version wanted, run npm install.`,
    ).toBe(pin);
  });
});
