#!/usr/bin/env node
// `rwb`: the command line. Runs the bundled CLI (out/main/cli.js, built by `npm run build`) when it
// is at least as new as the sources, else the TypeScript sources through tsx, so `npx rwb` works
// right after `npm install` and never runs stale code while developing.
import { pathToFileURL } from 'node:url';
import { cliBundle, cliBundleIsFresh } from './cli-bundle.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`rwb: Node.js ${process.versions.node} is too old; Retention Workbench needs Node.js 22.12 or newer (24 LTS recommended).\n`);
  process.exit(2);
}

if (!process.env.RWB_FROM_SOURCE && cliBundleIsFresh()) {
  await import(pathToFileURL(cliBundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
