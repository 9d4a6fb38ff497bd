// @vitest-environment happy-dom
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForOrphaning } from '../../../entrypoints/content/orphan-watch';
import { PORT } from '../../../lib/messages';

/** A port whose other end we control: `close()` is the background going away. */
function fakePort() {
  const listeners: (() => void)[] = [];
  const port = {
    name: PORT.orphanWatch,
    onDisconnect: {
      addListener: (listener: () => void) => listeners.push(listener),
    },
    disconnect: vi.fn(),
  };
  return {
    port,
    close: () => {
      for (const listener of listeners) listener();
    },
  };
}

const runtime = fakeBrowser.runtime as { id: string | undefined };
const EXTENSION_ID = runtime.id;

/** The extension is reloaded, updated or removed: Chromium clears `runtime.id` in the old script. */
function removeExtension(): void {
  runtime.id = undefined;
}

function setUp(connect?: () => unknown) {
  const { port, close } = fakePort();
  const connectSpy = vi
    .spyOn(fakeBrowser.runtime, 'connect')
    .mockImplementation(
      (connect ?? (() => port)) as () => Browser.runtime.Port,
    );
  const ctx = new ContentScriptContext('content');
  const invalidated = vi.fn();
  ctx.onInvalidated(invalidated);
  watchForOrphaning(ctx);
  return { ctx, port, close, connectSpy, invalidated };
}

describe('watchForOrphaning', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    runtime.id = EXTENSION_ID; // fakeBrowser.reset() does not restore it.
  });

  it('opens the orphan-watch port and sets no timer while it is open', () => {
    const { connectSpy } = setUp();
    expect(connectSpy).toHaveBeenCalledWith({ name: PORT.orphanWatch });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('invalidates at once when the port closes because the extension went away', () => {
    const { close, invalidated } = setUp();
    removeExtension();
    close();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    [50, 'the next check (100 ms)'],
    [500, 'the last check (1 s)'],
  ])(
    'invalidates when runtime.id goes %i ms after the port closed, at %s',
    (goneAfterMs) => {
      const { close, invalidated } = setUp();
      close();
      vi.advanceTimersByTime(goneAfterMs);
      expect(invalidated).not.toHaveBeenCalled();
      removeExtension();
      vi.advanceTimersByTime(1000);
      expect(invalidated).toHaveBeenCalledTimes(1);
    },
  );

  it('does not reconnect when the worker was only stopped (that would wake it), and leaves no timer behind', () => {
    const { close, connectSpy, invalidated, ctx } = setUp();
    close();
    vi.advanceTimersByTime(1000);
    expect(invalidated).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
    expect(connectSpy).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    'pointerdown',
    'pointerover',
    'keydown',
    'focusin',
    'visibilitychange',
  ])(
    'after the worker stopped, the reader’s next %s notices the extension is gone',
    (type) => {
      const { close, invalidated } = setUp();
      close();
      vi.advanceTimersByTime(1000);
      document.dispatchEvent(new Event(type)); // Still installed: nothing happens.
      expect(invalidated).not.toHaveBeenCalled();
      removeExtension();
      document.dispatchEvent(new Event(type));
      expect(invalidated).toHaveBeenCalledTimes(1);
    },
  );

  it('checks nothing on reader events while the port is open (the port will tell)', () => {
    const { invalidated } = setUp();
    removeExtension();
    document.dispatchEvent(new Event('pointerover'));
    expect(invalidated).not.toHaveBeenCalled();
  });

  it('falls back to reader events when the port cannot be opened', () => {
    const { invalidated } = setUp(() => {
      throw new Error('Could not establish connection.');
    });
    expect(invalidated).not.toHaveBeenCalled();
    removeExtension();
    document.dispatchEvent(new Event('keydown'));
    expect(invalidated).toHaveBeenCalledTimes(1);
  });

  it('closes its port when ctx is invalidated for another reason', () => {
    const { ctx, port } = setUp();
    ctx.notifyInvalidated();
    expect(port.disconnect).toHaveBeenCalledTimes(1);
  });
});
