import type { ArgsOf, ChannelName, ResultOf } from '../../shared/contract';
import { Backend } from '../backend/backend';
import { createHandlers, type Handlers } from '../backend/handlers';
import { dispatch } from '../backend/dispatch';
import { CliFailure } from './output';
import { APP_VERSION } from '../backend/version';

/** The CLI speaks the same contract as the UI: every command is a sequence of channel calls. */
export class CliSession {
  readonly backend = new Backend({ host: 'cli', version: APP_VERSION });
  private readonly handlers: Handlers = createHandlers(this.backend);

  async call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const env = await dispatch(this.backend, this.handlers, name, args);
    if (!env.ok) throw new CliFailure(env.error);
    return env.value as ResultOf<K>;
  }

  async close(): Promise<void> {
    await this.backend.shutdown();
  }
}
