/**
 * `npm run dataset`: builds data/dataset.json from data/sources/*, and
 * data/prefilter.json (the content script's cheap "no mention here" test,
 * lib/prefilter.ts) from it.
 * `npm run dataset -- --check`: fails when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  compileDataset,
  DatasetBuildError,
  serializeDataset,
} from './dataset/compile-dataset';
import { readSources } from './dataset/read-sources';
import type { Dataset } from '../data/dataset-schema';
import { prefilterWords, serializePrefilter } from '../lib/prefilter';

const DATA_ROOT = fileURLToPath(new URL('../data', import.meta.url));
const OUTPUT = `${DATA_ROOT}/dataset.json`;
const PREFILTER_OUTPUT = `${DATA_ROOT}/prefilter.json`;

/** Builds the dataset JSON text from the files in `data/`. */
export function buildDatasetJson(dataRoot = DATA_ROOT): string {
  return serializeDataset(compileDataset(readSources(dataRoot)));
}

/** The JSON text of data/prefilter.json for a dataset's JSON text. */
export function buildPrefilterJson(datasetJson: string): string {
  const { entities } = JSON.parse(datasetJson) as Dataset;
  return serializePrefilter(prefilterWords(entities));
}

function main(): void {
  const checkOnly = process.argv.includes('--check');
  let json: string;
  try {
    json = buildDatasetJson();
  } catch (error) {
    if (!(error instanceof DatasetBuildError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const prefilter = buildPrefilterJson(json);
  if (checkOnly) {
    for (const [file, expected] of [
      [OUTPUT, json],
      [PREFILTER_OUTPUT, prefilter],
    ] as const) {
      if (readFileSync(file, 'utf8') !== expected) {
        console.error(
          `${file} is stale: run \`npm run dataset\` and commit the result.`,
        );
        process.exit(1);
      }
    }
    console.log('data/dataset.json and data/prefilter.json are up to date.');
    return;
  }
  writeFileSync(OUTPUT, json);
  writeFileSync(PREFILTER_OUTPUT, prefilter);
  const { entities } = JSON.parse(json) as { entities: unknown[] };
  console.log(`Wrote data/dataset.json: ${entities.length} entities.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main();

/**
 * The dataset as the content script ships it: minified, and without the
 * provenance notes of aliases and frames (`basis`/`note`), which no card
 * shows. Everything the matcher and the card read stays.
 */
export function contentScriptDatasetText(json: string): string {
  const dataset = JSON.parse(json) as { entities: Record<string, unknown>[] };
  for (const entity of dataset.entities) {
    for (const alias of (entity.aliases as Record<string, unknown>[]) ?? []) {
      delete alias.note;
      delete alias.basis;
    }
    const frame = entity.frame as Record<string, unknown> | undefined;
    if (frame) {
      delete frame.note;
      delete frame.basis;
    }
  }
  return JSON.stringify(dataset);
}
