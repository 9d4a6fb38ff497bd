/**
 * Where our time goes: the content script's engine (the same modules the
 * extension bundles: dataset parsing, MentionMatcher, PageEvidence,
 * joinPieces, iterateSegments, PageAnnotations) run phase by phase, unsliced,
 * in a page WITHOUT the extension, each phase timed on its own. Bundled by
 * esbuild (unminified, so CPU profiles name functions) and installed as
 * `window.__benchEngine`.
 *
 * The wrap phase mirrors PageAnnotator.wrapSegment (entrypoints/content/page-annotator.ts).
 * Runs in the browser.
 */
import datasetJson from '../../data/dataset.json';
import { parseDataset, type Entity } from '../../data/dataset-schema';
import {
  iterateSegments,
  PageAnnotations,
  type WrapRange,
} from '../../entrypoints/content/annotate-dom';
import { aliasKey } from '../../lib/alias-table';
import {
  MentionMatcher,
  PageEvidence,
  type MentionReason,
} from '../../lib/match-mentions';
import { joinPieces } from '../../lib/segment-text';
import { US_STATES, WORD_CHAR_CLASS } from '../../lib/text-words';

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/** The case forms of an alias the local rules can ever accept (see caseFits in lib/local-context.ts). */
function caseForms(key: string, form: string): string[] {
  const forms = new Set([
    key,
    key[0]!.toUpperCase() + key.slice(1),
    key.toUpperCase(),
  ]);
  forms.add(
    key.replace(
      /(^|[\s-])(\p{Ll})/gu,
      (_all, space: string, letter: string) => space + letter.toUpperCase(),
    ),
  );
  if (form === 'phrase') forms.add(key[0]!.toLowerCase() + key.slice(1));
  return [...forms];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aliasPattern(key: string): string {
  return escapeRegExp(key)
    .replace(/ /g, '[\\s\\u00A0\\u202F]+')
    .replace(/'/g, "['’‘]")
    .replace(/-/g, '[-‐‑]');
}

/** Match counts and time of one RegExp over all texts, warm (second of two rounds). */
function execOnly(
  pattern: RegExp,
  texts: readonly string[],
  checkBefore = false,
): { ms: number; matches: number } {
  const wordChar = new RegExp(WORD_CHAR_CLASS, 'u');
  let matches = 0;
  let ms = 0;
  for (let round = 0; round < 2; round += 1) {
    matches = 0;
    const started = performance.now();
    for (const text of texts) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (
          checkBefore &&
          match.index > 0 &&
          wordChar.test(text[match.index - 1]!)
        )
          continue;
        matches += 1;
      }
    }
    ms = performance.now() - started;
  }
  return { ms, matches };
}

function run() {
  const [dataset, parseMs] = time(() => parseDataset(datasetJson));
  const [matcher, matcherMs] = time(() => new MentionMatcher(dataset.entities));

  const annotations = new PageAnnotations();
  const [segments, walkMs] = time(() => [
    ...iterateSegments(document.body, annotations.ownNodes),
  ]);
  const [joined, joinMs] = time(() =>
    segments.map((segment) => {
      const snapshot = segment.map((node) => node.data);
      return joinPieces(snapshot);
    }),
  );
  const [scans, scanMs] = time(() =>
    joined.map((text) => matcher.scan(text.text)),
  );
  const evidence = new PageEvidence();
  const [, evidenceMs] = time(() =>
    scans.forEach((scan, i) => {
      evidence.add(scan, joined[i]!.text);
    }),
  );
  const withCandidates = scans
    .map((_scan, i) => i)
    .filter((i) => scans[i]!.candidates.length > 0);
  const linked = new Set<string>();
  const [resolved, resolveMs] = time(() =>
    withCandidates.map((i) => matcher.resolve(scans[i]!, evidence, { linked })),
  );
  let groups = 0;
  let elements = 0;
  const reasons = new WeakMap<Element, MentionReason>();
  const [, wrapMs] = time(() => {
    withCandidates.forEach((i, k) => {
      const perNode = new Map<number, WrapRange[]>();
      const reasonsPerNode = new Map<number, MentionReason[]>();
      for (const mention of resolved[k]!) {
        const pieces = joined[i]!.toPieces(mention.start, mention.end);
        if (pieces.length > 1) groups += 1;
        const group = pieces.length > 1 ? String(groups) : undefined;
        for (const range of pieces) {
          perNode.set(range.piece, [
            ...(perNode.get(range.piece) ?? []),
            { ...range, entityId: mention.entityId, group },
          ]);
          reasonsPerNode.set(range.piece, [
            ...(reasonsPerNode.get(range.piece) ?? []),
            mention.reason,
          ]);
        }
      }
      for (const [piece, ranges] of perNode) {
        const wrappers = annotations.wrap(segments[i]![piece]!, ranges);
        const nodeReasons = reasonsPerNode.get(piece)!;
        for (const [j, wrapper] of wrappers.entries()) {
          reasons.set(wrapper, nodeReasons[j]!);
        }
        elements += wrappers.length;
      }
    });
  });
  // Same task as the writes: no frame has laid them out yet.
  const layoutAfterAllMs = forcedRelayout();
  lastTexts = joined.map((text) => text.text);
  lastMatcher = matcher;
  lastKeys = dataset.entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      key: aliasKey(alias.text),
      form: alias.form,
    })),
  );

  return {
    chars: lastTexts.reduce((sum, text) => sum + text.length, 0),
    segments: segments.length,
    textNodes: segments.reduce((sum, segment) => sum + segment.length, 0),
    segmentsWithCandidates: withCandidates.length,
    candidates: scans.reduce((sum, scan) => sum + scan.candidates.length, 0),
    mentions: resolved.reduce((sum, list) => sum + list.length, 0),
    elements,
    startup: { parseMs, matcherMs },
    phases: { walkMs, joinMs, scanMs, evidenceMs, resolveMs, wrapMs },
    layoutAfterAllMs,
  };
}

/** Read-only floor on the untouched page, for scale (call before `run`). */
function floor(): number {
  return time(() => {
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      chars += (node as Text).data.length;
    return chars;
  })[1];
}

/** Style and layout forced once, right after `run` wrapped everything (named, so CPU profiles show it). */
function forcedRelayout(): number {
  const started = performance.now();
  void document.body.offsetHeight;
  return performance.now() - started;
}

let lastTexts: string[] = [];
let lastMatcher: MentionMatcher | null = null;
let lastKeys: Array<{ key: string; form: string }> = [];

/** After `run`: the scan again, warm, and its regular expressions alone, plus cheaper alternatives for the alias RegExp. */
function regExpCosts() {
  const matcher = lastMatcher!;
  const texts = lastTexts;
  const keys = lastKeys;
  // Inside scan, warm: the three regular expressions alone, then the rest (local rules, fallbacks, bookkeeping).
  const internals = matcher as unknown as {
    pattern: RegExp;
    topicPattern: RegExp | null;
  };
  const [, scanWarmMs] = time(() =>
    texts.forEach((text) => {
      matcher.scan(text);
    }),
  );
  const topics = internals.topicPattern
    ? execOnly(internals.topicPattern, texts)
    : { ms: 0, matches: 0 };
  const states = execOnly(new RegExp(US_STATES.source, US_STATES.flags), texts);
  const aliases = execOnly(
    new RegExp(internals.pattern.source, internals.pattern.flags),
    texts,
  );

  // Alternatives for the alias RegExp (same matches where the rules could accept them).
  const alternation = (list: string[]) =>
    [...new Set(list)]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .map(aliasPattern)
      .join('|');
  const anyCase = alternation(keys.map(({ key }) => key));
  const exactCases = alternation(
    keys.flatMap(({ key, form }) =>
      form === 'handle' ? [key] : caseForms(key, form),
    ),
  );
  const handles = keys
    .filter(({ form }) => form === 'handle')
    .map(({ key }) => key);
  const lookbehind = `(?<!${WORD_CHAR_CLASS})`;
  const lookahead = `(?!${WORD_CHAR_CLASS})`;
  const variants = {
    current: aliases,
    noLookbehind: execOnly(
      new RegExp(`(?:${anyCase})${lookahead}`, 'giu'),
      texts,
      true,
    ),
    caseSensitive: execOnly(
      new RegExp(`${lookbehind}(?:${exactCases})${lookahead}`, 'gu'),
      texts,
    ),
    caseSensitiveNoLookbehind: execOnly(
      new RegExp(`(?:${exactCases})${lookahead}`, 'gu'),
      texts,
      true,
    ),
    handlesOnlyAnyCase: handles.length,
  };

  return {
    scanWarm: {
      totalMs: scanWarmMs,
      topicsMs: topics.ms,
      statesMs: states.ms,
      aliasRegExpMs: aliases.ms,
      aliasMatches: aliases.matches,
    },
    aliasRegExpVariants: variants,
  };
}

/** Median of three timings of `work`. */
function median3(work: () => unknown): number {
  const times = [0, 1, 2].map(() => time(work)[1]).sort((a, b) => a - b);
  return times[1]!;
}

/**
 * After `run` (warm, same DOM): what walking the page costs with each ingredient
 * of iterateSegments added: a bare text walk, elements too, a JS NodeFilter
 * callback per node, and the real thing (filter, skip rules, block lookup, generator).
 */
function walkCosts() {
  const body = document.body;
  const textsOnly = median3(() => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      chars += (node as Text).data.length;
    return chars;
  });
  const elementsToo = median3(() => {
    const walker = document.createTreeWalker(
      body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.nodeType === 3) chars += (node as Text).data.length;
    return chars;
  });
  const withFilter = median3(() => {
    const walker = document.createTreeWalker(
      body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      {
        acceptNode: (node) =>
          node.nodeType === 3
            ? NodeFilter.FILTER_ACCEPT
            : NodeFilter.FILTER_SKIP,
      },
    );
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      chars += (node as Text).data.length;
    return chars;
  });
  const iterate = median3(() => {
    let chars = 0;
    for (const segment of iterateSegments(body, new WeakSet()))
      for (const node of segment) chars += node.data.length;
    return chars;
  });
  return {
    textsOnlyMs: textsOnly,
    elementsTooMs: elementsToo,
    jsFilterMs: withFilter,
    iterateSegmentsMs: iterate,
  };
}

/**
 * Matching cost for a given dataset: building the matcher, then `scan` over
 * `texts` (median of `rounds`, the first round dropped as warm-up when there
 * are more than two). No DOM.
 */
function scanCost(entities: Entity[], texts: string[], rounds: number) {
  const [matcher, buildMs] = time(() => new MentionMatcher(entities));
  const times: number[] = [];
  let candidates = 0;
  for (let round = 0; round < rounds; round += 1) {
    candidates = 0;
    const started = performance.now();
    for (const text of texts)
      candidates += matcher.scan(text).candidates.length;
    times.push(performance.now() - started);
  }
  const kept = (rounds > 2 ? times.slice(1) : times).sort((a, b) => a - b);
  // The alias RegExp alone, as built today and as a trie of the same keys (same matches).
  const keys = entities.flatMap((entity) =>
    entity.aliases.map((alias) => aliasKey(alias.text)),
  );
  const internals = matcher as unknown as { pattern: RegExp };
  const flat = execOnly(
    new RegExp(internals.pattern.source, internals.pattern.flags),
    texts,
  );
  const trie = execOnly(trieRegExp(keys), texts);
  return {
    aliases: matcher.aliasCount,
    buildMs,
    scanMs: kept[kept.length >> 1]!,
    firstScanMs: times[0]!,
    candidates,
    aliasRegExpMs: flat.ms,
    trieRegExpMs: trie.ms,
    trieMatchesSame: trie.matches === flat.matches,
  };
}

/**
 * The alias alternation factored as a trie ("Jeff Sessions|Jeff" → "jeff(?:[\s…]+sessions)?"),
 * case-insensitive like today's, longest alias still preferred. Irregexp tries a flat
 * alternation's branches one by one at each position; a trie shares the prefixes.
 */
function trieRegExp(keys: readonly string[]): RegExp {
  type Node = { end: boolean; next: Map<string, Node> };
  const root: Node = { end: false, next: new Map() };
  for (const key of keys) {
    let node = root;
    for (const char of key.toLowerCase()) {
      let child = node.next.get(char);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  const charPattern = (char: string) =>
    char === ' ' ? '[\\s\\u00A0\\u202F]+' : aliasPattern(char);
  const emit = (node: Node): string => {
    const branches = [...node.next].map(
      ([char, child]) => charPattern(char) + emit(child),
    );
    if (!branches.length) return '';
    const body =
      branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return new RegExp(
    `(?<!${WORD_CHAR_CLASS})${emit(root)}(?!${WORD_CHAR_CLASS})`,
    'giu',
  );
}

const api = { floor, run, regExpCosts, walkCosts, scanCost };
(window as unknown as { __benchEngine: typeof api }).__benchEngine = api;
export type BenchEngine = typeof api;
export type WalkCosts = ReturnType<typeof walkCosts>;
export type EngineBreakdown = ReturnType<typeof run>;
export type RegExpCosts = ReturnType<typeof regExpCosts>;
