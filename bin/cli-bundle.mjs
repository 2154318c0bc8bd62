// Where the bundled CLI is (out/main/cli.js, built by `npm run build`) and whether it is at least as
// new as the sources it was built from. Shared by bin/rwb.mjs (which falls back to the sources) and
// the import benchmark (which builds first: it measures what users run).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const cliBundle = join(root, 'out/main/cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function cliBundleIsFresh() {
  if (!existsSync(cliBundle)) return false;
  const built = statSync(cliBundle).mtimeMs;
  return ['electron', 'shared'].every((d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= built);
}
