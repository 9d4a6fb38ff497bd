/**
 * Watches the page for new and changed text. The observer callback only
 * queues work and undoes our edits the page touched (in the same microtask, so
 * the page never paints our stale nodes); annotation runs later, batched.
 *
 * - A page text node we split and the page then changed or removed (a
 *   framework re-render): our nodes go at once, the page's own output stands.
 * - A region that keeps changing gets a retry budget, then is left alone, so a
 *   page that strips foreign elements cannot drive a feedback loop.
 * - A region that becomes editable is unwrapped before the reader types.
 * - Over HUGE_BATCH queued roots: one rescan of the body instead.
 *
 * Why: docs/architecture.md, "Rules for touching the page" (revert on
 * foreign touch, time-slice, break feedback loops).
 */
import type { ContentScriptContext } from '#imports';
import {
  isInsideSkipped,
  isSkippedElement,
  type PageAnnotations,
} from './annotate-dom';
import { setCtxTimeout } from './ctx-timers';

/** Wait after the first change before annotating, so bursts batch together. */
export const FLUSH_DELAY_MS = 120;
/** Re-annotations per element inside BUDGET_WINDOW_MS before we back off from it. */
export const RETRY_BUDGET = 3;
export const BUDGET_WINDOW_MS = 10_000;
export const HUGE_BATCH = 1000;

export type PageObserver = {
  /** Drops the records our own writes caused. */
  forgetOwnWrites(): void;
  disconnect(): void;
};

export function observePage(
  ctx: ContentScriptContext,
  annotations: PageAnnotations,
  onRoots: (roots: Node[]) => Promise<void>,
): PageObserver {
  const pending = new Set<Node>();
  const touches = new WeakMap<Element, { count: number; since: number }>();
  let scheduled = false;
  let running = false;

  /** Counts a page change against the element's budget; false once it is spent. */
  const withinBudget = (element: Element | null): boolean => {
    if (!element) return false;
    const now = performance.now();
    const entry = touches.get(element);
    if (!entry || now - entry.since > BUDGET_WINDOW_MS) {
      touches.set(element, { count: 1, since: now });
      return true;
    }
    entry.count += 1;
    return entry.count <= RETRY_BUDGET;
  };

  const queue = (node: Node) => {
    if (annotations.ownNodes.has(node)) return;
    // Our card host, scripts, styles, menus: nothing in them is annotated, so no flush for them.
    if (
      node.nodeType === Node.ELEMENT_NODE &&
      isSkippedElement(node as Element)
    )
      return;
    pending.add(node);
    if (!scheduled) {
      scheduled = true;
      setCtxTimeout(ctx, () => void flush(), FLUSH_DELAY_MS);
    }
  };

  const observer = new MutationObserver((records) => {
    const removed: Node[] = [];
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target;
        if (annotations.ownNodes.has(node)) continue;
        if (annotations.isTouchedByPage(node)) annotations.revert(node as Text);
        if (withinBudget(node.parentElement)) queue(node.parentElement ?? node);
      } else if (record.type === 'childList') {
        for (const node of record.removedNodes) removed.push(node);
        if (annotations.ownNodes.has(record.target)) continue;
        for (const node of record.addedNodes) {
          if (annotations.ownNodes.has(node)) continue;
          const element =
            node.nodeType === Node.ELEMENT_NODE
              ? (node as Element)
              : node.parentElement;
          if (withinBudget(element)) queue(node);
        }
      } else if (record.type === 'attributes') {
        const element = record.target as Element;
        if (isSkippedElement(element)) annotations.revertWithin(element);
      }
    }
    // What the page removed is undone and forgotten now: nothing of it stays in our log.
    if (removed.length) annotations.revertRemoved(removed);
    observer.takeRecords(); // Our reverts above are not page changes.
  });

  async function flush(): Promise<void> {
    scheduled = false;
    if (running) {
      // A pass is still running: try again once it is done.
      scheduled = true;
      setCtxTimeout(ctx, () => void flush(), FLUSH_DELAY_MS);
      return;
    }
    const nodes = [...pending].filter((node) => node.isConnected);
    pending.clear();
    let roots: Node[];
    if (nodes.length > HUGE_BATCH && document.body) {
      roots = [document.body];
    } else {
      // Drop nodes inside other queued nodes, and nodes in regions we never annotate.
      roots = nodes.filter(
        (node) =>
          !nodes.some((other) => other !== node && other.contains(node)),
      );
      roots = roots.filter(
        (node) => !(node.parentElement && isInsideSkipped(node.parentElement)),
      );
    }
    if (!roots.length) return;
    running = true;
    try {
      await onRoots(roots);
    } finally {
      running = false;
    }
  }

  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'role'],
  });
  ctx.onInvalidated(() => observer.disconnect());
  return {
    forgetOwnWrites: () => void observer.takeRecords(),
    disconnect: () => observer.disconnect(),
  };
}
