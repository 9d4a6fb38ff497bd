/**
 * Notices, without polling, that the extension was reloaded, updated or
 * removed under this page, and invalidates `ctx`: everything registered with
 * it goes (wrappers, card, observer, listeners). Nothing here runs while the
 * page is idle.
 *
 * Chromium keeps an orphaned content script running, with `runtime.id` gone
 * (`ctx.isInvalid` reads it). The signals, all events:
 * 1. A port to the background. It disconnects the moment the extension goes
 *    away while the background is alive (Firefox's background page always is).
 * 2. A Chromium MV3 service worker is also stopped when idle (about 30 s after
 *    its last event), which disconnects the port too; `runtime.id` is still
 *    there then. We do not reconnect: that would wake the worker again and
 *    keep it alive for nothing. From then on the reader's next pointer, key,
 *    focus or tab switch checks `runtime.id` (a property read, no message);
 *    so do all of ctx's timers (the observer's flush, the hover delay).
 *    Chromium clears `runtime.id` a moment after it closes the port, so a
 *    disconnect is followed by two one-shot checks (100 ms and 1 s later).
 *
 * Firefox ends an extension's content scripts itself when it goes away (their
 * code never runs again), so there is nothing to notice there; see
 * docs/architecture.md, "Lifecycle and cost over time".
 */
import type { ContentScriptContext } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { PORT } from '@/lib/content-requests';
import { setCtxTimeout } from './ctx-timers';

/** What the reader does when coming back to a page: each checks, once per event, that we are still installed. */
const READER_EVENTS = [
  'pointerdown',
  'pointerover',
  'keydown',
  'focusin',
  'visibilitychange',
] as const;

/** One-shot checks after the port closes (not a poll: they run once per disconnect). */
const RECHECK_AFTER_DISCONNECT_MS = [100, 1000];

export function watchForOrphaning(ctx: ContentScriptContext): void {
  /** WXT's `isInvalid` getter reads `runtime.id` and invalidates ctx once it is gone. */
  const checkInstalled = (): boolean => ctx.isInvalid;
  const checkOnReaderEvents = () => {
    for (const type of READER_EVENTS)
      ctx.addEventListener(document, type, checkInstalled, {
        capture: true,
        passive: true,
      });
  };

  let port: Browser.runtime.Port;
  try {
    port = browser.runtime.connect({ name: PORT.orphanWatch });
  } catch {
    // Already orphaned (connect throws then), or no background to talk to.
    if (!ctx.isInvalid) checkOnReaderEvents();
    return;
  }
  port.onDisconnect.addListener(() => {
    if (ctx.isInvalid) return; // The extension is gone: ctx has just been invalidated.
    // Chromium clears `runtime.id` just after the port closes (the news comes by
    // another channel), so look again shortly: ctx's timers check it before they
    // run. Still there then: the worker was stopped while idle.
    for (const ms of RECHECK_AFTER_DISCONNECT_MS)
      setCtxTimeout(ctx, checkInstalled, ms);
    checkOnReaderEvents();
  });
  ctx.onInvalidated(() => {
    try {
      port.disconnect();
    } catch {
      // The extension is gone and the port with it.
    }
  });
}
