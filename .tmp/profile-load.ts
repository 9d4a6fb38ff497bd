import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../scripts/launch-browser';
import { serveStatic } from '../scripts/serve-static';
const [dir, pageFile, out] = process.argv.slice(2);
const server = await serveStatic({ '/bench/': '.output/bench/pages' });
const ext = await launchWithExtension({ extensionDir: dir });
const page = await ext.context.newPage();
await page.goto(`${server.origin}/bench/blank.html`);
await page.waitForTimeout(500);
const cdp = await ext.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.goto(`${server.origin}/bench/${pageFile}`, { waitUntil: 'load' });
await page.waitForFunction(
  () =>
    ['ready', 'off'].includes(
      document.documentElement.getAttribute('data-backstory-state') ?? '',
    ),
  undefined,
  { timeout: 120000 },
);
await page.waitForTimeout(1000);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(out!, JSON.stringify(profile));
console.log(
  await page.evaluate(() =>
    document.documentElement.getAttribute('data-backstory-timing'),
  ),
);
await ext.close();
await server.close();
