// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotations } from '../../../entrypoints/content/annotate-dom';
import {
  BUDGET_WINDOW_MS,
  FLUSH_DELAY_MS,
  HUGE_BATCH,
  observePage,
  RETRY_BUDGET,
} from '../../../entrypoints/content/observe-page';

/** Lets the MutationObserver deliver (a microtask) without moving the clock. */
const delivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** The observer over `html`, with a fake clock; `passes` records each batch of roots handed on. */
function setUp(html = '') {
  document.body.innerHTML = html;
  const ctx = new ContentScriptContext('observe-page-test');
  const annotations = new PageAnnotations('backstory-mention');
  const passes: Node[][] = [];
  let hold: Promise<void> | null = null;
  const observer = observePage(ctx, annotations, async (roots) => {
    passes.push(roots);
    await hold;
  });
  /** Wraps `text` inside the first text node of `element`, as the annotator does. */
  const wrap = (element: Element, text: string, entityId = 'jeff-sessions') => {
    const node = element.firstChild as Text;
    const start = node.data.indexOf(text);
    annotations.wrap(node, [{ start, end: start + text.length, entityId }]);
    observer.forgetOwnWrites();
  };
  const add = (parent: Element, html: string) => {
    const element = document.createElement('div');
    element.innerHTML = html;
    const child = element.firstElementChild!;
    parent.append(child);
    return child;
  };
  return {
    ctx,
    annotations,
    observer,
    passes,
    wrap,
    add,
    holdPasses(promise: Promise<void>) {
      hold = promise;
    },
  };
}

/** Page time on the fake clock: performance.now() and timers move together. */
const flush = () => vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);

describe('observePage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'performance'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('hands on new content once, FLUSH_DELAY_MS after the first change, in one batch', async () => {
    const { passes, add } = setUp();
    const first = add(document.body, '<p>Jeff Sessions spoke.</p>');
    await delivered();
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS - 1);
    const second = add(document.body, '<p>Donald Trump replied.</p>');
    await delivered();
    expect(passes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([[first, second]]);
    await flush();
    expect(passes).toHaveLength(1);
  });

  it('keeps only the outermost of nested additions, and drops what left the page', async () => {
    const { passes, add } = setUp();
    const outer = add(document.body, '<section><p>One</p></section>');
    add(outer, '<p>Jeff Sessions, inside.</p>');
    const gone = add(document.body, '<p>Gone before the flush.</p>');
    await delivered();
    gone.remove();
    await delivered();
    await flush();
    expect(passes).toEqual([[outer]]);
  });

  it('never hands on our own nodes', async () => {
    const { passes, wrap } = setUp('<p id="p">Jeff Sessions spoke.</p>');
    wrap(document.querySelector('#p')!, 'Jeff Sessions');
    await delivered();
    await flush();
    expect(passes).toEqual([]);
    expect(document.querySelectorAll('backstory-mention')).toHaveLength(1);
  });

  it.each([
    [
      'changes the text of a node we split',
      (p: Element) => {
        (p.firstChild as Text).data = 'Today, ';
      },
    ],
    ['removes the node we split', (p: Element) => p.firstChild!.remove()],
    ['replaces its children', (p: Element) => p.replaceChildren('New text.')],
  ])(
    'when the page %s, our wrappers go in the same microtask, before any flush',
    async (_, change) => {
      const { annotations, wrap } = setUp(
        '<p id="p">Yesterday Jeff Sessions spoke.</p>',
      );
      const p = document.querySelector('#p')!;
      wrap(p, 'Jeff Sessions');
      change(p);
      await delivered();
      expect(p.querySelector('backstory-mention')).toBeNull();
      expect(annotations.mentions).toEqual([]);
      expect(annotations.editCount).toBe(0);
    },
  );

  it('a page change to text we split keeps the page’s text and is annotated again later', async () => {
    const { passes, wrap } = setUp(
      '<p id="p">Yesterday Jeff Sessions spoke.</p>',
    );
    const p = document.querySelector('#p')!;
    wrap(p, 'Jeff Sessions');
    (p.firstChild as Text).data = 'Today ';
    await delivered();
    expect(p.textContent).toBe('Today ');
    await flush();
    expect(passes).toEqual([[p]]);
  });

  it(`backs off from an element the page keeps changing: ${RETRY_BUDGET} retries per ${BUDGET_WINDOW_MS / 1000} s`, async () => {
    const { passes } = setUp('<p id="p">Jeff Sessions spoke.</p>');
    const text = document.querySelector('#p')!.firstChild as Text;
    const rounds: number[] = [];
    for (let round = 1; round <= RETRY_BUDGET + 2; round += 1) {
      text.data = `Jeff Sessions spoke ${round} times.`;
      await delivered();
      await flush();
      rounds.push(passes.length);
    }
    expect(rounds).toEqual([1, 2, 3, 3, 3]);
    await vi.advanceTimersByTimeAsync(BUDGET_WINDOW_MS);
    text.data = 'Jeff Sessions spoke again, much later.';
    await delivered();
    await flush();
    expect(passes).toHaveLength(RETRY_BUDGET + 1);
  });

  it.each([
    ['contenteditable', 'true'],
    ['role', 'textbox'],
  ])(
    'a region that becomes editable (%s=%s) is unwrapped before the reader can type',
    async (name, value) => {
      const { wrap } = setUp(
        '<div id="draft"><p id="p">Jeff Sessions spoke.</p></div>',
      );
      wrap(document.querySelector('#p')!, 'Jeff Sessions');
      document.querySelector('#draft')!.setAttribute(name, value);
      await delivered();
      expect(document.querySelector('backstory-mention')).toBeNull();
      expect(document.querySelector('#draft')!.innerHTML).toBe(
        '<p id="p">Jeff Sessions spoke.</p>',
      );
    },
  );

  it('does not hand on text inside regions it never annotates', async () => {
    const { passes } = setUp(
      '<pre id="code"></pre><textarea id="t"></textarea>',
    );
    document.querySelector('#code')!.append('Jeff Sessions in code.');
    document.querySelector('#t')!.append('Jeff Sessions typed.');
    await delivered();
    await flush();
    expect(passes).toEqual([]);
  });

  it(`over ${HUGE_BATCH} queued roots, rescans the body once instead`, async () => {
    const { passes } = setUp();
    const fragment = document.createDocumentFragment();
    for (let i = 0; i <= HUGE_BATCH; i += 1)
      fragment.append(document.createElement('p'));
    document.body.append(fragment);
    await delivered();
    await flush();
    expect(passes).toEqual([[document.body]]);
  });

  it('waits for a running pass: changes meanwhile go in the next batch', async () => {
    const { passes, add, holdPasses } = setUp();
    let release!: () => void;
    holdPasses(new Promise<void>((resolve) => (release = resolve)));
    const first = add(document.body, '<p>One.</p>');
    await delivered();
    await flush();
    const second = add(document.body, '<p>Two.</p>');
    await delivered();
    await flush();
    await flush();
    expect(passes).toEqual([[first]]);
    release();
    await flush();
    expect(passes).toEqual([[first], [second]]);
  });

  it('stops watching when the content script’s context is invalidated', async () => {
    const { ctx, passes, add } = setUp();
    ctx.abort();
    add(document.body, '<p>Jeff Sessions, after the update.</p>');
    await delivered();
    await flush();
    expect(passes).toEqual([]);
  });
});
