// Preloaded into the benchmarked `rwb import` (node --require): at exit, writes the process's peak
// resident memory in KB (getrusage's ru_maxrss: every thread, kept by the kernel, so no peak between
// samples is missed) to the file named by RWB_PEAK_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.RWB_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
