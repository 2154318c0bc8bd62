import { CHANNEL_NAMES, type WorkbenchApi } from '../../../shared/contract';
import { formatError, isErrorCode, type Locale, type WireError } from '../../../shared/errors';
import type { ShellChannelName } from '../../../shared/contract/shell';
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
  const api = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const name of CHANNEL_NAMES) {
    api[name] = async (args: unknown) => {
      const env = await transport.invoke(name, args);
      if (!env.ok) throw new ApiError(env.error);
      return env.value;
    };
  }
  return api as unknown as WorkbenchApi;
}

/** Native dialogs where the host has them; null means "use the in-page fallback". */
export async function callShell<T>(transport: Transport, name: ShellChannelName, args: unknown): Promise<T | null | undefined> {
  if (!transport.shell) return undefined;
  const env = await transport.shell(name, args);
  if (!env.ok) throw new ApiError(env.error);
  return env.value as T | null;
}
