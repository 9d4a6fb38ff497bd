/**
 * Memory figures for the long-lived tests, after a forced garbage collection:
 * the JS heap of the page's renderer (main world and our isolated world share
 * it), every DOM node still alive in it, and what the document itself holds.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type MemoryFigures = {
  /** `Runtime.getHeapUsage().usedSize` after GC, in bytes. */
  heapBytes: number;
  /** `Performance.getMetrics` `Nodes`: every DOM node object alive in the renderer, in the document or not. */
  liveNodes: number;
  /** Nodes in the document, open shadow roots included (the document node counts too). */
  documentNodes: number;
  textNodes: number;
  /** Our mention elements in the document. */
  wrappers: number;
  /** The card host and what its shadow root holds. */
  cardNodes: number;
  /** `Performance.getMetrics` `JSEventListeners`: every JS event listener alive in the renderer. */
  listeners: number;
};

export async function measureMemory(
  context: BrowserContext,
  page: Page,
): Promise<MemoryFigures> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // More than once: a pass can leave garbage that finalizers released.
    for (let i = 0; i < 3; i += 1)
      await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) =>
      metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const counts = await page.evaluate(() => {
      const result = { documentNodes: 0, textNodes: 0, cardNodes: 0 };
      const roots: Array<[Node, boolean]> = [[document, false]];
      for (let next = roots.pop(); next; next = roots.pop()) {
        const [root, inCard] = next;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let node: Node | null = root; node; node = walker.nextNode()) {
          result.documentNodes += 1;
          if (inCard) result.cardNodes += 1;
          if (node.nodeType === Node.TEXT_NODE) result.textNodes += 1;
          const shadow = (node as Element).shadowRoot;
          if (shadow) {
            const card = /^backstory-card/.test((node as Element).localName);
            if (card) result.cardNodes += 1; // The host itself.
            roots.push([shadow, inCard || card]);
          }
        }
      }
      return {
        ...result,
        wrappers: document.querySelectorAll(
          'backstory-mention, backstory-mention-alt',
        ).length,
      };
    });
    return {
      heapBytes: usedSize,
      liveNodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      ...counts,
    };
  } finally {
    await cdp.detach();
  }
}

export function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
