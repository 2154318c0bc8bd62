#!/usr/bin/env node
// `npm start`: build, then launch Electron. Where the Electron runtime cannot be obtained (no
// binary and no way to download it), say why and open the same workbench in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureProjectNode } from '../bin/project-node.mjs';

ensureProjectNode('npm start');

const build = spawnSync('node_modules/.bin/electron-vite', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return { ok: false, why: 'the Electron binary is not installed (node_modules/electron/dist is missing)' };
    const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? { ok: true, exe } : { ok: false, why: `the Electron binary ${exe} is missing` };
  } catch (err) {
    return { ok: false, why: `the electron package cannot be loaded (${err.message})` };
  }
}

function tryInstallElectron() {
  // electron 45 downloads its binary lazily; try once, quietly.
  const r = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0;
}

let found = electronBinary();
if (!found.ok && tryInstallElectron()) found = electronBinary();
if (found.ok) {
  const child = spawn(found.exe, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    `\nElectron cannot start here: ${found.why}, and it could not be downloaded.\n` +
      `无法启动 Electron 桌面窗口（${found.why}，且无法下载）。\n` +
      `Opening the same workbench in browser mode instead / 改为以浏览器模式打开同一个工作台：\n\n`,
  );
  const child = spawn(process.execPath, ['bin/rwb.mjs', 'serve', '--open'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
