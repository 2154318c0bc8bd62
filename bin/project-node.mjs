// The workbench needs Node.js 22.12+ (better-sqlite3 13 loads an N-API 10 prebuild; vitest 5, kysely
// and i18next need 22). The project brings its own Node 24, the `node` dev dependency, so a machine
// whose system Node is older (Debian 12 and 13 ship 18 and 20) still runs it after `npm install`:
// npm scripts find node_modules/.bin/node first on their PATH, and a script started directly by an
// older node re-runs itself under the project's Node through `ensureProjectNode()`.
// Written for Node 18 too: no import.meta.dirname, nothing newer than what 18 has.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const projectNode = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

export function isRecentEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/**
 * Returns when this Node is recent enough. Otherwise re-runs this process (same arguments) under the
 * project's Node and exits with its status, or, when that is not installed, says so and exits 2.
 */
export function ensureProjectNode(what) {
  if (isRecentEnough()) return;
  if (existsSync(projectNode)) {
    const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
    const r = spawnSync(projectNode, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
    if (r.error) {
      process.stderr.write(`${what}: cannot run the project's Node.js (${projectNode}): ${r.error.message}\n`);
      process.exit(2);
    }
    process.exit(r.status ?? 1);
  }
  process.stderr.write(
    `${what}: Node.js ${process.versions.node} is too old; Retention Workbench needs Node.js 22.12 or newer. ` +
      '`npm install` in the project brings its own Node 24 (node_modules/.bin/node), which npm scripts, npx rwb and this script then use.\n',
  );
  process.exit(2);
}
