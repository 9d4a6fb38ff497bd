/**
 * The benchmark's pages, written to .output/bench/pages/ and served like any
 * fixture: three news pages (≈ 50 KB, 500 KB, 5 MB of visible text), one page
 * without any mention (≈ 500 KB), and ≈ 50 KB of further articles to append.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import datasetJson from '../../data/dataset.json';
import { parseDataset, type Entity } from '../../data/dataset-schema';
import {
  allAliases,
  generateArticles,
  generatePage,
  mentionPlan,
} from './generate-page';

export const BENCH_DIR = '.output/bench';
export const PAGES_DIR = join(BENCH_DIR, 'pages');

export type PageInfo = {
  /** Short name used in tables ("50 KB"). */
  label: string;
  file: string;
  /** Visible text, UTF-8 bytes. */
  textBytes: number;
  htmlBytes: number;
  planted: number;
  nearMisses: number;
  mentions: boolean;
};

export type BenchPages = {
  news: PageInfo[];
  noMentions: PageInfo;
  appendix: { html: string; textBytes: number; planted: number };
  aliases: string[];
  entities: readonly Entity[];
};

export type PageSizes = { label: string; bytes: number }[];

export const DEFAULT_SIZES: PageSizes = [
  { label: '50 KB', bytes: 50_000 },
  { label: '500 KB', bytes: 500_000 },
  { label: '5 MB', bytes: 5_000_000 },
];

export function loadEntities(): readonly Entity[] {
  return parseDataset(datasetJson).entities;
}

/** Generates and writes the pages; deterministic for the same sizes and dataset. */
export function writeBenchPages(
  sizes: PageSizes = DEFAULT_SIZES,
  noMentionBytes = 500_000,
  appendBytes = 50_000,
  dir = PAGES_DIR,
): BenchPages {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'blank.html'),
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n',
  );
  const entities = loadEntities();
  const plan = mentionPlan(entities);
  const write = (
    file: string,
    label: string,
    bytes: number,
    seed: number,
    mentions: boolean,
  ): PageInfo => {
    const page = generatePage({
      seed,
      targetTextBytes: bytes,
      mentions,
      plan,
      title: `Benchmark page ${label}`,
    });
    writeFileSync(join(dir, file), page.html);
    return {
      label,
      file,
      textBytes: page.textBytes,
      htmlBytes: Buffer.byteLength(page.html),
      planted: page.planted,
      nearMisses: page.nearMisses,
      mentions,
    };
  };
  const news = sizes.map(({ label, bytes }, i) =>
    write(`news-${i}.html`, label, bytes, 1000 + i, true),
  );
  const noMentions = write(
    'no-mentions.html',
    `${Math.round(noMentionBytes / 1000)} KB, no mention`,
    noMentionBytes,
    4242,
    false,
  );
  const appendix = generateArticles({
    seed: 777,
    targetTextBytes: appendBytes,
    mentions: true,
    plan,
    firstArticle: 900_000,
  });
  return {
    news,
    noMentions,
    appendix: {
      html: appendix.html,
      textBytes: appendix.textBytes,
      planted: appendix.planted,
    },
    aliases: allAliases(entities),
    entities,
  };
}

/** One whole-word, case-sensitive pattern of all aliases, longest first (for mark.js and findAndReplaceDOMText). */
export function combinedPattern(aliases: readonly string[]): {
  source: string;
  flags: string;
} {
  const escapeRegExp = (text: string) =>
    text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...new Set(aliases)].sort(
    (a, b) => b.length - a.length || a.localeCompare(b),
  );
  return {
    source: `(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    flags: 'gu',
  };
}
