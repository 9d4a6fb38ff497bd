/**
 * The content script's on-demand part as a build output: two WXT hooks,
 * installed by wxt.config.ts.
 *
 * `entrypoints/content/on-demand.ts` is the half of the content script that a
 * page mentioning nobody never needs (matcher, dataset, card UI, search,
 * page date). It is built as its own file, `content-scripts/on-demand.js`,
 * an ES module whose default export is the part's API, and the content
 * script loads it with `import(browser.runtime.getURL(…))` when the
 * prefilter passes or a lookup happens (entrypoints/content/page-engine.ts).
 *
 * WXT 0.20 has no module-format content scripts: content scripts and
 * unlisted scripts are each bundled alone as an IIFE. So the file is added
 * here as an unlisted script (WXT builds, minifies and lists it like any
 * other entrypoint, and `wxt prepare` types its path for `runtime.getURL`),
 * kept in entrypoints/content/ (it is the content script's own code, not
 * another entrypoint), and its one build is switched to the `es` format.
 * Its web-accessible-resource entry (Chrome only) is in wxt.config.ts; why:
 * docs/decisions/0008-content-script-on-demand.md.
 */
import { resolve } from 'node:path';
import type { InlineConfig as ViteConfig } from 'vite';
import type { Entrypoint, Wxt } from 'wxt';

export const ON_DEMAND_NAME = 'on-demand';
/** Where the part lands in the build (what `runtime.getURL` is given). */
export const ON_DEMAND_FILE = `content-scripts/${ON_DEMAND_NAME}.js`;
const SOURCE = 'entrypoints/content/on-demand.ts';

/** `entrypoints:resolved`: adds the part as an unlisted script in content-scripts/. */
export function addOnDemandEntrypoint(
  wxt: Wxt,
  entrypoints: Entrypoint[],
): void {
  entrypoints.push({
    type: 'unlisted-script',
    name: ON_DEMAND_NAME,
    inputPath: resolve(wxt.config.root, SOURCE),
    outputDir: resolve(wxt.config.outDir, 'content-scripts'),
    // Anonymous: no IIFE variable name is appended (WXT's footer would be a stray identifier in a module).
    options: { globalName: false },
    skipped: false,
  });
}

/** `vite:build:extendConfig`: builds the part (alone) as a minified ES module. */
export function buildOnDemandAsModule(
  entrypoints: readonly Entrypoint[],
  config: ViteConfig,
): void {
  if (entrypoints.length !== 1 || entrypoints[0]!.name !== ON_DEMAND_NAME)
    return;
  const lib = config.build?.lib;
  if (!lib)
    throw new Error('WXT no longer builds unlisted scripts in lib mode');
  // An ES module: its default export (what `main` returns) is what `import()` gives the content script.
  lib.formats = ['es'];
  // Minified like the other scripts (Vite leaves a library's ES output unminified for its consumers' bundlers).
  const output = config.build?.rollupOptions?.output;
  if (!output || Array.isArray(output))
    throw new Error('WXT no longer sets one output for unlisted scripts');
  output.minify = true;
  output.comments = { annotation: false };
}
