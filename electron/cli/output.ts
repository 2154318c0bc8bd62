import { formatError, isErrorCode, toLocale, type Locale, type WireError } from '../../shared/errors';

export interface CliGlobals {
  json: boolean;
  lang: Locale;
}

export function cliLocale(flag: string | undefined): Locale {
  return toLocale(flag ?? process.env.RWB_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? 'zh-CN');
}

/** A failure the CLI reports as one line (or one JSON object) and a non-zero exit code. */
export class CliFailure extends Error {
  constructor(
    readonly wire: WireError,
    readonly exitCode = 1,
  ) {
    super(wire.message);
  }
}

export function printResult(g: CliGlobals, value: unknown, human: () => string): void {
  process.stdout.write(g.json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
}

export function printFailure(g: CliGlobals, err: unknown): number {
  const wire: WireError =
    err instanceof CliFailure
      ? err.wire
      : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), params: { detail: err instanceof Error ? err.message : String(err) } };
  const line = isErrorCode(wire.code) ? formatError(wire.code, wire.params, g.lang) : wire.message;
  if (g.json) process.stdout.write(JSON.stringify({ ok: false, error: { ...wire, message: line } }) + '\n');
  process.stderr.write(`rwb: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
  return err instanceof CliFailure ? err.exitCode : 2;
}

/** Terminal columns of a text: CJK and full-width characters take two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** `s` padded to `n` terminal columns, so Chinese and English labels line up alike. */
export const padText = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - textWidth(s)));
