import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  openPage,
  useExtensionBrowser,
  waitForObserverFlush,
  writeStoredSettings,
} from './support';

const CARD = '[role="dialog"]';

describe('hostile pages', () => {
  const e2e = useExtensionBrowser();

  it('survives clobbered DOM names, patched prototypes and a page that took our element names', async () => {
    const { page, errors } = await openPage(
      e2e,
      '/fixtures/hostile/clobbering.html',
    );
    assert.equal(
      await page.getAttribute('html', 'data-backstory-state'),
      'ready',
    );
    // Our mention name is taken by a squatting component: the fallback name is used, text stays visible.
    // The page patched Array.prototype.map in the main world, where evaluate runs: plain loops here.
    const mentions = await page.$$eval('backstory-mention-alt', (els) => {
      const out: Array<[string | null, string | null]> = [];
      for (let i = 0; i < els.length; i += 1)
        out.push([
          els[i]!.getAttribute('data-backstory-entity'),
          els[i]!.textContent,
        ]);
      return out;
    });
    assert.ok(
      mentions.some(([id]) => id === 'jeff-sessions'),
      JSON.stringify(mentions),
    );
    assert.equal(await page.locator('backstory-mention').count(), 0);
    assert.match(
      await page.innerText('#story'),
      /Donald Trump endorsed Tommy Tuberville over Jeff Sessions/,
    );
    // Names in the form's text are annotated; the clobbering inputs are untouched.
    assert.ok(
      (await page.locator('#search backstory-mention-alt').count()) >= 1,
    );
    assert.equal(
      await page.inputValue('input[name="parentNode"]'),
      'Jeff Sessions',
    );
    // SVG text is left alone and still visible.
    assert.equal(await page.locator('svg [data-backstory-entity]').count(), 0);
    const svgWidth = await page.evaluate(() =>
      (
        document.getElementById('svg-label') as unknown as SVGTextElement
      ).getComputedTextLength(),
    );
    assert.ok(svgWidth > 100, `SVG label keeps its width (${svgWidth})`);
    // The card host name is taken too: the card still shows, under the fallback host.
    await page
      .locator('#story [data-backstory-entity="tommy-tuberville"]')
      .first()
      .hover();
    await page
      .locator(`backstory-card-host ${CARD}`)
      .waitFor({ state: 'visible', timeout: 2000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      await page.evaluate(
        () => (window as unknown as { __pageErrors: string[] }).__pageErrors,
      ),
      [],
    );
    await page.close();
  });

  it('works under a strict CSP with Trusted Types and causes no violations', async () => {
    const { page, errors } = await openPage(
      e2e,
      '/fixtures/hostile/strict-csp.html',
    );
    assert.ok((await page.locator('backstory-mention').count()) >= 3);
    await page
      .locator('backstory-mention[data-backstory-entity="jeff-sessions"]')
      .first()
      .hover();
    await page
      .locator(`backstory-card ${CARD}`)
      .waitFor({ state: 'visible', timeout: 2000 });
    const styled = await page.evaluate(
      () =>
        getComputedStyle(
          document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelector('h2')!,
        ).fontSize,
    );
    assert.equal(styled, '19px', 'card styles applied under CSP');
    assert.deepEqual(
      await page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      ),
      [],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('unwraps a region the moment it becomes editable, so nothing of ours is saved', async () => {
    const { page } = await openPage(e2e, '/fixtures/hostile/editable.html');
    assert.ok((await page.locator('#draft backstory-mention').count()) >= 3);
    await page.click('#edit');
    assert.equal(
      await page.locator('#draft backstory-mention').count(),
      0,
      'unwrapped before the reader types',
    );
    await page.click('#draft p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Jeff Sessions conceded.');
    // Had the observer queued the typed name, it would have annotated it by
    // the time it annotates a later change elsewhere on the page.
    await waitForObserverFlush(page);
    const saved = await page.evaluate(() =>
      (window as unknown as { savedHtml(): string }).savedHtml(),
    );
    assert.doesNotMatch(saved, /backstory/);
    assert.match(
      saved,
      /Donald Trump endorsed Tuberville\. Jeff Sessions conceded\./,
    );
    assert.equal(
      await page.locator('#outside backstory-mention').count(),
      1,
      'the rest of the page keeps its links',
    );
    await page.close();
  });

  it('annotates the top page only, not iframes (same-origin, srcdoc, about:blank)', async () => {
    const { page } = await openPage(e2e, '/fixtures/hostile/frames.html');
    assert.equal(await page.locator('#top backstory-mention').count(), 1);
    assert.equal(page.frames().length, 4);
    // The window: a script in a frame would start at the frame's
    // document_idle, by its load event; so wait for every frame to load, then
    // for a settings change to reach the top page's script (a frame's script
    // would have had the same change by then and marked its <html>).
    for (const frame of page.frames().slice(1))
      await frame.waitForFunction(() => document.readyState === 'complete');
    await writeStoredSettings(e2e, { version: 2, mentionStyle: 'solid' });
    try {
      await page.waitForSelector('html[data-backstory-style="solid"]', {
        timeout: 2000,
      });
      for (const frame of page.frames().slice(1)) {
        assert.equal(
          await frame.locator('backstory-mention').count(),
          0,
          `frame ${frame.url()}`,
        );
        assert.deepEqual(
          await frame.evaluate(() =>
            document.documentElement
              .getAttributeNames()
              .filter((name) => name.startsWith('data-backstory')),
          ),
          [],
          `frame ${frame.url()} has no script of ours`,
        );
      }
    } finally {
      await writeStoredSettings(e2e, { version: 2 });
    }
    await page.close();
  });
});
