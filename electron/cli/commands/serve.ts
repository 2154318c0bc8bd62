import type { Command } from 'commander';
import { join } from 'node:path';
import { Backend } from '../../backend/backend';
import { startWebHost } from '../../web/server';
import { appRootDir } from '../../backend/resources';
import { APP_VERSION } from '../../backend/version';
import { openInBrowser } from '../../web/open-browser';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('browser mode: serve the workbench on 127.0.0.1 with a per-launch token')
    .option('--port <n>', 'port (default: random free port)', (v) => Number.parseInt(v, 10))
    .option('--open', 'open the URL in the default browser')
    .option('--workspace <file>', 'open this engagement at start')
    .action(async (opts: { port?: number; open?: boolean; workspace?: string }) => {
      const backend = new Backend({ host: 'web', version: APP_VERSION });
      if (opts.workspace) await backend.open(opts.workspace);
      const host = await startWebHost({ backend, rendererDir: join(appRootDir(), 'out', 'renderer'), port: opts.port });
      process.stdout.write(`Retention Workbench (browser mode) / 留存诊断工作台（浏览器模式）\n${host.url}\n`);
      if (opts.open) openInBrowser(host.url);
      const stop = async () => {
        await host.close();
        await backend.shutdown();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
