/**
 * The dependency rule, checked on every import in the tree:
 *
 *   entrypoints/<one>/ ──▶ components/ ──▶ lib/ ──▶ data/
 *   scripts/ ──▶ lib/, data/          tests/ may import anything
 *
 * - An entrypoint never imports another entrypoint (shared code moves down a
 *   layer), and nothing imports entrypoints/, scripts/ or tests/ from below.
 * - lib/ and data/ touch no browser, page or UI: no `document`, `window`,
 *   `browser`, Preact or WXT; components/ use no `browser` or WXT.
 * - lib/ and components/ take only types from data/dataset-schema.ts: its
 *   zod schema is for the build and the popup's trust boundary, and a value
 *   import would pull it into the content script.
 * - lib/, components/ and data/ import nothing from Node (`node:`).
 *
 * `npm run check` runs this on the tree; tests/scripts/check-architecture.test.ts
 * shows each rule failing on the crossings it exists to stop.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SourceFile = { path: string; source: string };
export type Violation = { path: string; line: number; message: string };

type Layer =
  | 'entrypoints'
  | 'components'
  | 'lib'
  | 'data'
  | 'scripts'
  | 'tests'
  | 'root';

/** Which layers each layer may import (its own included). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  entrypoints: ['entrypoints', 'components', 'lib', 'data'],
  components: ['components', 'lib', 'data'],
  lib: ['lib', 'data'],
  data: ['data'],
  scripts: ['scripts', 'lib', 'data'],
  tests: [
    'entrypoints',
    'components',
    'lib',
    'data',
    'scripts',
    'tests',
    'root',
  ],
  root: ['entrypoints', 'components', 'lib', 'data', 'scripts', 'root'],
};

const BROWSER_FREE: readonly Layer[] = ['lib', 'data'];
const PURE_LAYERS: readonly Layer[] = ['lib', 'components', 'data'];
const DATASET_SCHEMA = 'data/dataset-schema';
/** Packages that mean "browser glue" or "UI", by layer that may not use them. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  lib: /^(preact|wxt|#imports|@wxt-dev|webextension-polyfill|@floating-ui)/,
  data: /^(preact|wxt|#imports|@wxt-dev|webextension-polyfill|@floating-ui)/,
  components: /^(wxt|#imports|@wxt-dev|webextension-polyfill)/,
};
const PAGE_GLOBALS = /(?<![\w$.])(document|window|browser|chrome)\s*\./;

function layerOf(path: string): Layer {
  const top = path.split('/')[0]!;
  if (
    top === 'entrypoints' ||
    top === 'components' ||
    top === 'lib' ||
    top === 'data' ||
    top === 'scripts' ||
    top === 'tests'
  )
    return top;
  return 'root';
}

/** entrypoints/popup/App.tsx → "popup"; entrypoints/background.ts → "background". */
function entrypointOf(path: string): string {
  return path.split('/')[1]!.replace(/\.[^.]+$/, '');
}

type ImportLine = { specifier: string; line: number; typeOnly: boolean };

/** Every `import … from`, side-effect import, re-export and dynamic import. */
export function importsOf(source: string): ImportLine[] {
  const found: ImportLine[] = [];
  const pattern =
    /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[3] ?? match[4]!;
    const before = source.slice(0, match.index + match[0].indexOf(specifier));
    found.push({
      specifier,
      line: before.split('\n').length,
      typeOnly: match[2] !== undefined,
    });
  }
  return found;
}

/** A specifier as a path from the project root, or null for a package. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (/^[@~]{1,2}\//.test(specifier))
    return specifier.replace(/^[@~]{1,2}\//, '');
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** Code lines only: comments would otherwise "mention" document or window. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Crossings that exist today and have an owner. Each is removed by the change
 * that fixes it; a new crossing is never added here.
 */
const KNOWN_VIOLATIONS: readonly { path: string; message: RegExp }[] = [];

/** Violations not in the known list: what `npm run check` fails on. */
export function newViolations(violations: readonly Violation[]): Violation[] {
  return violations.filter(
    (v) =>
      !KNOWN_VIOLATIONS.some(
        (known) => known.path === v.path && known.message.test(v.message),
      ),
  );
}

export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const { path, source } of files) {
    const layer = layerOf(path);
    const add = (line: number, message: string) =>
      violations.push({ path, line, message });
    for (const { specifier, line, typeOnly } of importsOf(source)) {
      const target = resolveSpecifier(path, specifier);
      if (target === null) {
        if (FORBIDDEN_PACKAGES[layer]?.test(specifier))
          add(line, `${layer}/ may not import '${specifier}' (browser or UI)`);
        if (PURE_LAYERS.includes(layer) && specifier.startsWith('node:'))
          add(line, `${layer}/ may not import Node's '${specifier}'`);
        continue;
      }
      const targetLayer = layerOf(target);
      if (!ALLOWED[layer].includes(targetLayer)) {
        add(line, `${layer}/ may not import ${target} (${targetLayer}/)`);
        continue;
      }
      if (
        layer === 'entrypoints' &&
        targetLayer === 'entrypoints' &&
        entrypointOf(path) !== entrypointOf(target)
      ) {
        add(
          line,
          `entrypoint '${entrypointOf(path)}' may not import from entrypoint '${entrypointOf(target)}' (${target}); move shared code to components/ or lib/`,
        );
      }
      if (
        (layer === 'lib' || layer === 'components') &&
        target.replace(/\.ts$/, '') === DATASET_SCHEMA &&
        !typeOnly
      ) {
        add(
          line,
          `${layer}/ may import only types from ${DATASET_SCHEMA} (use data/ids.ts for ids and kinds)`,
        );
      }
    }
    if (BROWSER_FREE.includes(layer)) {
      withoutComments(source)
        .split('\n')
        .forEach((text, i) => {
          const hit = PAGE_GLOBALS.exec(text);
          if (hit) add(i + 1, `${layer}/ may not use '${hit[1]}' (pure layer)`);
        });
    }
  }
  return violations;
}

/** The tracked TypeScript files of the repository. */
export function trackedSources(root: string): SourceFile[] {
  const paths = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  return paths.map((path) => ({
    path,
    source: readFileSync(posix.join(root, path), 'utf8'),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const violations = newViolations(
    findViolations(trackedSources(process.cwd())),
  );
  for (const { path, line, message } of violations)
    console.error(`${path}:${line}: ${message}`);
  if (violations.length) {
    console.error(`${violations.length} layer violation(s).`);
    process.exit(1);
  }
  console.log('Architecture: every import follows the layer rule.');
}
