import type { ArgsOf, ChannelName, ResultOf } from '../../shared/contract';
import { InProcessEngine } from '../backend/engine/engine';
import { CliFailure } from './output';
import { APP_VERSION } from '../backend/version';

/**
 * The CLI speaks the same contract as the UI: every command is a sequence of channel calls. Its
 * engine runs in-process: a terminal has no window to keep responsive, and Ctrl+C ends the process,
 * whose open transaction SQLite rolls back.
 */
export class CliSession {
  readonly engine = new InProcessEngine({ host: 'cli', version: APP_VERSION });

  async call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const env = await this.engine.call(name, args);
    if (!env.ok) throw new CliFailure(env.error);
    return env.value as ResultOf<K>;
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}
