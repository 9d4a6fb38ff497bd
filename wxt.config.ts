import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { COMMAND } from './lib/commands';
import { buildDatasetJson } from './scripts/build-dataset';
import { writeFileSync, readFileSync } from 'node:fs';

const GECKO_ID = 'backstory@backstory.example';
/**
 * Not Alt+Shift+B: Chromium reserves it (focus the bookmarks bar) and leaves an
 * extension's suggestion for it unassigned (chrome.commands.getAll() shows "").
 */
const TOGGLE_SITE_SHORTCUT = 'Alt+Shift+O';
/** L for look up; Chromium assigns it (tests/e2e/selection-lookup.test.ts checks commands.getAll()). */
const LOOKUP_SHORTCUT = 'Alt+Shift+L';

/** Rebuilds data/dataset.json before every extension build, so a build never ships stale data. */
function refreshDataset(): void {
  const path = new URL('./data/dataset.json', import.meta.url);
  const json = buildDatasetJson();
  if (readFileSync(path, 'utf8') !== json) writeFileSync(path, json);
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: WXT APIs from '#imports', browser from 'wxt/browser'.
  imports: false,
  publicDir: 'components/public',
  vite: () => ({
    plugins: [preact()],
    // The modulepreload polyfill is a fetch() we do not need in extension pages.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    'build:before': refreshDataset,
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The backstory of the people and events in the news, right where you read. Works offline; sends nothing.',
    // contextMenus: the "Look up “…” in Backstory" item on selected text.
    permissions: ['storage', 'contextMenus'],
    commands: {
      [COMMAND.toggleSite]: {
        suggested_key: { default: TOGGLE_SITE_SHORTCUT },
        description: 'Turn Backstory on or off for this site',
      },
      [COMMAND.lookupSelection]: {
        suggested_key: { default: LOOKUP_SHORTCUT },
        description: 'Look up the selected text in Backstory',
      },
    },
    icons: {
      16: 'icons/16.png',
      32: 'icons/32.png',
      48: 'icons/48.png',
      128: 'icons/128.png',
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
