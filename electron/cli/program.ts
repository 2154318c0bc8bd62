import { Command } from 'commander';
import { CliSession } from './session';
import { cliLocale, printFailure, type CliGlobals } from './output';

export type CommandBody = (session: CliSession, globals: CliGlobals, ...args: unknown[]) => Promise<void>;

/**
 * Wraps a command body: one backend session per command, closed afterwards (the workspace file is
 * checkpointed and released), failures printed as one line with a non-zero exit code.
 */
export function action(body: CommandBody) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals<{ json?: boolean; lang?: string }>();
    const globals: CliGlobals = { json: Boolean(opts.json), lang: cliLocale(opts.lang) };
    const session = new CliSession(globals.lang);
    try {
      await body(session, globals, ...args.slice(0, -1));
    } catch (err) {
      process.exitCode = printFailure(globals, err);
    } finally {
      await session.close();
    }
  };
}

export function createProgram(): Command {
  return new Command('rwb')
    .description('Retention Workbench 留存诊断工作台 — command line over the same engine as the app')
    .option('--json', 'machine-readable output')
    .option('--lang <locale>', 'message language: zh-CN or en (default from LANG)')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });
}
