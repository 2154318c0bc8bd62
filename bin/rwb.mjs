#!/usr/bin/env node
// `rwb`: the command line. Runs the bundled CLI (out/main/cli.js, built by `npm run build`) when it
// is at least as new as the sources, else the TypeScript sources through tsx, so `npx rwb` works
// right after `npm install` and never runs stale code while developing.
// Started by an older node (`node bin/rwb.mjs` under Debian's Node 20), it re-runs itself under the
// project's own Node 24 before loading anything else.
import { pathToFileURL } from 'node:url';
import { ensureProjectNode } from './project-node.mjs';

ensureProjectNode('rwb');
const { cliBundle, cliBundleIsFresh } = await import('./cli-bundle.mjs');

if (!process.env.RWB_FROM_SOURCE && cliBundleIsFresh()) {
  await import(pathToFileURL(cliBundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
