import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { COMMAND } from './lib/commands';
import {
  addOnDemandEntrypoint,
  buildOnDemandAsModule,
  ON_DEMAND_FILE,
} from './scripts/content-on-demand-build';
import { contentScriptDatasetText } from './scripts/build-dataset';
import { buildDatasetJson, buildPrefilterJson } from './scripts/build-dataset';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';

const GECKO_ID = 'backstory@backstory.example';
/**
 * Not Alt+Shift+B: Chromium reserves it (focus the bookmarks bar) and leaves an
 * extension's suggestion for it unassigned (chrome.commands.getAll() shows "").
 */
const TOGGLE_SITE_SHORTCUT = 'Alt+Shift+O';
/** L for look up; Chromium assigns it (tests/e2e/selection-lookup.test.ts checks commands.getAll()). */
const LOOKUP_SHORTCUT = 'Alt+Shift+L';

/**
 * Rebuilds data/dataset.json and data/prefilter.json (the content script's
 * "no mention here" words, lib/prefilter.ts) before every extension build, so
 * a build never ships stale data or a prefilter that misses an alias.
 */
function refreshDataset(): void {
  const json = buildDatasetJson();
  for (const [file, text] of [
    ['./data/dataset.json', json],
    ['./data/prefilter.json', buildPrefilterJson(json)],
  ] as const) {
    const path = new URL(file, import.meta.url);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text)
      writeFileSync(path, text);
  }
}

/**
 * `data/dataset.json?raw` (the content script's dataset, parsed only when a page may mention someone)
 * as one minified JSON string, without the curation's provenance notes on aliases and frames (the
 * card never shows them; they stay in data/dataset.json and the popup's copy).
 */
function minifiedDatasetText() {
  const suffix = '/data/dataset.json?raw';
  return {
    name: 'backstory:minified-dataset-text',
    enforce: 'pre' as const,
    load(id: string) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -'?raw'.length);
      const text = contentScriptDatasetText(readFileSync(file, 'utf8'));
      return `export default ${JSON.stringify(text)};`;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: WXT APIs from '#imports', browser from 'wxt/browser'.
  imports: false,
  publicDir: 'components/public',
  vite: () => ({
    plugins: [preact(), minifiedDatasetText()],
    // The modulepreload polyfill is a fetch() we do not need in extension pages.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    'build:before': refreshDataset,
    // The content script's on-demand part (scripts/content-on-demand-build.ts).
    'entrypoints:resolved': addOnDemandEntrypoint,
    'vite:build:extendConfig': buildOnDemandAsModule,
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
    // The content script's on-demand part (scripts/content-on-demand-build.ts). Chrome lets a content script
    // import() only a web-accessible file; use_dynamic_url serves it at a URL made per session, so a
    // page cannot probe a fixed URL for it. Firefox lets content scripts import the extension's files
    // without it. Why and what a page can see: docs/decisions/0008-content-script-on-demand.md.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            {
              resources: [ON_DEMAND_FILE],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
        }),
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
