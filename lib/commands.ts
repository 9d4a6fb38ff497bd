/**
 * Keyboard commands, named once: the manifest (wxt.config.ts), the background
 * that runs them and the popup that shows their shortcut all use these.
 */
export const COMMAND = {
  /** Pause or resume Backstory on the current tab's site. */
  toggleSite: 'toggle-site',
  /** Look up the selected text (the same as the context menu item). */
  lookupSelection: 'lookup-selection',
} as const;
