import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import datasetJson from '../../data/dataset.json' with { type: 'json' };
import { parseDataset } from '../../data/dataset-schema';
import { openPage, useExtensionBrowser } from './support';

const dataset = parseDataset(datasetJson);
const people = dataset.entities.filter((entity) => entity.kind === 'person');

describe('the demo news page with Backstory loaded', () => {
  const e2e = useExtensionBrowser();

  it('reaches the ready state and wraps every full-name mention of the dataset’s people', async () => {
    const { page, errors } = await openPage(e2e, '/');
    assert.equal(
      await page.getAttribute('html', 'data-backstory-state'),
      'ready',
    );

    // Expected: each safe alias of each person, counted in the page's text outside form fields.
    const pageText = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('form, script, style').forEach((node) => {
        node.remove();
      });
      return clone.textContent ?? '';
    });
    const wrapped = await page.$$eval('backstory-mention', (elements) =>
      elements.map((el) => ({
        entity: el.getAttribute('data-backstory-entity'),
        text: el.textContent,
      })),
    );
    let checked = 0;
    for (const person of people) {
      const fullNames = person.aliases
        .filter((alias) => alias.safety === 'safe')
        .map((alias) => alias.text);
      const expected = countOccurrences(pageText, fullNames);
      // An epithet that contains the full name ("Cryin' Chuck Schumer") counts for it, and so does an
      // event phrase that owns it ("Robert Mueller's investigation" is one mention of the investigation).
      const owners = new Set([
        person.id,
        ...dataset.entities
          .filter(
            (e) => e.kind === 'event' && e.participants.includes(person.id),
          )
          .map((e) => e.id),
      ]);
      const found = wrapped.filter(
        (m) =>
          owners.has(m.entity ?? '') &&
          fullNames.some((name) => m.text?.includes(name)),
      ).length;
      assert.equal(
        found,
        expected,
        `${person.name}: ${found} wrapped of ${expected} full-name mentions`,
      );
      checked += expected;
    }
    assert.ok(
      checked >= 7,
      `expected the demo page to name every person in full (found ${checked})`,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('wraps exactly the matched text in one element carrying the entity id', async () => {
    const { page } = await openPage(e2e, '/');
    // A mention split by inline markup is wrapped piece by piece ("the <a>Mueller investigation</a>"):
    // its pieces share a group, and the group's text is the mention.
    const mentions = await page.$$eval('backstory-mention', (elements) => {
      const groups = new Map<string, string>();
      for (const el of elements) {
        const group = el.getAttribute('data-backstory-group');
        if (group !== null)
          groups.set(group, (groups.get(group) ?? '') + (el.textContent ?? ''));
      }
      return elements.map((el) => {
        const group = el.getAttribute('data-backstory-group');
        return {
          entity: el.getAttribute('data-backstory-entity') ?? '',
          text: group === null ? (el.textContent ?? '') : groups.get(group)!,
          children: el.children.length,
          nested: el.parentElement?.closest('backstory-mention') !== null,
        };
      });
    });
    assert.ok(mentions.length > 0);
    for (const mention of mentions) {
      const entity = dataset.entities.find((e) => e.id === mention.entity);
      assert.ok(entity, `unknown entity id ${mention.entity}`);
      // A name split by inline markup is wrapped piece by piece: each piece is part of an alias.
      const fold = (text: string) =>
        text.replace(/\s+/g, '').replace(/’/g, "'").toLowerCase();
      // An event is found as a phrase around one of its frame's words ("the July 14 runoff").
      const frame = entity.kind === 'event' ? entity.frame : undefined;
      const frameWords = [
        ...(frame?.heads ?? []),
        ...(frame?.verbs ?? []),
        ...(frame?.paraphrases ?? []),
      ];
      assert.ok(
        entity.aliases.some((alias) =>
          fold(alias.text).includes(fold(mention.text)),
        ) || frameWords.some((word) => fold(mention.text).includes(fold(word))),
        `"${mention.text}" is not (part of) an alias of ${entity.id}, nor a phrase of its frame`,
      );
      assert.equal(mention.children, 0);
      assert.equal(mention.nested, false);
    }
    await page.close();
  });

  it('counts a mention split by markup once in data-backstory-timing', async () => {
    const { page } = await openPage(e2e, '/fixtures/card/split-mention.html');
    const pieces = await page.locator('backstory-mention').count();
    const timing = JSON.parse(
      (await page.getAttribute('html', 'data-backstory-timing')) ?? '{}',
    ) as { mentions: number };
    // "Jeff <b>Sessions</b>", "Tommy <i>Tuberville</i>": two pieces each; the runoff phrase is one.
    assert.ok(pieces > timing.mentions, `${pieces} pieces`);
    assert.equal(timing.mentions, 3);
    await page.close();
  });

  it('leaves form fields alone', async () => {
    const { page } = await openPage(e2e, '/');
    assert.equal(
      await page.inputValue('#comment-name'),
      'Tommy Tuberville fan',
    );
    assert.match(
      await page.inputValue('#comment-body'),
      /^Jeff Sessions should have stayed out of it\./,
    );
    assert.equal(await page.locator('form backstory-mention').count(), 0);
    await page.close();
  });

  it('shows a card with the entity’s name after the pointer dwells on a mention', async () => {
    const { page } = await openPage(e2e, '/');
    const mention = page
      .locator('backstory-mention[data-backstory-entity="tommy-tuberville"]')
      .first();
    await mention.scrollIntoViewIfNeeded();
    await mention.hover();
    const card = page.locator('backstory-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await card.locator('h2').textContent(), 'Tommy Tuberville');
    assert.match((await card.textContent()) ?? '', /football coach/i);
    await page.close();
  });

  it('opens the popup page', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html`);
    await page.locator('h1', { hasText: 'Backstory' }).waitFor();
    assert.ok((await page.locator('[data-entity]').count()) >= 24);
    await page.close();
  });
});

function countOccurrences(text: string, needles: string[]): number {
  // Longest first, each character counted once: "President Donald Trump" is one mention.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${[...needles]
      .sort((a, b) => b.length - a.length)
      .map((n) =>
        n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'),
      )
      .join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'gu',
  );
  return [...text.matchAll(pattern)].length;
}
