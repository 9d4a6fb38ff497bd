/**
 * `ctx.setTimeout` without its leak. WXT 0.20's `ctx.setTimeout` registers an
 * `onInvalidated` listener for every timer and never removes it, so each timer
 * keeps a listener and its closure (and whatever that closure holds) alive for
 * as long as the page is open: on a feed that re-annotates every few hundred
 * milliseconds that grows without end. Here one listener per ctx clears
 * whatever is still pending, and a timer forgets itself when it fires.
 *
 * Like ctx's timers, a handler does not run once ctx is invalid, and firing
 * checks that the extension is still there (`ctx.isValid` reads `runtime.id`).
 */
import type { ContentScriptContext } from '#imports';

const pendingByCtx = new WeakMap<ContentScriptContext, Set<number>>();

function pendingFor(ctx: ContentScriptContext): Set<number> {
  let pending = pendingByCtx.get(ctx);
  if (!pending) {
    const timers = new Set<number>();
    ctx.onInvalidated(() => {
      for (const id of timers) clearTimeout(id);
      timers.clear();
    });
    pendingByCtx.set(ctx, timers);
    pending = timers;
  }
  return pending;
}

/** Runs `handler` after `ms` unless ctx is invalidated first. */
export function setCtxTimeout(
  ctx: ContentScriptContext,
  handler: () => void,
  ms: number,
): number {
  const pending = pendingFor(ctx);
  const id = window.setTimeout(() => {
    pending.delete(id);
    if (ctx.isValid) handler();
  }, ms);
  pending.add(id);
  return id;
}

/** Cancels a timer from `setCtxTimeout`. */
export function clearCtxTimeout(ctx: ContentScriptContext, id: number): void {
  clearTimeout(id);
  pendingByCtx.get(ctx)?.delete(id);
}
