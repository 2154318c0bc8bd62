// ECharts, Playwright and ExcelJS each cost a few hundred milliseconds and tens of MB to load (about
// 1.3 s and 200 MB together), and most runs never touch them: `rwb --help`, opening a workspace, a CSV
// import and its worker thread. They are loaded on first use instead of at start-up. require() keeps
// the call sites synchronous (ECharts renders inside synchronous report code); the type comes from the
// module itself, so a call site is checked exactly as a static import would be.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
