/**
 * `npm start`: builds the extension, serves the demo news page on 127.0.0.1
 * and opens Chromium with Backstory loaded on it.
 *
 *   npm start                                   visible window; close it (or Ctrl+C) to stop
 *   npm start -- --headless --screenshot out.png   no display needed: writes a PNG
 *                                                  of the demo page with a hover card open
 *   npm start -- --no-build                     skip the build (use .output as it is)
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserNotFoundError, findBrowser } from './find-browser';
import { launchWithExtension } from './launch-browser';
import { PROJECT_MOUNTS, serveStatic } from './serve-static';

const { values: flags } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    entity: { type: 'string', default: 'jeff-sessions' },
  },
});

function hasDisplay(): boolean {
  return (
    process.platform !== 'linux' ||
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

async function main(): Promise<void> {
  try {
    findBrowser(); // Fail fast, before building, with the list of paths tried.
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!flags['no-build']) execSync('npx wxt build', { stdio: 'inherit' });

  let headless = flags.headless;
  let screenshot = flags.screenshot;
  if (!headless && !hasDisplay()) {
    screenshot ??= 'backstory-demo.png';
    headless = true;
    console.log(
      `No display found: running headless and writing a screenshot to ${screenshot}.`,
    );
  }

  const server = await serveStatic(PROJECT_MOUNTS);
  const browser = await launchWithExtension({
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));

  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('html[data-backstory-state="ready"]', {
    timeout: 15_000,
  });
  const mentions = await page.locator('backstory-mention').count();
  console.log(`Demo page: ${server.origin}/ (${mentions} mentions annotated)`);

  if (screenshot) {
    const mention = page
      .locator(`backstory-mention[data-backstory-entity="${flags.entity}"]`)
      .first();
    await mention.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -120); // Leave room above, so the headline context shows.
    await mention.hover();
    await page
      .locator('backstory-card [role="dialog"]')
      .waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(250); // Let the entrance animation finish.
    await page.screenshot({ path: screenshot });
    console.log(`Wrote ${resolve(screenshot)}`);
    await stop();
    return;
  }
  console.log(
    'Hover an underlined name to see its card. Close the browser window (or press Ctrl+C) to stop.',
  );
  await new Promise<void>((done) =>
    browser.context.once('close', () => done()),
  );
  await server.close();
}

await main();
