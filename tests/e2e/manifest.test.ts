/**
 * Manifest snapshots of both builds. Any new permission, host, web-accessible
 * resource, external connection or CSP override fails here first: changing
 * this file is a decision, made in review.
 *
 * The one web-accessible resource (Chrome only) is the content script's
 * on-demand part, served only at a per-session URL (`use_dynamic_url`):
 * docs/decisions/0008-content-script-on-demand.md. Firefox needs none.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (dir: string) =>
  JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Record<
    string,
    unknown
  >;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
};

const common = {
  name: 'Backstory',
  description:
    'The backstory of the people and events in the news, right where you read. Works offline; sends nothing.',
  version,
  icons: {
    16: 'icons/16.png',
    32: 'icons/32.png',
    48: 'icons/48.png',
    128: 'icons/128.png',
  },
  permissions: ['storage', 'contextMenus'],
  commands: {
    'toggle-site': {
      suggested_key: { default: 'Alt+Shift+O' },
      description: 'Turn Backstory on or off for this site',
    },
    'lookup-selection': {
      suggested_key: { default: 'Alt+Shift+L' },
      description: 'Look up the selected text in Backstory',
    },
  },
  options_ui: { page: 'options.html', open_in_tab: true },
  content_scripts: [
    {
      matches: ['http://*/*', 'https://*/*'],
      run_at: 'document_idle',
      css: ['content-scripts/content.css'],
      js: ['content-scripts/content.js'],
    },
  ],
};

describe('the manifest', () => {
  it('for Chrome (MV3) asks for storage and contextMenus only, and exposes one file, at a per-session URL only', () => {
    assert.deepEqual(read('chrome-mv3'), {
      manifest_version: 3,
      ...common,
      background: { service_worker: 'background.js' },
      action: { default_title: 'Backstory', default_popup: 'popup.html' },
      web_accessible_resources: [
        {
          resources: ['content-scripts/on-demand.js'],
          matches: ['http://*/*', 'https://*/*'],
          use_dynamic_url: true,
        },
      ],
    });
  });

  it('for Firefox (MV2) asks for storage and contextMenus only, with a gecko id, no data collection and no web-accessible resource', () => {
    assert.deepEqual(read('firefox-mv2'), {
      manifest_version: 2,
      ...common,
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.example',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
      background: { scripts: ['background.js'] },
      browser_action: {
        default_title: 'Backstory',
        default_popup: 'popup.html',
      },
    });
  });
});
