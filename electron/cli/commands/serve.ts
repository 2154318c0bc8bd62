import type { Command } from 'commander';
import { join } from 'node:path';
import { startWebHost } from '../../web/server';
import { appRootDir } from '../../backend/resources';
import { APP_VERSION } from '../../backend/version';
import { openInBrowser } from '../../web/open-browser';
import { EngineClient } from '../../backend/engine/client';
import { workerLink } from '../../backend/engine/links';
import { CliFailure, cliLocale } from '../output';
import { currentPassphrase } from '../passphrase';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('browser mode: serve the workbench on 127.0.0.1 with a per-launch token')
    .option('--port <n>', 'port (default: random free port)', (v) => Number.parseInt(v, 10))
    .option('--open', 'open the URL in the default browser')
    .option('--workspace <file>', 'open this engagement at start')
    .action(async (opts: { port?: number; open?: boolean; workspace?: string }) => {
      // The engine runs in a worker thread: the HTTP host keeps answering while a run computes.
      const engine = new EngineClient({ init: { host: 'web', version: APP_VERSION, pdf: 'chromium' }, link: workerLink });
      await engine.start();
      if (opts.workspace) {
        let env = await engine.call('engagement.open', { path: opts.workspace });
        // An encrypted workspace: its passphrase from RWB_PASSPHRASE or the prompt, as every command asks.
        if (!env.ok && env.error.code === 'WORKSPACE_PASSPHRASE_REQUIRED') {
          const passphrase = await currentPassphrase(cliLocale(undefined), { required: true });
          if (passphrase) env = await engine.call('engagement.open', { path: opts.workspace, passphrase });
        }
        if (!env.ok) throw new CliFailure(env.error);
      }
      const host = await startWebHost({ engine, rendererDir: join(appRootDir(), 'out', 'renderer'), port: opts.port });
      process.stdout.write(`Retention Workbench (browser mode) / 留存诊断工作台（浏览器模式）\n${host.url}\n`);
      if (opts.open) openInBrowser(host.url);
      const stop = async () => {
        await host.close();
        await engine.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
