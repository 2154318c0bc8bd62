#!/usr/bin/env node
// `npm run fuzz -- --count N [--seed S]`: runs tests/fuzz/fuzz.ts with tsx (see that file for the options).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureProjectNode } from './project-node.mjs';

ensureProjectNode('npm run fuzz');
const root = join(import.meta.dirname, '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/fuzz/fuzz.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
