import { CHANNEL_NAMES, type ArgsOf, type ChannelName, type ResultOf, type WorkbenchApi } from '../../../shared/contract';
import { formatError, isErrorCode, type Locale, type WireError } from '../../../shared/errors';
import type { ShellArgsOf, ShellChannelName, ShellResultOf } from '../../../shared/contract/shell';
import type { Transport } from './transport';

/** A failed call, with the code and params the backend sent; rendered in the user's language. */
export class ApiError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
  localized(locale: Locale): string {
    return isErrorCode(this.wire.code) ? formatError(this.wire.code, this.wire.params, locale) : this.wire.message;
  }
}

export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) return err.localized(locale);
  return err instanceof Error ? err.message : String(err);
}

/** The one API type, derived from the contract's channel list; the transport decides how calls travel. */
export function createApi(transport: Transport): WorkbenchApi {
  const call =
    <K extends ChannelName>(name: K) =>
    async (args: ArgsOf<K>): Promise<ResultOf<K>> => {
      const env = await transport.invoke(name, args);
      if (!env.ok) throw new ApiError(env.error);
      return env.value;
    };
  // Each entry is typed by its own name; the object as a whole is assembled from the name list,
  // which TypeScript cannot follow key by key.
  return Object.fromEntries(CHANNEL_NAMES.map((name) => [name, call(name)])) as WorkbenchApi;
}

/**
 * A native shell call (dialog, file manager), typed from the shell channel map. undefined: this host
 * has no shell (browser mode), use the in-page fallback; a dialog's null: the user cancelled it.
 */
export async function callShell<K extends ShellChannelName>(transport: Transport, name: K, args: ShellArgsOf<K>): Promise<ShellResultOf<K> | undefined> {
  if (!transport.shell) return undefined;
  const env = await transport.shell(name, args);
  if (!env.ok) throw new ApiError(env.error);
  return env.value;
}
