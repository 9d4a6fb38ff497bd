import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  openPage,
  usePlainBrowser,
  useExtensionBrowser,
  waitForBackstory,
  writeStoredSettings,
} from './support';

describe('pages that change under Backstory', () => {
  const e2e = useExtensionBrowser();
  const plain = usePlainBrowser();

  it('keeps a React app’s rendered text exactly as React wrote it, at every step, with no errors', async () => {
    const { page, errors } = await openPage(e2e, '/fixtures/react/');
    const baseline = await plain.context.newPage();
    await baseline.goto(`${e2e.server.origin}/fixtures/react/`);
    await page.waitForSelector('backstory-mention', { timeout: 3000 });
    let annotatedSteps = 0;
    for (let step = 0; step < 8; step += 1) {
      for (const delay of [0, 50, 400]) {
        if (delay) await page.waitForTimeout(delay);
        const [withBackstory, without] = [
          await page.innerText('#root'),
          await baseline.innerText('#root'),
        ];
        assert.equal(withBackstory, without, `step ${step}, +${delay} ms`);
      }
      if ((await page.locator('#root backstory-mention').count()) > 0)
        annotatedSteps += 1;
      await page.click('#next');
      await baseline.click('#next');
    }
    assert.ok(
      annotatedSteps >= 4,
      `annotations kept up with re-renders on ${annotatedSteps} of 8 steps`,
    );
    assert.deepEqual(errors, []);
    await page.close();
    await baseline.close();
  });

  it('annotates articles an infinite-scroll feed appends, within a second', async () => {
    const { page } = await openPage(
      e2e,
      '/fixtures/dynamic/infinite-scroll.html',
    );
    for (let round = 1; round <= 3; round += 1) {
      await page.click('#more');
      const started = Date.now();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('article.late').length === n &&
          document.querySelector(
            `article.late:nth-of-type(${n + 1}) backstory-mention`,
          ) !== null,
        round,
        { timeout: 1000 },
      );
      assert.ok(Date.now() - started < 1000);
    }
    const late = await page.$$eval('article.late backstory-mention', (els) =>
      els.map((el) => el.getAttribute('data-backstory-entity')),
    );
    assert.ok(
      late.includes('doug-jones') &&
        late.includes('donald-trump') &&
        late.includes('cygnal'),
      late.join(),
    );
    await page.close();
  });

  it('does not fight a page that strips foreign elements: no loop, the page stays responsive', async () => {
    const page = await e2e.browser.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { __longTasks: number[] }).__longTasks.push(
            entry.duration,
          );
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${e2e.server.origin}/fixtures/dynamic/strip-foreign.html`);
    await waitForBackstory(page);
    await page.waitForTimeout(2000);
    const callbacks = await page.evaluate(
      () =>
        (window as unknown as { __stripCallbacks: number }).__stripCallbacks,
    );
    assert.ok(callbacks < 50, `${callbacks} observer callbacks in 2 s`);
    const settledAt = callbacks;
    await page.waitForTimeout(1000);
    assert.equal(
      await page.evaluate(
        () =>
          (window as unknown as { __stripCallbacks: number }).__stripCallbacks,
      ),
      settledAt,
      'still fighting after 2 s',
    );
    const started = Date.now();
    await page.evaluate(() => 1 + 1);
    assert.ok(Date.now() - started < 200, 'page responsive');
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    assert.deepEqual(
      longTasks.filter((ms) => ms > 50),
      [],
    );
    assert.match(
      await page.innerText('#story'),
      /^Jeff Sessions lost the runoff to Tommy Tuberville, whom Donald Trump endorsed\./,
    );
    await page.close();
  });

  it('switching off restores the page’s markup exactly, and on annotates it again', async () => {
    const baseline = await plain.context.newPage();
    await baseline.goto(`${e2e.server.origin}/`);
    const original = await baseline.innerHTML('body');
    await baseline.close();

    const { page } = await openPage(e2e, '/');
    assert.ok((await page.locator('backstory-mention').count()) > 20);
    const startedOff = Date.now();
    await writeStoredSettings(e2e, { version: 2, enabled: false });
    await page.waitForSelector('html[data-backstory-state="off"]', {
      timeout: 2000,
    });
    assert.ok(Date.now() - startedOff < 1500);
    assert.equal(await page.locator('backstory-mention').count(), 0);
    assert.equal(await page.innerHTML('body'), original);

    await writeStoredSettings(e2e, { version: 2, enabled: true });
    await page.waitForSelector('html[data-backstory-state="ready"]', {
      timeout: 2000,
    });
    assert.ok((await page.locator('backstory-mention').count()) > 20);

    await writeStoredSettings(e2e, {
      version: 2,
      enabled: true,
      kinds: { person: false },
    });
    await page.waitForFunction(
      () =>
        document.querySelectorAll('backstory-mention').length > 0 &&
        !document.querySelector(
          'backstory-mention[data-backstory-entity="jeff-sessions"]',
        ),
      undefined,
      { timeout: 2000 },
    );
    await writeStoredSettings(e2e, { version: 2 });
    await page.waitForSelector(
      'backstory-mention[data-backstory-entity="jeff-sessions"]',
      { timeout: 2000 },
    );
    await page.close();
  });
});
