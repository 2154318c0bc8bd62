// Where the scripts of the engine's threads and processes are: beside the bundle that runs this code
// (out/main/<name>.js, built by electron-vite), or, running from the TypeScript sources (tests, tsx),
// the .ts file through tsx's loader.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ScriptEntry {
  file: string;
  /** Node options the script needs (the tsx loader when it is TypeScript). */
  execArgv: string[];
}

/** The engine: a worker thread in browser mode, a utility process in Electron, a child process in tests. */
export const ENGINE_SCRIPT = { bundled: 'engine.js', source: 'entry.ts' } as const;
/** One long job (a diagnostics or health run) with its own connection, so the engine keeps answering. */
export const JOB_SCRIPT = { bundled: 'job-worker.js', source: 'job-worker.ts' } as const;

export function scriptEntry(script: { bundled: string; source: string }): ScriptEntry {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    const file = join(dirname(here), script.bundled);
    if (!existsSync(file)) throw new Error(`missing ${file}: run npm run build`);
    return { file, execArgv: [] };
  }
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');
  return { file: join(dirname(here), script.source), execArgv: ['--import', pathToFileURL(tsx).href] };
}
