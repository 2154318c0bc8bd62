// Preloaded into a CLI run (NODE_OPTIONS=--require this file): records which of the libraries that
// are loaded on first use (electron/backend/lazy-module.ts) the process resolves, by require or by
// import, and when it exits writes them as a JSON list to the file named by RWB_TEST_LOADED.
// Plain CommonJS: it runs before any loader.
const { registerHooks } = require('node:module');
const { writeFileSync } = require('node:fs');

const HEAVY = ['exceljs', 'echarts', 'playwright-core'];
const seen = new Set();

registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    for (const m of HEAVY) if (resolved.url.includes(`/node_modules/${m}/`)) seen.add(m);
    return resolved;
  },
});

process.on('exit', () => {
  writeFileSync(process.env.RWB_TEST_LOADED, JSON.stringify(HEAVY.filter((m) => seen.has(m))));
});
