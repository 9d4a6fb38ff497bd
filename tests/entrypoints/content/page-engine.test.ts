// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import onDemandScript from '../../../entrypoints/content/on-demand';
import type { OnDemand } from '../../../entrypoints/content/on-demand';
import {
  createPageEngine,
  LazyAnnotator,
} from '../../../entrypoints/content/page-engine';

/** The real on-demand part, as `import()` would give it in the browser. */
const realPart = (): OnDemand => onDemandScript.main() as OnDemand;

const annotatorDeps = (afterWrite = vi.fn()) => ({
  mentionTag: 'backstory-mention',
  sliceBudgetMs: 1000,
  yieldToPage: async () => {},
  isCancelled: () => false,
  afterWrite,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the page engine', () => {
  it('says a page with no alias word cannot mention anyone, without loading anything', () => {
    const importPart = vi.fn(async () => realPart());
    const engine = createPageEngine(importPart);
    document.body.innerHTML = '<p>Rain is expected over the weekend.</p>';
    expect(engine.mayMention([document.body])).toBe(false);
    document.body.innerHTML = '<p>Jeff Sessions spoke on Tuesday.</p>';
    expect(engine.mayMention([document.body])).toBe(true);
    expect(importPart).not.toHaveBeenCalled();
    expect(engine.loaded).toBeNull();
    expect(engine.buildMs).toBe(0);
  });

  it('loads the part once, however many ask at the same time', async () => {
    const importPart = vi.fn(async () => realPart());
    const engine = createPageEngine(importPart);
    const [a, b] = await Promise.all([engine.load(), engine.load()]);
    expect(a).toBe(b);
    expect(await engine.load()).toBe(a);
    expect(importPart).toHaveBeenCalledTimes(1);
    expect(engine.loaded).toBe(a);
  });

  it('tries again after a failed load (the extension was busy updating, a transient error)', async () => {
    const importPart = vi
      .fn<() => Promise<OnDemand>>()
      .mockRejectedValueOnce(
        new Error('Failed to fetch dynamically imported module'),
      )
      .mockImplementation(async () => realPart());
    const engine = createPageEngine(importPart);
    await expect(engine.load()).rejects.toThrow(/dynamically imported/);
    expect(engine.loaded).toBeNull();
    const part = await engine.load();
    expect(engine.loaded).toBe(part);
    expect(importPart).toHaveBeenCalledTimes(2);
  });
});

describe('LazyAnnotator', () => {
  it('owns the edit log from the start, and a reset before the part arrives loads nothing', () => {
    const importPart = vi.fn(async () => realPart());
    const afterWrite = vi.fn();
    const annotator = new LazyAnnotator(
      createPageEngine(importPart),
      annotatorDeps(afterWrite),
    );
    expect(annotator.annotations.mentions).toEqual([]);
    annotator.reset();
    expect(afterWrite).toHaveBeenCalledTimes(1);
    expect(importPart).not.toHaveBeenCalled();
  });

  it('loads the part on its first pass, keeps the settings given before, and wraps into its own edit log', async () => {
    const importPart = vi.fn(async () => realPart());
    const annotator = new LazyAnnotator(
      createPageEngine(importPart),
      annotatorDeps(),
    );
    annotator.configure({ kinds: new Set(['person']) });
    document.body.innerHTML =
      '<p>Jeff Sessions lost the runoff in Alabama to Tommy Tuberville.</p>';
    const result = await annotator.annotate([document.body]);
    const wrapped = [...document.querySelectorAll('backstory-mention')].map(
      (element) => element.getAttribute('data-backstory-entity'),
    );
    expect(wrapped).toEqual(['jeff-sessions', 'tommy-tuberville']);
    expect(result.mentions).toBe(2);
    expect(annotator.annotations.mentions).toHaveLength(2);
    expect(
      annotator.reasons.get(annotator.annotations.mentions[0]!),
    ).toBeDefined();
    annotator.reset();
    expect(document.body.innerHTML).toBe(
      '<p>Jeff Sessions lost the runoff in Alabama to Tommy Tuberville.</p>',
    );
    expect(importPart).toHaveBeenCalledTimes(1);
  });
});
