// Screenshots of the workbench for a person to look at: `npx tsx scripts/screenshots.ts OUT_DIR [routes...]`.
// Starts browser mode with a fresh demo engagement and captures each route in Chinese and English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openBrowser } from '../tests/helpers/browser';

const out = process.argv[2] ?? '/tmp/rwb-shots';
const routes = process.argv.slice(3);
mkdirSync(out, { recursive: true });

const app = await serve();
const b = await openBrowser();
try {
  for (const locale of ['zh-CN', 'en'] as const) {
    await app.api('app.setLocale', { locale });
    await app.api('engagement.close', {});
    await b.page.goto(app.url);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-empty-${locale}.png`) });
    await app.api('engagement.createDemo', { path: join(app.docs, `demo-${locale}.rwb`) });
    await app.api('engagement.close', {});
    await b.page.goto(`${app.origin}/#/`);
    await b.page.waitForTimeout(400);
    await b.page.screenshot({ path: join(out, `home-${locale}.png`) });
    await app.api('engagement.open', { path: join(app.docs, `demo-${locale}.rwb`) });
    for (const route of routes.length ? routes : ['overview']) {
      await b.page.goto(`${app.origin}/#/e/${route}`);
      await b.page.reload();
      await b.page.waitForTimeout(1500);
      await b.page.screenshot({ path: join(out, `${route}-${locale}.png`), fullPage: true });
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await b.close();
  await app.stop();
}
