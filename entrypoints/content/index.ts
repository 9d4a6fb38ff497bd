/**
 * The content script: finds mentions in the page, wraps them, shows cards.
 *
 *   bundled dataset ──parseDataset──▶ entities ──new MentionMatcher──▶ matcher
 *   settings (storage) ──▶ on/off for this site, kinds, first mention only, hidden entities
 *   document.body ──collectSegments──▶ text runs ──scan + PageEvidence + resolve──▶ mentions
 *   mentions ──PageAnnotations.wrap (time-sliced)──▶ <backstory-mention> elements
 *   MutationObserver ──queue──▶ new content annotated; page-touched edits reverted at once
 *   pointer/focus/keys ──stepIntent──▶ show/hide commands ──▶ card host (shadow root)
 *
 * Everything registered here dies with `ctx`: when the extension is reloaded or
 * updated, the old script removes its wrappers, observer and card.
 */
import { defineContentScript, type ContentScriptContext } from '#imports';
import datasetJson from '@/data/dataset.json';
import { parseDataset, type Dataset } from '@/data/dataset-schema';
import { MentionMatcher } from '@/lib/match-mentions';
import { enabledKinds, hiddenOn, isActiveOn, type Settings } from '@/lib/settings';
import { ENTITY_ATTRIBUTE } from './annotate-dom';
import { createCardHost, type CardHost } from './card-host';
import { connectHoverIntent } from './connect-hover-intent';
import { observePage, type PageObserver } from './observe-page';
import { connectPageMessages } from './page-messages';
import { PageAnnotator } from './page-annotator';
import { loadSettings, watchSettings } from './settings-store';
import './mentions.css';

/** Half a frame at 60 Hz: our slices leave the page room to render and respond. */
const SLICE_BUDGET_MS = 8;
const STATE_ATTRIBUTE = 'data-backstory-state';
const TIMING_ATTRIBUTE = 'data-backstory-timing';
const STYLE_ATTRIBUTE = 'data-backstory-style';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void start(ctx).catch((error: unknown) => {
      // Never break the page: report once, leave the page as it was.
      console.error('Backstory could not annotate this page:', error);
    });
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  const dataset = parseDataset(datasetJson);
  const matcher = new MentionMatcher(dataset.entities);
  let observer: PageObserver | null = null;
  const annotator = new PageAnnotator({
    matcher,
    sliceBudgetMs: SLICE_BUDGET_MS,
    yieldToPage: () => new Promise((resolve) => ctx.setTimeout(resolve, 0)),
    isCancelled: () => ctx.isInvalid,
    afterWrite: () => observer?.forgetOwnWrites(),
  });
  const session = new PageSession(ctx, dataset, annotator);
  connectPageMessages(ctx, session);
  observer = observePage(ctx, annotator.annotations, (roots) => session.annotateMore(roots));
  ctx.onInvalidated(() => session.teardown());
  await session.apply(await loadSettings());
  const unwatch = watchSettings((settings) => void session.apply(settings));
  ctx.onInvalidated(unwatch);
}

/** One page's annotation state: applies settings, runs passes, owns the card. */
class PageSession {
  private settings: Settings | null = null;
  private card: CardHost | null = null;
  private active = false;
  private pass: Promise<void> = Promise.resolve();
  private readonly root = document.documentElement;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly dataset: Dataset,
    private readonly annotator: PageAnnotator,
  ) {}

  /** Applies new settings: off removes everything, a changed filter re-annotates. */
  apply(next: Settings): Promise<void> {
    this.pass = this.pass.then(() => this.applyNow(next)).then(() => this.notifySettled());
    return this.pass;
  }

  private async applyNow(next: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = next;
    const host = location.hostname;
    this.root.setAttribute(STYLE_ATTRIBUTE, next.mentionStyle);
    const nowActive = isActiveOn(next, host);
    const filterChanged =
      !previous ||
      JSON.stringify([previous.kinds, previous.firstMentionOnly, [...hiddenOn(previous, host)]]) !==
        JSON.stringify([next.kinds, next.firstMentionOnly, [...hiddenOn(next, host)]]);
    if (!nowActive) {
      if (this.active || !previous) this.turnOff();
      return;
    }
    if (this.active && !filterChanged) return;
    this.annotator.reset();
    this.annotator.configure({
      kinds: enabledKinds(next),
      hidden: hiddenOn(next, host),
      firstMentionOnly: next.firstMentionOnly,
    });
    this.active = true;
    await this.firstPass();
  }

  private turnOff(): void {
    this.active = false;
    this.card?.hide();
    this.annotator.reset();
    this.root.setAttribute(STATE_ATTRIBUTE, 'off');
  }

  private async firstPass(): Promise<void> {
    this.root.removeAttribute(STATE_ATTRIBUTE);
    performance.mark('backstory:first-pass:start');
    const startedAt = performance.now();
    const result = document.body ? await this.annotator.annotate([document.body]) : { ownMs: 0, mentions: 0 };
    if (this.ctx.isInvalid || !this.active) return;
    makeFirstMentionsFocusable(this.annotator.annotations.mentions);
    performance.measure('backstory:first-pass', 'backstory:first-pass:start');
    this.root.setAttribute(
      TIMING_ATTRIBUTE,
      JSON.stringify({
        scriptMs: round(result.ownMs),
        wallMs: round(performance.now() - startedAt),
        mentions: result.mentions,
      }),
    );
    this.root.setAttribute(STATE_ATTRIBUTE, 'ready');
    this.ensureCard();
  }

  /** New or changed content, from the observer. */
  annotateMore(roots: Node[]): Promise<void> {
    this.pass = this.pass.then(async () => {
      if (!this.active || this.ctx.isInvalid) return;
      await this.annotator.annotate(roots);
      makeFirstMentionsFocusable(this.annotator.annotations.mentions);
    }).then(() => this.notifySettled());
    return this.pass;
  }

  private ensureCard(): void {
    if (this.card) return;
    const entities = new Map(this.dataset.entities.map((entity) => [entity.id, entity]));
    const card = createCardHost(document, this.dataset);
    this.card = card;
    connectHoverIntent(this.ctx, {
      card,
      hoverDelayMs: () => this.settings?.hoverDelayMs ?? 500,
      mentionOf: (target) => {
        const element = target instanceof Element ? target.closest('backstory-mention') : null;
        return element && this.annotator.annotations.ownNodes.has(element) ? element : null;
      },
      entityOf: (mention) => entities.get(mention.getAttribute(ENTITY_ATTRIBUTE) ?? '') ?? null,
    });
  }

  // --- For page-messages.ts (popup "on this page", badge count) ---
  private readonly settledListeners: (() => void)[] = [];
  get isActive(): boolean {
    return this.active;
  }
  get mentions(): readonly Element[] {
    return this.annotator.annotations.mentions;
  }
  settled(): Promise<void> {
    return this.pass;
  }
  onSettled(listener: () => void): void {
    this.settledListeners.push(listener);
  }
  private notifySettled(): void {
    for (const listener of this.settledListeners) listener();
  }
  // --- end page-messages ---

  teardown(): void {
    this.active = false;
    this.annotator.reset();
    this.card?.remove();
    this.card = null;
    for (const name of [STATE_ATTRIBUTE, TIMING_ATTRIBUTE, STYLE_ATTRIBUTE]) this.root.removeAttribute(name);
  }
}

/** Only the first mention of each entity is a tab stop: the tab order must not drown. */
function makeFirstMentionsFocusable(mentions: readonly Element[]): void {
  const seen = new Set<string>();
  for (const mention of mentions) {
    const id = mention.getAttribute(ENTITY_ATTRIBUTE) ?? '';
    if (seen.has(id)) {
      mention.removeAttribute('tabindex');
      continue;
    }
    seen.add(id);
    mention.setAttribute('tabindex', '0');
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
