/**
 * Browser-side half of the benchmark, bundled by esbuild into one IIFE and
 * installed in the page's main world (before any page script) as
 * `window.__benchProbe`. It watches what the content script does from the
 * outside, and runs the comparison contenders in pages without the extension.
 *
 * Runs in the browser: no Node APIs, no imports from the project.
 */

declare const Mark: new (
  context: Element,
) => {
  markRegExp(pattern: RegExp, options: Record<string, unknown>): void;
  mark(keywords: string[], options: Record<string, unknown>): void;
};
declare const findAndReplaceDOMText: (
  node: Element,
  options: Record<string, unknown>,
) => { revert(): void };

type TaskEntry = { start: number; duration: number };
type FrameEntry = {
  start: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: Array<{
    sourceURL: string;
    invoker: string;
    duration: number;
    start: number;
    forcedLayout: number;
  }>;
};

const MENTION = 'BACKSTORY-MENTION';

function install() {
  const tasks: TaskEntry[] = [];
  const frames: FrameEntry[] = [];
  const mentions: Element[] = [];
  const mentionTimes: number[] = [];
  let readyAt: number | null = null;
  let mutationCallbacks = 0;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: no long-task figures.
  }
  try {
    new PerformanceObserver((list) => {
      for (const raw of list.getEntries()) {
        const entry = raw as PerformanceEntry & {
          renderStart: number;
          styleAndLayoutStart: number;
          blockingDuration: number;
          scripts: Array<
            PerformanceEntry & {
              sourceURL: string;
              invoker: string;
              forcedStyleAndLayoutDuration: number;
            }
          >;
        };
        frames.push({
          start: entry.startTime,
          duration: entry.duration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          blockingDuration: entry.blockingDuration,
          scripts: (entry.scripts ?? []).map((script) => ({
            sourceURL: script.sourceURL,
            invoker: script.invoker,
            duration: script.duration,
            start: script.startTime,
            forcedLayout: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not supported: no frame breakdown.
  }

  // Each <backstory-mention> with the time its insertion became visible to the page
  // (the microtask checkpoint right after the content script's slice).
  const observer = new MutationObserver((records) => {
    mutationCallbacks += 1;
    const now = performance.now();
    for (const record of records) {
      if (record.type === 'attributes') {
        if (
          readyAt === null &&
          document.documentElement.getAttribute('data-backstory-state') ===
            'ready'
        )
          readyAt = now;
        continue;
      }
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i += 1) {
        const node = added[i]!;
        if (node.nodeName === MENTION) {
          mentions.push(node as Element);
          mentionTimes.push(now);
        }
      }
    }
  });
  /**
   * Starts watching for mentions once the parser is done (DOMContentLoaded
   * runs before any document_idle content script), so the page's own parsing
   * is not slowed by our records.
   */
  function watchMentions() {
    document.addEventListener(
      'DOMContentLoaded',
      () =>
        observer.observe(document, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-backstory-state'],
        }),
      { once: true },
    );
  }

  /** What the content script did on this page, read after `ready`. */
  function collect() {
    observer.disconnect();
    const navigation = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    const start =
      performance.getEntriesByName('backstory:first-pass:start', 'mark')[0]
        ?.startTime ?? null;
    const measure = performance.getEntriesByName(
      'backstory:first-pass',
      'measure',
    )[0];
    const timingAttribute = document.documentElement.getAttribute(
      'data-backstory-timing',
    );
    // Mentions inside the first viewport (the page is at scroll 0; the layout is the one the reader gets).
    const width = innerWidth;
    const height = innerHeight;
    const inViewport: number[] = [];
    let below = 0;
    for (let i = 0; i < mentions.length && below < 50; i += 1) {
      const element = mentions[i]!;
      if (!element.isConnected) continue;
      const rect = element.getBoundingClientRect();
      if (rect.top >= height) {
        below += 1;
        continue;
      }
      below = 0;
      if (rect.bottom > 0 && rect.right > 0 && rect.left < width)
        inViewport.push(mentionTimes[i]!);
    }
    const all = document.querySelectorAll('backstory-mention');
    const groups = new Set<string>();
    let occurrences = 0;
    for (const element of all) {
      const group = element.getAttribute('data-backstory-group');
      if (group === null) occurrences += 1;
      else if (!groups.has(group)) {
        groups.add(group);
        occurrences += 1;
      }
    }
    // Let go of the elements, so the heap measured next holds only what the page and the extension keep.
    mentions.length = 0;
    mentionTimes.length = 0;
    return {
      loadEventStart: navigation?.loadEventStart ?? null,
      domContentLoaded: navigation?.domContentLoadedEventStart ?? null,
      passStart: start,
      measureMs: measure?.duration ?? null,
      timing: timingAttribute
        ? (JSON.parse(timingAttribute) as {
            scriptMs: number;
            wallMs: number;
            mentions: number;
            /** Since the prefilter (absent from older builds): see the timing contract. */
            engineMs?: number;
            prefilterMs?: number;
            focusMs?: number;
            startupMs?: number;
            engaged?: boolean;
            phases?: Record<string, number> | null;
          })
        : null,
      readyAt,
      viewportMentions: inViewport.length,
      viewportFirstAt: inViewport.length ? Math.min(...inViewport) : null,
      viewportDoneAt: inViewport.length ? Math.max(...inViewport) : null,
      mentionElements: all.length,
      mentionOccurrences: occurrences,
      tasks: tasks.slice(),
      frames: frames.slice(),
      mutationCallbacks,
      viewport: { width, height },
    };
  }

  /** Text under body as a reader would get it: every text node's data, read once. */
  function floor() {
    const started = performance.now();
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    let chars = 0;
    let nodes = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      chars += (node as Text).data.length;
      nodes += 1;
    }
    return { ms: performance.now() - started, chars, nodes };
  }

  /** mark.js `markRegExp` with one combined pattern (synchronous; `done` fires before it returns). */
  function markRegExp(source: string, flags: string) {
    const started = performance.now();
    let found = 0;
    new Mark(document.body).markRegExp(new RegExp(source, flags), {
      element: 'mark',
      done: (count: number) => {
        found = count;
      },
    });
    return { ms: performance.now() - started, found };
  }

  /** mark.js `mark` with the alias list, whole words, case-sensitive. */
  function markKeywords(keywords: string[]) {
    const started = performance.now();
    let found = 0;
    new Mark(document.body).mark(keywords, {
      element: 'mark',
      separateWordSearch: false,
      caseSensitive: true,
      accuracy: 'exactly',
      diacritics: false,
      done: (count: number) => {
        found = count;
      },
    });
    return { ms: performance.now() - started, found };
  }

  /** findAndReplaceDOMText with the same pattern, prose preset (blocks end a run, like ours). */
  function fardt(source: string, flags: string) {
    const started = performance.now();
    let found = 0;
    findAndReplaceDOMText(document.body, {
      find: new RegExp(source, flags),
      preset: 'prose',
      replace: (portion: { text: string; index: number }) => {
        if (portion.index === 0) found += 1;
        const element = document.createElement('mark');
        element.textContent = portion.text;
        return element;
      },
    });
    return { ms: performance.now() - started, found };
  }

  /** Wraps a few characters of a text node near `fraction` of the page, as the content script would. */
  function wrapOneWord(fraction: number): boolean {
    const paragraphs = document.querySelectorAll('main p');
    for (
      let i = Math.floor(paragraphs.length * fraction);
      i < paragraphs.length;
      i += 1
    ) {
      const node = [...paragraphs[i]!.childNodes].find(
        (child): child is Text =>
          child.nodeType === 3 && (child as Text).data.length > 12,
      );
      if (!node) continue;
      const middle = node.splitText(4);
      middle.splitText(5);
      const wrapper = document.createElement('backstory-mention');
      node.parentNode!.insertBefore(wrapper, middle);
      wrapper.appendChild(middle);
      return true;
    }
    return false;
  }

  /**
   * What wrapping ONE word costs the renderer on this page: the style and
   * layout it forces when read synchronously (median of three places).
   */
  function singleWrapCost() {
    const costs: number[] = [];
    for (const fraction of [0.25, 0.5, 0.75]) {
      void document.body.offsetHeight; // Start from a clean layout.
      const started = performance.now();
      if (!wrapOneWord(fraction)) continue;
      void document.body.offsetHeight;
      costs.push(performance.now() - started);
    }
    costs.sort((a, b) => a - b);
    return { layoutMs: costs.length ? costs[costs.length >> 1]! : null };
  }

  /**
   * Appends `html` in one container at the end of the stories and resolves
   * when the mentions the content script adds inside it have stopped growing
   * for `quietMs` (or `timeoutMs` passed). Times are from the append.
   */
  function appendAndWatch(html: string, quietMs: number, timeoutMs: number) {
    return new Promise<{
      startedAt: number;
      first: number | null;
      last: number | null;
      mentions: number;
      appendMs: number;
    }>((resolve) => {
      const container = document.createElement('section');
      container.id = 'bench-appended';
      let first: number | null = null;
      let last: number | null = null;
      let count = 0;
      const watch = new MutationObserver((records) => {
        const now = performance.now();
        for (const record of records) {
          for (let i = 0; i < record.addedNodes.length; i += 1) {
            if (record.addedNodes[i]!.nodeName === MENTION) {
              count += 1;
              first ??= now;
              last = now;
            }
          }
        }
      });
      const started = performance.now();
      const parent = document.getElementById('stories') ?? document.body;
      // The benchmark's own generated articles, played as a page's infinite scroll would add them
      // (benchmark page only; the extension itself never writes HTML).
      container.innerHTML = html;
      watch.observe(container, { childList: true, subtree: true });
      parent.appendChild(container);
      const appendMs = performance.now() - started;
      const check = () => {
        const now = performance.now();
        const quietSince = last ?? started;
        if (
          (count > 0 && now - quietSince >= quietMs) ||
          now - started > timeoutMs
        ) {
          watch.disconnect();
          resolve({
            startedAt: started,
            first: first === null ? null : first - started,
            last: last === null ? null : last - started,
            mentions: container.querySelectorAll('backstory-mention').length,
            appendMs,
          });
        } else setTimeout(check, 20);
      };
      setTimeout(check, 20);
    });
  }

  /** Long tasks and long animation frames seen so far (after `collect`, for later windows). */
  function entries() {
    return {
      tasks: tasks.slice(),
      frames: frames.slice(),
      now: performance.now(),
    };
  }

  return {
    watchMentions,
    collect,
    entries,
    floor,
    markRegExp,
    markKeywords,
    fardt,
    singleWrapCost,
    appendAndWatch,
  };
}

(
  window as unknown as { __benchProbe: ReturnType<typeof install> }
).__benchProbe = install();
export type BenchProbe = ReturnType<typeof install>;
