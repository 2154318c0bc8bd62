import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { formatError, type Locale } from '../../shared/errors';
import { CliFailure, cliLocale } from './output';

// A passphrase reaches rwb from a prompt that does not echo (a terminal) or from the environment
// (scripts, CI): RWB_PASSPHRASE for the workspace's passphrase, RWB_NEW_PASSPHRASE for the one that
// replaces it. Never from an argument: the shell history and `ps` would show it to anyone.

export const PASSPHRASE_ENV = 'RWB_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'RWB_NEW_PASSPHRASE';

const REFUSED = /^--(passphrase|new-passphrase|password|key)(=|$)/;

/** Stops the process before parsing when a passphrase was put on the command line. */
export function refusePassphraseArgument(argv: readonly string[]): void {
  if (!argv.some((a) => REFUSED.test(a))) return;
  const at = argv.indexOf('--lang');
  const lang = cliLocale(at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length));
  process.stderr.write(`rwb: ${formatError('PASSPHRASE_ARGUMENT_REFUSED', {}, lang)}\n`);
  process.exit(2);
}

function fail(code: 'PASSPHRASE_UNAVAILABLE' | 'PASSPHRASE_MISMATCH'): never {
  throw new CliFailure({ code, message: formatError(code, {}, 'en'), params: {} });
}

/** One line from the terminal with the typing hidden; the prompt goes to stderr, so --json stays clean. */
function promptHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

const canPrompt = (): boolean => Boolean(process.stdin.isTTY);

const labels = {
  'zh-CN': { current: '口令：', next: '新口令：', again: '再输入一次新口令：' },
  en: { current: 'Passphrase: ', next: 'New passphrase: ', again: 'New passphrase again: ' },
} as const;

/** The passphrase of an existing workspace: RWB_PASSPHRASE, else the prompt; null when neither is there. */
export async function currentPassphrase(lang: Locale, opts: { required: boolean }): Promise<string | null> {
  const env = process.env[PASSPHRASE_ENV];
  if (env) return env;
  if (!canPrompt()) return opts.required ? fail('PASSPHRASE_UNAVAILABLE') : null;
  return promptHidden(labels[lang].current);
}

/** A passphrase the user chooses: from `envName`, else typed twice at the prompt. */
export async function chosenPassphrase(lang: Locale, envName: string): Promise<string> {
  const env = process.env[envName];
  if (env) return env;
  if (!canPrompt()) fail('PASSPHRASE_UNAVAILABLE');
  const first = await promptHidden(labels[lang].next);
  const second = await promptHidden(labels[lang].again);
  if (first !== second) fail('PASSPHRASE_MISMATCH');
  return first;
}
