#!/usr/bin/env node
// `npm test`: typecheck every tsconfig, lint, build main/preload/renderer with electron-vite, then run
// the unit, integration and e2e suites. Ends with the plain `N passed, N failed` line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureProjectNode } from '../bin/project-node.mjs';

ensureProjectNode('npm test');

const results = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => `node_modules/.bin/${name}`;

function step(label, cmd, args) {
  process.stdout.write(`\n── ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const ok = r.status === 0;
  results[ok ? 'passed' : 'failed'] += 1;
  process.stdout.write(`── ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status})`}\n`);
  return ok;
}

step('typecheck', bin('tsc'), ['-b']);
step('lint', bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']);
step('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
const built = step('build', bin('electron-vite'), ['build']);

mkdirSync('test-results', { recursive: true });
const projects = built ? ['unit', 'integration', 'e2e'] : ['unit', 'integration'];
const report = 'test-results/vitest.json';
spawnSync(bin('vitest'), ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
  stdio: 'inherit',
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests ?? 0;
  results.failed += (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0) + (json.success === false && json.numFailedTests === 0 ? 1 : 0);
  results.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  results.failed += 1;
}
if (!built) results.failed += 1; // e2e did not run

process.stdout.write(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped\n`);
process.exit(results.failed === 0 ? 0 : 1);
