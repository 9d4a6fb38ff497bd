// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearCtxTimeout,
  setCtxTimeout,
} from '../../../entrypoints/content/ctx-timers';

const runtime = fakeBrowser.runtime as { id: string | undefined };
const EXTENSION_ID = runtime.id;

describe('setCtxTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    runtime.id = EXTENSION_ID;
  });

  it('registers one invalidation listener per ctx however many timers run (ctx.setTimeout adds one per timer, forever)', () => {
    const ctx = new ContentScriptContext('content');
    const onInvalidated = vi.spyOn(ctx, 'onInvalidated');
    const handler = vi.fn();
    for (let i = 0; i < 1000; i += 1) setCtxTimeout(ctx, handler, 10);
    vi.advanceTimersByTime(10);
    expect(handler).toHaveBeenCalledTimes(1000);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears pending timers when ctx is invalidated', () => {
    const ctx = new ContentScriptContext('content');
    const handler = vi.fn();
    setCtxTimeout(ctx, handler, 100);
    setCtxTimeout(ctx, handler, 200);
    ctx.notifyInvalidated();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(300);
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not run, and invalidates ctx, when the extension went away meanwhile', () => {
    const ctx = new ContentScriptContext('content');
    const handler = vi.fn();
    setCtxTimeout(ctx, handler, 100);
    runtime.id = undefined;
    vi.advanceTimersByTime(100);
    expect(handler).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
  });

  it('cancels one timer', () => {
    const ctx = new ContentScriptContext('content');
    const handler = vi.fn();
    const id = setCtxTimeout(ctx, handler, 100);
    clearCtxTimeout(ctx, id);
    vi.advanceTimersByTime(100);
    expect(handler).not.toHaveBeenCalled();
  });
});
