/** Reads every `data/sources/<id>/` folder: source.yaml, article.txt, entities.yaml. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFiles } from './compile-dataset';

export const SOURCE_FILES = {
  meta: 'source.yaml',
  article: 'article.txt',
  curation: 'entities.yaml',
  ignore: 'coverage-ignore.yaml',
} as const;

/**
 * Lists the source folders under `dataRoot/sources`, sorted by name. Paths in
 * the result are relative to `dataRoot` so messages and the dataset read the
 * same on every machine. A missing file reads as empty text, which the build
 * then reports by name.
 */
export function readSources(
  dataRoot: string,
  displayPrefix = 'data/',
): SourceFiles[] {
  const sourcesDir = join(dataRoot, 'sources');
  const dirs = readdirSync(sourcesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return dirs.map((name) => {
    const dir = join(sourcesDir, name);
    const display = (file: string) =>
      displayPrefix + relative(dataRoot, join(dir, file));
    const read = (file: string) =>
      existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '';
    const hasIgnore = existsSync(join(dir, SOURCE_FILES.ignore));
    return {
      dir: relative(dataRoot, dir),
      metaPath: display(SOURCE_FILES.meta),
      metaText: read(SOURCE_FILES.meta),
      articlePath: display(SOURCE_FILES.article),
      articleText: read(SOURCE_FILES.article),
      curationPath: display(SOURCE_FILES.curation),
      curationText: read(SOURCE_FILES.curation),
      ...(hasIgnore
        ? {
            ignorePath: display(SOURCE_FILES.ignore),
            ignoreText: read(SOURCE_FILES.ignore),
          }
        : {}),
    };
  });
}
