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
import { browser } from 'wxt/browser';
import datasetJson from '@/data/dataset.json';
import type { Dataset, Entity } from '@/data/dataset-schema';
import { MentionMatcher } from '@/lib/match-mentions';
import { createSettingsStore, type SettingsStore } from '@/lib/settings-store';
import {
  enabledKinds,
  hideEntity,
  hiddenOn,
  isActiveOn,
  type Settings,
  unhideEntity,
} from '@/lib/settings';
import {
  chooseMentionTag,
  ENTITY_ATTRIBUTE,
  GROUP_ATTRIBUTE,
} from './annotate-dom';
import { createCardHost, type CardHost } from './card-host';
import { connectHoverIntent, type HoverIntent } from './connect-hover-intent';
import { observePage, type PageObserver } from './observe-page';
import { connectPageMessages } from './page-messages';
import { watchForOrphaning } from './orphan-watch';
import { setCtxTimeout } from './ctx-timers';
import { PageAnnotator } from './page-annotator';
import './mentions.css';
import { entityIndex } from '@/lib/entity-index';

/** Half a frame at 60 Hz: our slices leave the page room to render and respond. */
const SLICE_BUDGET_MS = 8;
const STATE_ATTRIBUTE = 'data-backstory-state';
const TIMING_ATTRIBUTE = 'data-backstory-timing';
const STYLE_ATTRIBUTE = 'data-backstory-style';
/** Set on a mention the reader marked "Not this person": shown as plain text, no card. */
const DISMISSED_ATTRIBUTE = 'data-backstory-dismissed';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    watchForOrphaning(ctx); // Reloaded or updated under this page: ctx invalidates, all of ours goes.
    void start(ctx).catch((error: unknown) => {
      // Never break the page: report once, leave the page as it was.
      console.error('Backstory could not annotate this page:', error);
    });
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  const mentionTag = chooseMentionTag(document);
  if (!mentionTag) {
    // The page has taken both our element names: annotating could hide its text.
    document.documentElement.setAttribute(STATE_ATTRIBUTE, 'ready');
    console.warn(
      'Backstory: this page defines our element names; annotations are off here.',
    );
    return;
  }
  // The dataset is validated when it is built (npm run dataset; the extension build runs it) and ships
  // inside this script: it is our own code, not input. Parsing it again here cost 5-20 ms per page load.
  const dataset = datasetJson as Dataset;
  const matcher = new MentionMatcher(dataset.entities);
  let observer: PageObserver | null = null;
  const annotator = new PageAnnotator({
    matcher,
    mentionTag,
    sliceBudgetMs: SLICE_BUDGET_MS,
    yieldToPage: () => new Promise((resolve) => setCtxTimeout(ctx, resolve, 0)),
    isCancelled: () => ctx.isInvalid,
    afterWrite: () => observer?.forgetOwnWrites(),
    viewportPosition,
  });
  const settingsStore = createSettingsStore(browser.storage);
  const session = new PageSession(ctx, dataset, annotator, settingsStore);
  connectPageMessages(ctx, session);
  observer = observePage(ctx, annotator.annotations, (roots) =>
    session.annotateMore(roots),
  );
  ctx.onInvalidated(() => session.teardown());
  await session.apply(await settingsStore.load());
  const unwatch = settingsStore.watch(
    (settings) => void session.apply(settings),
  );
  ctx.onInvalidated(() => {
    try {
      unwatch();
    } catch {
      // The extension is gone (reloaded or updated): its storage API throws, and there is nothing to remove.
    }
  });
}

/** One page's annotation state: applies settings, runs passes, owns the card. */
class PageSession {
  private settings: Settings | null = null;
  private card: CardHost | null = null;
  private active = false;
  private pass: Promise<void> = Promise.resolve();
  private readonly root = document.documentElement;
  /** Entities by id, built once: every card and every pass looks them up. */
  private readonly entities: ReadonlyMap<string, Entity>;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly dataset: Dataset,
    private readonly annotator: PageAnnotator,
    private readonly settingsStore: SettingsStore,
  ) {
    this.entities = entityIndex(dataset.entities);
  }

  /** Applies new settings: off removes everything, a changed filter re-annotates. */
  apply(next: Settings): Promise<void> {
    this.pass = this.pass
      .then(() => this.applyNow(next))
      .then(() => this.notifySettled());
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
      JSON.stringify([
        previous.kinds,
        previous.firstMentionOnly,
        [...hiddenOn(previous, host)],
      ]) !==
        JSON.stringify([
          next.kinds,
          next.firstMentionOnly,
          [...hiddenOn(next, host)],
        ]);
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
    const result = document.body
      ? await this.annotator.annotate([document.body], { viewportFirst: true })
      : { ownMs: 0, mentions: 0, firstViewportMs: 0 };
    if (this.ctx.isInvalid || !this.active) return;
    this.makeFirstMentionsFocusable();
    performance.measure('backstory:first-pass', 'backstory:first-pass:start');
    this.root.setAttribute(
      TIMING_ATTRIBUTE,
      JSON.stringify({
        scriptMs: round(result.ownMs),
        wallMs: round(performance.now() - startedAt),
        firstViewportMs:
          result.firstViewportMs === null
            ? null
            : round(result.firstViewportMs),
        mentions: result.mentions,
      }),
    );
    this.root.setAttribute(STATE_ATTRIBUTE, 'ready');
    this.ensureCard();
  }

  /** New or changed content, from the observer. */
  annotateMore(roots: Node[]): Promise<void> {
    this.pass = this.pass
      .then(async () => {
        if (!this.active || this.ctx.isInvalid) return;
        await this.annotator.annotate(roots);
        this.makeFirstMentionsFocusable();
      })
      .then(() => this.notifySettled());
    return this.pass;
  }

  private ensureCard(): void {
    if (this.card) return;
    const entities = this.entities;
    const host = location.hostname;
    let intent: HoverIntent | null = null;
    const card = createCardHost(document, this.dataset, {
      host,
      onDismissMention: (mention) => setDismissed(mention, true),
      onRestoreMention: (mention) => setDismissed(mention, false),
      onHideOnSite: async (entityId) => {
        await this.settingsStore.update((s) => hideEntity(s, entityId, host));
      },
      onShowOnSite: async (entityId) => {
        await this.settingsStore.update((s) => unhideEntity(s, entityId, host));
      },
      onRequestClose: (restoreFocus) => intent?.dismiss(restoreFocus),
      onFocusMention: () => intent?.focusMention(),
    });
    this.card = card;
    intent = connectHoverIntent(this.ctx, {
      card,
      hoverDelayMs: () => this.settings?.hoverDelayMs ?? 500,
      mentionOf: (target) => {
        const element =
          target instanceof Element
            ? target.closest(this.annotator.annotations.tag)
            : null;
        if (!element || !this.annotator.annotations.ownNodes.has(element))
          return null;
        return element.hasAttribute(DISMISSED_ATTRIBUTE) ? null : element;
      },
      entityOf: (mention) =>
        entities.get(mention.getAttribute(ENTITY_ATTRIBUTE) ?? '') ?? null,
      reasonOf: (mention) => this.annotator.reasons.get(mention),
    });
  }

  /**
   * Only the first mention of each entity is a tab stop (the tab order must not
   * drown); it carries the name and description for screen readers. Mentions
   * inside links stay out of the tab order: the link is the stop there.
   */
  private makeFirstMentionsFocusable(): void {
    const entities = this.entities;
    const seen = new Set<string>();
    for (const mention of this.annotator.annotations.mentions) {
      const id = mention.getAttribute(ENTITY_ATTRIBUTE) ?? '';
      const first =
        !seen.has(id) &&
        !mention.closest('a[href], button') &&
        !mention.hasAttribute(DISMISSED_ATTRIBUTE);
      if (!first) {
        mention.removeAttribute('tabindex');
        continue;
      }
      seen.add(id);
      const entity = entities.get(id);
      mention.setAttribute('tabindex', '0');
      mention.setAttribute('aria-haspopup', 'dialog');
      mention.setAttribute('aria-expanded', 'false');
      if (entity)
        mention.setAttribute(
          'aria-description',
          `${entity.name}: ${entity.description}`,
        );
    }
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
    for (const name of [STATE_ATTRIBUTE, TIMING_ATTRIBUTE, STYLE_ATTRIBUTE])
      this.root.removeAttribute(name);
  }
}

/** Margin around the viewport that counts as "in view" (the next scroll step). */
const VIEWPORT_MARGIN_PX = 200;

/** Where a segment sits relative to the viewport, from its parent's box (layout is clean: we have not written yet). */
function viewportPosition(
  segment: readonly Text[],
): 'above' | 'visible' | 'below' | 'hidden' {
  const parent = segment[0]?.parentElement;
  if (!parent) return 'hidden';
  const rect = parent.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return 'hidden';
  if (rect.bottom < -VIEWPORT_MARGIN_PX) return 'above';
  if (rect.top > innerHeight + VIEWPORT_MARGIN_PX) return 'below';
  return 'visible';
}

/** Marks a mention (all pieces of a split one) as not this entity, or undoes that. */
function setDismissed(mention: Element, dismissed: boolean): void {
  const group = mention.getAttribute(GROUP_ATTRIBUTE);
  const pieces = group
    ? [
        ...document.querySelectorAll(
          `${mention.localName}[${GROUP_ATTRIBUTE}="${CSS.escape(group)}"]`,
        ),
      ]
    : [mention];
  for (const piece of pieces) {
    if (dismissed) piece.setAttribute(DISMISSED_ATTRIBUTE, '');
    else piece.removeAttribute(DISMISSED_ATTRIBUTE);
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
