/**
 * `npm run dataset`: builds data/dataset.json from data/sources/*.
 * `npm run dataset -- --check`: fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  compileDataset,
  DatasetBuildError,
  serializeDataset,
} from './dataset/compile-dataset';
import { readSources } from './dataset/read-sources';

const DATA_ROOT = fileURLToPath(new URL('../data', import.meta.url));
const OUTPUT = `${DATA_ROOT}/dataset.json`;

/** Builds the dataset JSON text from the files in `data/`. */
export function buildDatasetJson(dataRoot = DATA_ROOT): string {
  return serializeDataset(compileDataset(readSources(dataRoot)));
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
  if (checkOnly) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== json) {
      console.error(
        'data/dataset.json is stale: run `npm run dataset` and commit the result.',
      );
      process.exit(1);
    }
    console.log('data/dataset.json is up to date.');
    return;
  }
  writeFileSync(OUTPUT, json);
  const { entities } = JSON.parse(json) as { entities: unknown[] };
  console.log(`Wrote data/dataset.json: ${entities.length} entities.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main();
