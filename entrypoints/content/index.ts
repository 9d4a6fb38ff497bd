/**
 * The content script: finds mentions in the page, wraps them, shows cards.
 *
 *   settings (storage) ──▶ on/off for this site, kinds, first mention only, hidden entities
 *   document.body ──prefilter (page-engine.ts)──▶ no alias can match: ready, nothing loaded (most pages)
 *   prefilter passes, or a lookup ──import()──▶ the on-demand part (on-demand.ts: matcher, dataset, card UI)
 *   bundled dataset ──JSON.parse──▶ entities ──new MentionMatcher──▶ matcher (only when the prefilter passes)
 *   document.body ──collectSegments──▶ text runs ──scan + PageEvidence + resolve──▶ mentions
 *   mentions ──PageAnnotations.wrap (time-sliced)──▶ <backstory-mention> elements
 *   MutationObserver ──queue──▶ new content annotated; page-touched edits reverted at once
 *   pointer/focus/keys ──stepIntent──▶ show/hide commands ──▶ card host (shadow root)
 *
 * Everything registered here dies with `ctx`: when the extension is reloaded or
 * updated, the old script removes its wrappers, observer and card.
 */
// Not from '#imports': that barrel also brings WXT's storage module, which sets itself up at load.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { createSettingsStore, type SettingsStore } from '@/lib/settings-store';
// settings-lite, not settings: no zod schema is built on every page load (lib/settings-lite.ts).
import {
  enabledKinds,
  hideEntity,
  hiddenOn,
  isActiveOn,
  type Settings,
  unhideEntity,
} from '@/lib/settings-lite';
import {
  chooseMentionTag,
  ENTITY_ATTRIBUTE,
  GROUP_ATTRIBUTE,
} from './annotate-dom';
import type { CardHost } from './card-host';
import type { LookupTrigger } from '@/lib/lookup-selection';
import type { HoverIntent } from './connect-hover-intent';
import { observePage, type PageObserver } from './observe-page';
import { connectPageMessages } from './page-messages';
import {
  connectSelectionLookup,
  type SelectionLookup,
} from './selection-lookup';
import type { PassPhases } from './page-annotator';
import {
  createPageEngine,
  LazyAnnotator,
  type PageEngine,
} from './page-engine';
import { watchForOrphaning } from './orphan-watch';
import { setCtxTimeout } from './ctx-timers';
import './mentions.css';

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
    const startedAt = performance.now();
    watchForOrphaning(ctx); // Reloaded or updated under this page: ctx invalidates, all of ours goes.
    void start(ctx).catch((error: unknown) => {
      // Never break the page: report once, leave the page as it was.
      console.error('Backstory could not annotate this page:', error);
    });
    STARTUP_MS = performance.now() - startedAt;
  },
});

/** Our own code's share of the script's evaluation (main up to its first await), for the timing contract. */
let STARTUP_MS = 0;

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
  // Nothing is built here: the on-demand part waits until a page may mention someone (page-engine.ts).
  const engine = createPageEngine();
  let observer: PageObserver | null = null;
  const annotator = new LazyAnnotator(engine, {
    mentionTag,
    sliceBudgetMs: SLICE_BUDGET_MS,
    yieldToPage: () => new Promise((resolve) => setCtxTimeout(ctx, resolve, 0)),
    isCancelled: () => ctx.isInvalid,
    afterWrite: () => observer?.forgetOwnWrites(),
    viewportPosition,
  });
  const settingsStore = createSettingsStore(browser.storage);
  const session = new PageSession(ctx, engine, annotator, settingsStore);
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
  /** False while the page has shown no possible mention: the engine is not built, nothing was walked. */
  private engaged = false;
  private intent: HoverIntent | null = null;
  private readonly lookup: SelectionLookup;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly engine: PageEngine,
    private readonly annotator: LazyAnnotator,
    private readonly settingsStore: SettingsStore,
  ) {
    // Selection lookup answers on every page, annotated or not (paused, off);
    // the dataset and the card host are built only when a lookup happens.
    this.lookup = connectSelectionLookup(ctx, {
      decide: async (text, trigger) =>
        (await this.engine.load()).decideLookup(text, trigger),
      cardHost: () => this.ensureCardHost(),
      currentCardHost: () => this.card,
      beforeOpen: () => this.intent?.dismiss(false),
      lookupOnDoubleClick: () => this.settings?.lookupOnDoubleClick ?? false,
      isMention: (target) =>
        target instanceof Element &&
        this.annotator.annotations.ownNodes.has(
          target.closest(this.annotator.annotations.tag) ?? target,
        ),
    });
  }

  /** Looks up the selection (context menu, keyboard command): says what it showed. */
  lookUpSelection(text: string | undefined, trigger: LookupTrigger) {
    return this.lookup.lookUp(text, trigger);
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
    const body = document.body;
    // The prefilter: a page where no alias can match is done here, with nothing built or walked.
    this.engaged = body !== null && this.engine.mayMention([body]);
    const prefilterMs = performance.now() - startedAt;
    const result = this.engaged
      ? await this.annotator.annotate([body!], { viewportFirst: true })
      : { ownMs: 0, mentions: 0, firstViewportMs: 0, phases: null };
    if (this.ctx.isInvalid || !this.active) return;
    const focusMs = this.makeFirstMentionsFocusable();
    performance.measure('backstory:first-pass', 'backstory:first-pass:start');
    this.root.setAttribute(
      TIMING_ATTRIBUTE,
      timingJson({
        scriptMs: result.ownMs + prefilterMs + focusMs,
        wallMs: performance.now() - startedAt,
        firstViewportMs: result.firstViewportMs,
        mentions: result.mentions,
        prefilterMs,
        engaged: this.engaged,
        engineMs: this.engine.buildMs,
        focusMs,
        phases: result.phases,
      }),
    );
    this.root.setAttribute(STATE_ATTRIBUTE, 'ready');
    if (result.mentions) await this.ensureCard();
  }

  /** New or changed content, from the observer. */
  annotateMore(roots: Node[]): Promise<void> {
    this.pass = this.pass
      .then(async () => {
        if (!this.active || this.ctx.isInvalid) return;
        if (!this.engaged) {
          // Still nothing built: the added text must pass the prefilter first. When it does, the whole
          // page is annotated, as a first pass over it would have been (page evidence in page order).
          if (!document.body || !this.engine.mayMention(roots)) return;
          this.engaged = true;
          roots = [document.body];
        }
        await this.annotator.annotate(roots);
        this.makeFirstMentionsFocusable();
        if (this.annotator.annotations.mentions.length) await this.ensureCard();
      })
      .then(() => this.notifySettled());
    return this.pass;
  }

  /** The card host: built for the first mention or the first lookup (none on most pages). */
  private async ensureCardHost(): Promise<CardHost | null> {
    if (this.card || this.ctx.isInvalid) return this.card;
    const part = await this.engine.load();
    if (this.card || this.ctx.isInvalid) return this.card;
    const host = location.hostname;
    this.card = part.cardHost(document, {
      host,
      onDismissMention: (mention) => setDismissed(mention, true),
      onRestoreMention: (mention) => setDismissed(mention, false),
      onHideOnSite: async (entityId) => {
        await this.settingsStore.update((s) => hideEntity(s, entityId, host));
      },
      onShowOnSite: async (entityId) => {
        await this.settingsStore.update((s) => unhideEntity(s, entityId, host));
      },
      onRequestClose: (restoreFocus) => this.intent?.dismiss(restoreFocus),
      onFocusMention: () => this.intent?.focusMention(),
      pageDate: () => part.pageDateOf(document, location.href),
    });
    return this.card;
  }

  /** The card host and the hover listeners, set up once the page has a mention. */
  private async ensureCard(): Promise<void> {
    const card = await this.ensureCardHost();
    const part = this.engine.loaded;
    if (!card || !part || this.intent) return;
    const entities = part.entities();
    this.intent = part.connectHoverIntent(this.ctx, {
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
   * Writes only what changes: on a page with thousands of mentions, the later
   * ones are read once and left alone. Returns the time it took (ms).
   */
  private makeFirstMentionsFocusable(): number {
    const mentions = this.annotator.annotations.mentions;
    if (!mentions.length) return 0;
    const startedAt = performance.now();
    // Mentions exist: the on-demand part is loaded.
    const entities = this.engine.loaded?.entities() ?? new Map();
    const seen = new Set<string>();
    for (const mention of mentions) {
      const id = mention.getAttribute(ENTITY_ATTRIBUTE) ?? '';
      const first =
        !seen.has(id) &&
        !mention.closest('a[href], button') &&
        !mention.hasAttribute(DISMISSED_ATTRIBUTE);
      if (!first) {
        if (mention.hasAttribute('tabindex'))
          mention.removeAttribute('tabindex');
        continue;
      }
      seen.add(id);
      if (mention.getAttribute('tabindex') === '0') continue; // Set by an earlier pass.
      const entity = entities.get(id);
      mention.setAttribute('tabindex', '0');
      mention.setAttribute('aria-haspopup', 'dialog');
      if (!mention.hasAttribute('aria-expanded'))
        mention.setAttribute('aria-expanded', 'false');
      if (entity)
        mention.setAttribute(
          'aria-description',
          `${entity.name}: ${entity.description}`,
        );
    }
    return performance.now() - startedAt;
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

/**
 * The timing contract (`data-backstory-timing`, docs/architecture.md): our
 * own time for the first pass and where it went, for the bench and testers.
 */
function timingJson(timing: {
  scriptMs: number;
  wallMs: number;
  firstViewportMs: number | null;
  mentions: number;
  prefilterMs: number;
  engaged: boolean;
  engineMs: number;
  focusMs: number;
  phases: PassPhases | null;
}): string {
  const phases = timing.phases;
  return JSON.stringify({
    scriptMs: round(timing.scriptMs),
    wallMs: round(timing.wallMs),
    firstViewportMs:
      timing.firstViewportMs === null ? null : round(timing.firstViewportMs),
    mentions: timing.mentions,
    prefilterMs: round(timing.prefilterMs),
    engaged: timing.engaged,
    engineMs: round(timing.engineMs),
    focusMs: round(timing.focusMs),
    phases: phases
      ? Object.fromEntries(
          Object.entries(phases).map(([name, ms]) => [name, round(ms)]),
        )
      : null,
    startupMs: round(STARTUP_MS),
  });
}
