/**
 * Turns curated sources into the dataset, refusing anything it cannot back
 * with the sources. Pure: file contents in, dataset or problems out (the CLI in
 * scripts/build-dataset.ts does the reading and writing).
 *
 * Checks, each reported with the file, the entity and the field:
 * - the curation and metadata files parse and match their schemas;
 * - every evidence quote (and every quoted saying) occurs in its source;
 * - every relation target, participant and place is a known entity id;
 * - an id appears once per curation file (across files, entities merge by id);
 * - no alias is claimed by two entities unless both mark it `ambiguous`;
 * - the merged entity is complete (name, description, summary, aliases; for
 *   events date, status and participants);
 * - every proper name in a source is covered by an alias or deliberately
 *   ignored, with a reason, in that source's `coverage-ignore.yaml`.
 */
import * as z from 'zod/mini';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
  CoverageIgnoreSchema,
  CurationFileSchema,
  DATASET_VERSION,
  DatasetSchema,
  EntitySchema,
  SourceMetaSchema,
  type CuratedEntity,
  type Dataset,
  type Entity,
  type Evidence,
  type SourceMeta,
} from '../../data/dataset-schema';
import { findUncoveredNames } from './find-uncovered-names';
import { normalizeQuoteText } from './normalize-quote';

// zod/mini ships without messages ("Invalid input"); the build wants readable ones.
z.config(z.locales.en());

/** One source as read from disk: its three files, by path and content. */
export type SourceFiles = {
  dir: string;
  metaPath: string;
  metaText: string;
  articlePath: string;
  articleText: string;
  curationPath: string;
  curationText: string;
  /** Optional `coverage-ignore.yaml`: names the coverage check may skip, with reasons. */
  ignorePath?: string;
  ignoreText?: string;
};

export type Problem = {
  file: string;
  entity?: string;
  field?: string;
  message: string;
};

export function formatProblem(problem: Problem): string {
  const where = [
    problem.entity === undefined ? undefined : `entity "${problem.entity}"`,
    problem.field === undefined ? undefined : `field ${problem.field}`,
  ].filter(Boolean);
  return `${problem.file}: ${where.length ? `${where.join(', ')}: ` : ''}${problem.message}`;
}

export class DatasetBuildError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The dataset build found ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'DatasetBuildError';
  }
}

type ParsedSource = {
  meta: SourceMeta;
  files: SourceFiles;
  normalizedText: string;
  entities: CuratedEntity[];
};

/** Compiles the dataset; throws `DatasetBuildError` listing every problem found. */
export function compileDataset(sources: SourceFiles[]): Dataset {
  const problems: Problem[] = [];
  const parsed = sources
    .map((files) => parseSource(files, problems))
    .filter((source): source is ParsedSource => source !== undefined)
    // Oldest first, so the newest source's one-line description wins a merge.
    .sort(
      (a, b) =>
        a.meta.date.localeCompare(b.meta.date) ||
        a.meta.id.localeCompare(b.meta.id),
    );

  checkUniqueSourceIds(parsed, problems);
  for (const source of parsed) checkEvidence(source, problems);
  const merged = mergeEntities(parsed, problems);
  checkReferences(merged, problems);
  checkAliasClaims(merged, problems);
  if (!problems.length) {
    const entities = [...merged.values()].map(({ entity }) => entity);
    for (const source of parsed) checkCoverage(source, entities, problems);
  }
  if (problems.length) throw new DatasetBuildError(problems);

  const dataset = {
    version: DATASET_VERSION,
    sources: parsed.map(({ meta, files }) => ({
      ...meta,
      file: `${files.dir}/${basename(files.articlePath)}`,
    })),
    entities: [...merged.values()]
      .sort((a, b) => a.entity.id.localeCompare(b.entity.id))
      .map(({ entity }) => entity),
  };
  const result = DatasetSchema.safeParse(dataset);
  if (!result.success) {
    throw new DatasetBuildError([
      { file: 'data/dataset.json', message: z.prettifyError(result.error) },
    ]);
  }
  return result.data;
}

/** Serializes deterministically: same input, same bytes. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parseYamlFile(
  path: string,
  text: string,
  problems: Problem[],
): unknown {
  try {
    return parseYaml(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const message =
      error instanceof YAMLParseError ? error.message : String(error);
    problems.push({ file: path, message: `is not valid YAML: ${message}` });
    return undefined;
  }
}

/** Names a zod issue's place: `entities[3].facts[0].evidence` → entity id + field path. */
function locateIssue(
  raw: unknown,
  path: PropertyKey[],
): { entity?: string; field?: string } {
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const entities = (raw as { entities?: unknown[] }).entities;
    const entry = entities?.[path[1]] as { id?: unknown } | undefined;
    const id = typeof entry?.id === 'string' ? entry.id : `#${path[1] + 1}`;
    return { entity: id, field: formatPath(path.slice(2)) || undefined };
  }
  return { field: formatPath(path) || undefined };
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number'
        ? `[${key}]`
        : `${index ? '.' : ''}${String(key)}`,
    )
    .join('');
}

function schemaProblems(
  file: string,
  raw: unknown,
  error: z.core.$ZodError,
): Problem[] {
  return error.issues.map((issue) => ({
    file,
    ...locateIssue(raw, issue.path),
    message: issue.message,
  }));
}

function parseSource(
  files: SourceFiles,
  problems: Problem[],
): ParsedSource | undefined {
  const rawMeta = parseYamlFile(files.metaPath, files.metaText, problems);
  const rawCuration = parseYamlFile(
    files.curationPath,
    files.curationText,
    problems,
  );
  if (rawMeta === undefined || rawCuration === undefined) return undefined;

  const meta = SourceMetaSchema.safeParse(rawMeta);
  if (!meta.success)
    problems.push(...schemaProblems(files.metaPath, rawMeta, meta.error));
  const curation = CurationFileSchema.safeParse(rawCuration);
  if (!curation.success)
    problems.push(
      ...schemaProblems(files.curationPath, rawCuration, curation.error),
    );
  if (!files.articleText.trim())
    problems.push({ file: files.articlePath, message: 'is empty' });
  if (!meta.success || !curation.success) return undefined;

  const seen = new Set<string>();
  for (const entity of curation.data.entities) {
    if (seen.has(entity.id)) {
      problems.push({
        file: files.curationPath,
        entity: entity.id,
        field: 'id',
        message: 'id repeats in this file',
      });
    }
    seen.add(entity.id);
  }
  return {
    meta: meta.data,
    files,
    normalizedText: normalizeQuoteText(files.articleText),
    entities: curation.data.entities,
  };
}

function checkUniqueSourceIds(
  sources: ParsedSource[],
  problems: Problem[],
): void {
  const seen = new Set<string>();
  for (const { meta, files } of sources) {
    if (seen.has(meta.id)) {
      problems.push({
        file: files.metaPath,
        field: 'id',
        message: `source id "${meta.id}" repeats`,
      });
    }
    seen.add(meta.id);
  }
}

function checkEvidence(source: ParsedSource, problems: Problem[]): void {
  const check = (entity: string, field: string, quote: string): void => {
    if (!source.normalizedText.includes(normalizeQuoteText(quote))) {
      problems.push({
        file: source.files.curationPath,
        entity,
        field,
        message: `quote not found in source "${source.meta.id}" (${source.files.articlePath}): "${quote}"`,
      });
    }
  };
  for (const entity of source.entities) {
    for (const [i, fact] of (entity.facts ?? []).entries()) {
      check(entity.id, `facts[${i}].evidence`, fact.evidence);
    }
    entity.quotes?.forEach((quote, i) => {
      check(entity.id, `quotes[${i}].text`, quote.text);
      check(entity.id, `quotes[${i}].evidence`, quote.evidence);
    });
    for (const [i, relation] of (entity.relations ?? []).entries()) {
      check(entity.id, `relations[${i}].evidence`, relation.evidence);
    }
    if (entity.date?.evidence !== undefined)
      check(entity.id, 'date.evidence', entity.date.evidence);
    // An alias is from the article unless marked curated (with a note): the
    // dataset stays honest about what its source says.
    const lowerText = source.normalizedText.toLowerCase();
    for (const [i, alias] of (entity.aliases ?? []).entries()) {
      if (alias.basis === 'curated') continue;
      if (!lowerText.includes(normalizeQuoteText(alias.text).toLowerCase())) {
        problems.push({
          file: source.files.curationPath,
          entity: entity.id,
          field: `aliases[${i}]`,
          message: `"${alias.text}" is not in source "${source.meta.id}": mark it basis: curated with a note saying where it comes from`,
        });
      }
    }
  }
}

type Merged = { entity: Entity; file: string };

/** Merges curated entries by id, oldest source first; facts keep their source. */
function mergeEntities(
  sources: ParsedSource[],
  problems: Problem[],
): Map<string, Merged> {
  const drafts = new Map<
    string,
    { draft: Record<string, unknown>; file: string }
  >();
  for (const source of sources) {
    const evidence = (quote: string): Evidence => ({
      source: source.meta.id,
      quote,
    });
    for (const curated of source.entities) {
      const file = source.files.curationPath;
      const existing = drafts.get(curated.id);
      if (existing && existing.draft.kind !== curated.kind) {
        problems.push({
          file,
          entity: curated.id,
          field: 'kind',
          message: `is "${curated.kind}" here but "${String(existing.draft.kind)}" in ${existing.file}`,
        });
        continue;
      }
      const draft = existing?.draft ?? {
        id: curated.id,
        kind: curated.kind,
        sources: [],
      };
      const addList = (
        key: string,
        items: unknown[] | undefined,
        sameAs?: (a: never, b: never) => boolean,
      ) => {
        const list = (draft[key] as unknown[] | undefined) ?? [];
        for (const item of items ?? []) {
          if (
            !sameAs ||
            !list.some((other) => sameAs(other as never, item as never))
          )
            list.push(item);
        }
        draft[key] = list;
      };
      for (const key of [
        'name',
        'description',
        'summary',
        'status',
        'place',
        'frame',
        'sharedName',
      ] as const) {
        if (curated[key] !== undefined) draft[key] = curated[key];
      }
      if (curated.date) {
        const { evidence: dateQuote, ...date } = curated.date;
        draft.date =
          dateQuote === undefined
            ? date
            : { ...date, evidence: evidence(dateQuote) };
      }
      addList('sources', [source.meta.id], (a: string, b: string) => a === b);
      addList(
        'aliases',
        curated.aliases,
        (a: { text: string }, b: { text: string }) => a.text === b.text,
      );
      addList('topics', curated.topics, (a: string, b: string) => a === b);
      addList(
        'links',
        curated.links,
        (a: { url: string }, b: { url: string }) => a.url === b.url,
      );
      addList(
        'participants',
        curated.participants,
        (a: string, b: string) => a === b,
      );
      addList(
        'facts',
        curated.facts?.map((fact) => ({
          text: fact.text,
          evidence: evidence(fact.evidence),
        })),
      );
      addList(
        'relations',
        curated.relations?.map((r) => ({
          ...r,
          evidence: evidence(r.evidence),
        })),
      );
      if (curated.kind === 'person') {
        addList(
          'quotes',
          curated.quotes?.map((q) => ({
            ...q,
            evidence: evidence(q.evidence),
          })),
        );
      } else if (curated.quotes?.length) {
        problems.push({
          file,
          entity: curated.id,
          field: 'quotes',
          message: 'only people have quotes',
        });
      }
      drafts.set(curated.id, { draft, file: existing?.file ?? file });
    }
  }

  const merged = new Map<string, Merged>();
  for (const [id, { draft, file }] of drafts) {
    const candidate = tidyEntity(draft);
    const result = EntitySchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = formatPath(issue.path);
        const missing =
          issue.code === 'invalid_type' && issue.input === undefined;
        problems.push({
          file,
          entity: id,
          field: field || undefined,
          message: missing ? 'is required but missing or empty' : issue.message,
        });
      }
      continue;
    }
    merged.set(id, { entity: result.data, file });
  }
  return merged;
}

/** Drops the fields a kind does not have, and optional lists that stayed empty. */
function tidyEntity(draft: Record<string, unknown>): Record<string, unknown> {
  const entity: Record<string, unknown> = { ...draft };
  for (const key of ['links', 'topics']) {
    if (Array.isArray(entity[key]) && (entity[key] as unknown[]).length === 0)
      delete entity[key];
  }
  if (draft.kind === 'person') entity.quotes ??= [];
  if (draft.kind !== 'event') delete entity.participants;
  return entity;
}

function checkReferences(
  merged: Map<string, Merged>,
  problems: Problem[],
): void {
  for (const { entity, file } of merged.values()) {
    const check = (field: string, target: string): void => {
      if (!merged.has(target)) {
        problems.push({
          file,
          entity: entity.id,
          field,
          message: `points to unknown entity id "${target}"`,
        });
      }
    };
    for (const [i, relation] of entity.relations.entries()) {
      check(`relations[${i}].target`, relation.target);
    }
    if (entity.kind === 'event') {
      for (const [i, id] of entity.participants.entries()) {
        check(`participants[${i}]`, id);
      }
      if (entity.place !== undefined) check('place', entity.place);
    }
  }
}

/** Alias keys fold case and spacing: "GOP" and "gop" are one claim. */
function aliasKey(text: string): string {
  return normalizeQuoteText(text).toLocaleLowerCase('en-US');
}

function checkAliasClaims(
  merged: Map<string, Merged>,
  problems: Problem[],
): void {
  const claims = new Map<string, { id: string; ambiguous: boolean }[]>();
  for (const { entity } of merged.values()) {
    for (const alias of entity.aliases) {
      const list = claims.get(aliasKey(alias.text)) ?? [];
      list.push({ id: entity.id, ambiguous: alias.ambiguous === true });
      claims.set(aliasKey(alias.text), list);
    }
  }
  for (const [key, list] of claims) {
    const ids = [...new Set(list.map((claim) => claim.id))];
    if (ids.length < 2 || list.every((claim) => claim.ambiguous)) continue;
    for (const claim of list) {
      const alias = merged
        .get(claim.id)!
        .entity.aliases.findIndex((a) => aliasKey(a.text) === key);
      problems.push({
        file: merged.get(claim.id)!.file,
        entity: claim.id,
        field: `aliases[${alias}]`,
        message: `alias "${key}" is also claimed by ${ids.filter((id) => id !== claim.id).join(', ')}; mark it ambiguous on every entity that claims it`,
      });
    }
  }
}

function checkCoverage(
  source: ParsedSource,
  entities: Entity[],
  problems: Problem[],
): void {
  const { files } = source;
  let ignored: { name: string; reason: string }[] = [];
  if (files.ignorePath !== undefined && files.ignoreText !== undefined) {
    const raw = parseYamlFile(files.ignorePath, files.ignoreText, problems);
    const result = CoverageIgnoreSchema.safeParse(raw);
    if (!result.success) {
      problems.push(...schemaProblems(files.ignorePath, raw, result.error));
      return;
    }
    ignored = result.data.ignored;
  }
  const found = findUncoveredNames(source.files.articleText, { entities });
  for (const { name, context } of found) {
    if (ignored.some((entry) => entry.name === name)) continue;
    problems.push({
      file: files.articlePath,
      message: `proper name "${name}" (${context}) is covered by no entity alias; add an alias or list it in ${files.articlePath.replace(/[^/]*$/, '')}coverage-ignore.yaml with a reason`,
    });
  }
  for (const entry of ignored) {
    if (!found.some(({ name }) => name === entry.name)) {
      problems.push({
        file: files.ignorePath ?? files.dir,
        field: 'ignored',
        message: `"${entry.name}" is no longer an uncovered name in the source; remove it from the list`,
      });
    }
  }
}
