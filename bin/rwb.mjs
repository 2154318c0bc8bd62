#!/usr/bin/env node
// `rwb`: the command line. Runs the bundled CLI (out/main/cli.js, built by `npm run build`) when it
// is at least as new as the sources, else the TypeScript sources through tsx, so `npx rwb` works
// right after `npm install` and never runs stale code while developing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`rwb: Node.js ${process.versions.node} is too old; Retention Workbench needs Node.js 22.12 or newer (24 LTS recommended).\n`);
  process.exit(2);
}

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out/main/cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.RWB_FROM_SOURCE || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['electron', 'shared'].every((d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= built);
}

if (bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
