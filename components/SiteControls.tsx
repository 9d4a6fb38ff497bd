/**
 * The popup's header: the big on/off switch for annotations everywhere, and
 * one button that pauses (or resumes) them on the site in the active tab.
 */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../lib/settings';

export type SiteControlsProps = {
  settings: Settings;
  /** The active tab's host, or null when Backstory cannot run there. */
  host: string | null;
  onToggleEnabled: () => void;
  onToggleSite: (host: string) => void;
  /** Shown at the start of the first row (the popup's name). */
  children?: ComponentChildren;
};

export function SiteControls({
  settings,
  host,
  onToggleEnabled,
  onToggleSite,
  children,
}: SiteControlsProps) {
  const paused = host !== null && settings.pausedSites.includes(host);
  const status = !settings.enabled
    ? 'Off everywhere'
    : host === null
      ? 'On for web pages'
      : paused
        ? `Paused on ${host}`
        : `On for ${host}`;
  return (
    <div class="controls">
      <div class="controls__row">
        {children}
        <span id="switch-label" class="controls__label">
          Annotations
        </span>
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={settings.enabled}
          aria-labelledby="switch-label"
          aria-describedby="site-status"
          onClick={onToggleEnabled}
        >
          <span class="switch__track" aria-hidden="true">
            <span class="switch__thumb" />
          </span>
          <span class="switch__text" aria-hidden="true">
            {settings.enabled ? 'On' : 'Off'}
          </span>
        </button>
      </div>
      <div class="controls__row">
        <span
          id="site-status"
          class={`controls__status${settings.enabled && !paused ? '' : ' controls__status--off'}`}
        >
          {status}
        </span>
        {host !== null ? (
          <button
            type="button"
            class="button site-button"
            onClick={() => onToggleSite(host)}
          >
            {paused ? `Resume on ${host}` : `Pause on ${host}`}
          </button>
        ) : null}
      </div>
    </div>
  );
}
