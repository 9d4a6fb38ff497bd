import { describe, expect, it } from 'vitest';
import {
  findViolations,
  importsOf,
  newViolations,
  trackedSources,
} from '../../scripts/check-architecture';

const file = (path: string, source: string) => ({ path, source });
const messagesFor = (path: string, source: string) =>
  findViolations([file(path, source)]).map((v) => v.message);

describe('the layer checker', () => {
  it.each([
    [
      'the popup importing the content script’s settings store',
      'entrypoints/popup/App.tsx',
      "import { loadSettings } from '../content/settings-store';",
      /entrypoint 'popup' may not import from entrypoint 'content'/,
    ],
    [
      'the popup importing the content script’s CSS',
      'entrypoints/popup/main.tsx',
      "import '../content/card.css';",
      /entrypoint 'popup' may not import from entrypoint 'content'/,
    ],
    [
      'the background importing the content script through the @ alias',
      'entrypoints/background/toggle-site.ts',
      "import { updateSettings } from '@/entrypoints/content/settings-store';",
      /entrypoint 'background' may not import from entrypoint 'content'/,
    ],
    [
      'the bench importing the content script',
      'scripts/bench/engine-probe.ts',
      "import { PageAnnotations } from '../../entrypoints/content/annotate-dom';",
      /scripts\/ may not import entrypoints\/content\/annotate-dom/,
    ],
    [
      'lib pulling the dataset schema (a value) into the content script',
      'lib/messages.ts',
      "import { IdSchema } from '../data/dataset-schema';",
      /lib\/ may import only types from data\/dataset-schema/,
    ],
    [
      'a component importing an entrypoint',
      'components/EntityCard.tsx',
      "import { createCardHost } from '../entrypoints/content/card-host';",
      /components\/ may not import entrypoints\/content\/card-host/,
    ],
    [
      'lib importing a component',
      'lib/search-entities.ts',
      "import { EntityCard } from '../components/EntityCard';",
      /lib\/ may not import components\/EntityCard/,
    ],
    [
      'data importing lib',
      'data/dataset-schema.ts',
      "import { aliasKey } from '../lib/alias-table';",
      /data\/ may not import lib\/alias-table/,
    ],
    [
      'lib using Preact',
      'lib/match-mentions.ts',
      "import { h } from 'preact';",
      /lib\/ may not import 'preact'/,
    ],
    [
      'lib using WXT',
      'lib/settings-store.ts',
      "import { storage } from '#imports';",
      /lib\/ may not import '#imports'/,
    ],
    [
      'a component using the extension API',
      'components/SettingsForm.tsx',
      "import { browser } from 'wxt/browser';",
      /components\/ may not import 'wxt\/browser'/,
    ],
    [
      'lib importing Node',
      'lib/segment-text.ts',
      "import { readFileSync } from 'node:fs';",
      /lib\/ may not import Node's 'node:fs'/,
    ],
    [
      'lib touching the page',
      'lib/match-mentions.ts',
      'export const title = () => document.title;',
      /lib\/ may not use 'document'/,
    ],
    [
      'data touching the extension API',
      'data/ids.ts',
      'export const id = () => browser.runtime.id;',
      /data\/ may not use 'browser'/,
    ],
  ])('fails on %s', (_name, path, source, message) => {
    expect(messagesFor(path, source)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      'an entrypoint importing its own files',
      'entrypoints/content/index.ts',
      "import { PageAnnotator } from './page-annotator';",
    ],
    [
      'an entrypoint importing every layer below',
      'entrypoints/popup/App.tsx',
      "import { LookupPanel } from '@/components/LookupPanel';\nimport { MESSAGE } from '@/lib/messages';\nimport datasetJson from '@/data/dataset.json';",
    ],
    [
      'a component importing its CSS',
      'entrypoints/content/card-host.tsx',
      "import cardCss from '@/components/EntityCard.css?inline';",
    ],
    [
      'lib taking types from the dataset schema',
      'lib/match-mentions.ts',
      "import type { Entity } from '../data/dataset-schema';",
    ],
    [
      'scripts using lib and data',
      'scripts/build-dataset.ts',
      "import { aliasKey } from '../lib/alias-table';\nimport { parseDataset } from '../data/dataset-schema';",
    ],
    [
      'tests importing anything',
      'tests/e2e/support.ts',
      "import { launchWithExtension } from '../../scripts/launch-browser';\nimport { x } from '../../entrypoints/content/index';",
    ],
    [
      'the word document in a lib comment',
      'lib/segment-text.ts',
      '// The document order of pieces.\n/* window. */ export const x = 1;',
    ],
  ])('allows %s', (_name, path, source) => {
    expect(messagesFor(path, source)).toEqual([]);
  });

  it('reads every import form, with its line', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "import './c.css';",
      "export { d } from './d';",
      "const e = await import('./e');",
      'import {',
      '  f,',
      "} from './f';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a', line: 1, typeOnly: false },
      { specifier: './b', line: 2, typeOnly: true },
      { specifier: './c.css', line: 3, typeOnly: false },
      { specifier: './d', line: 4, typeOnly: false },
      { specifier: './e', line: 5, typeOnly: false },
      { specifier: './f', line: 8, typeOnly: false },
    ]);
  });
});

describe('the tree', () => {
  it('follows the layer rule', () => {
    expect(
      newViolations(findViolations(trackedSources(process.cwd()))),
    ).toEqual([]);
  });
});
