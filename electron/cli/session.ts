import type { ArgsOf, ChannelName, ResultOf } from '../../shared/contract';
import { InProcessEngine } from '../backend/engine/engine';
import { CliFailure } from './output';
import { APP_VERSION } from '../backend/version';
import { createTranslator } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/errors';
import type { WorkspaceInfo } from '../../shared/domain/engagement';
import { currentPassphrase } from './passphrase';

/**
 * The CLI speaks the same contract as the UI: every command is a sequence of channel calls. Its
 * engine runs in-process: a terminal has no window to keep responsive, and Ctrl+C ends the process,
 * whose open transaction SQLite rolls back.
 */
export class CliSession {
  readonly engine = new InProcessEngine({ host: 'cli', version: APP_VERSION });

  constructor(private readonly lang: Locale = 'zh-CN') {}

  async call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    let env = await this.engine.call(name, args);
    // Every command opens its workspace through here: an encrypted one asks for its passphrase
    // (RWB_PASSPHRASE, else the prompt) only once the engine says the file needs one.
    if (name === 'engagement.open' && !env.ok && env.error.code === 'WORKSPACE_PASSPHRASE_REQUIRED') {
      const passphrase = await currentPassphrase(this.lang, { required: true });
      if (passphrase) env = await this.engine.call(name, { ...(args as ArgsOf<'engagement.open'>), passphrase });
    }
    if (!env.ok) throw new CliFailure(env.error);
    // Every command opens its workspace: whichever one found a crashed job rolled back says so once.
    const recovery = name === 'engagement.open' ? (env.value as WorkspaceInfo).recovery : null;
    if (recovery) process.stderr.write(`${createTranslator(this.lang)('common:workspace.recovered', { keptAside: recovery.keptAside })}\n`);
    return env.value as ResultOf<K>;
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}
