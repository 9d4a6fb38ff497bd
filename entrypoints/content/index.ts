/**
 * The content script: finds mentions in the page, wraps them, shows cards.
 *
 *   bundled dataset ──parseDataset──▶ entities ──compileMatcher──▶ matcher
 *   document ──collectTextNodes──▶ text nodes ──matcher.find──▶ mentions
 *   mentions ──PageAnnotations.wrap (time-sliced)──▶ <backstory-mention> elements
 *   pointer/focus/keys ──stepIntent──▶ show/hide commands ──▶ card host (shadow root)
 *
 * Everything registered here dies with `ctx`: when the extension is reloaded or
 * updated, the old script removes its wrappers and its card.
 */
import { defineContentScript, type ContentScriptContext } from '#imports';
import datasetJson from '@/data/dataset.json';
import { parseDataset } from '@/data/dataset-schema';
import { compileMatcher } from '@/lib/match-mentions';
import { collectTextNodes, ENTITY_ATTRIBUTE, PageAnnotations } from './annotate-dom';
import { createCardHost } from './card-host';
import { connectHoverIntent } from './connect-hover-intent';
import { runInSlices } from './run-in-slices';
import './mentions.css';

/** One frame at 60 Hz: our slices stay under it so scrolling stays smooth. */
const SLICE_BUDGET_MS = 8;
const STATE_ATTRIBUTE = 'data-backstory-state';
const TIMING_ATTRIBUTE = 'data-backstory-timing';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void annotatePage(ctx).catch((error: unknown) => {
      // Never break the page: report once, leave the page as it was.
      console.error('Backstory could not annotate this page:', error);
    });
  },
});

async function annotatePage(ctx: ContentScriptContext): Promise<void> {
  const root = document.documentElement;
  const dataset = parseDataset(datasetJson);
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const startedAt = performance.now();
  performance.mark('backstory:first-pass:start');

  const matcher = compileMatcher(dataset.entities, { safeties: ['safe'] });
  const annotations = new PageAnnotations();
  ctx.onInvalidated(() => {
    annotations.revertAll();
    root.removeAttribute(STATE_ATTRIBUTE);
    root.removeAttribute(TIMING_ATTRIBUTE);
  });

  const walkStart = performance.now();
  const textNodes = document.body ? collectTextNodes(document.body, annotations.ownNodes) : [];
  const walkMs = performance.now() - walkStart;
  const sliceMs = await runInSlices(
    textNodes,
    (node) => {
      const mentions = matcher.find(node.data);
      if (mentions.length) annotations.wrap(node, mentions);
    },
    {
      budgetMs: SLICE_BUDGET_MS,
      yieldToPage: () => new Promise((resolve) => ctx.setTimeout(resolve, 0)),
      isCancelled: () => ctx.isInvalid,
    },
  );
  if (ctx.isInvalid) return;

  makeFirstMentionsFocusable(annotations.mentions);
  performance.measure('backstory:first-pass', 'backstory:first-pass:start');
  root.setAttribute(
    TIMING_ATTRIBUTE,
    JSON.stringify({
      scriptMs: round(walkMs + sliceMs),
      wallMs: round(performance.now() - startedAt),
      mentions: annotations.mentions.length,
      textNodes: textNodes.length,
    }),
  );
  root.setAttribute(STATE_ATTRIBUTE, 'ready');

  const card = createCardHost(document, dataset);
  ctx.onInvalidated(() => card.remove());
  connectHoverIntent(ctx, {
    card,
    mentionOf(target) {
      const element = target instanceof Element ? target.closest('backstory-mention') : null;
      return element && annotations.ownNodes.has(element) ? element : null;
    },
    entityOf(mention) {
      return entities.get(mention.getAttribute(ENTITY_ATTRIBUTE) ?? '') ?? null;
    },
  });
}

/** Only the first mention of each entity is a tab stop: the tab order must not drown. */
function makeFirstMentionsFocusable(mentions: readonly Element[]): void {
  const seen = new Set<string>();
  for (const mention of mentions) {
    const id = mention.getAttribute(ENTITY_ATTRIBUTE) ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    mention.setAttribute('tabindex', '0');
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
