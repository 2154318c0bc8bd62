#!/usr/bin/env node
// `rwb`: runs the TypeScript CLI through tsx, so `npx rwb` works right after `npm install`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`rwb: Node.js ${process.versions.node} is too old; Retention Workbench needs Node.js 22.12 or newer (24 LTS recommended).\n`);
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
await import('../electron/cli/index.ts');
