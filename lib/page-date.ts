/**
 * When was this page written? Picked from what news sites publish for
 * machines, in a fixed order of trust, and never guessed from body text:
 *
 *   1. JSON-LD `datePublished` (then `dateCreated`) of the page's article
 *      (NewsArticle, ReportageNews, BlogPosting, … in `@graph` or arrays too;
 *      the node whose url / @id / mainEntityOfPage is this page first)
 *   2. meta tags, most specific first: article:published_time,
 *      og:article:published_time, itemprop=datePublished, parsely-pub-date,
 *      sailthru.date, pubdate, publishdate, dc.date.issued, dc.date, date, …
 *   3. JSON-LD `datePublished` of a WebPage node (often the site's, not the story's)
 *   4. `<time datetime>` in the article's header (one marked as published first)
 *   5. a date in the URL path: /2021/01/07/, /2021-01-07/, /20210107/, /2021/01/ (month)
 *
 * Modified dates (`dateModified`, article:modified_time, og:updated_time)
 * are never the page's date: a page corrected in 2021 may have been written
 * in 2019. A value is the calendar date as written, in the publisher's own
 * offset (2021-01-07T23:30-05:00 is Jan 7), without converting time zones.
 * Values that are not real dates, the Unix epoch (1970-01-01, a CMS's empty
 * date), years before 1800, and dates more than two days ahead are ignored,
 * and the next source is tried. Pure: plain data in (collected by
 * entrypoints/content/page-date-dom.ts), a date out.
 */

export type PageDateInput = {
  /** The text of each `<script type="application/ld+json">`, in document order. */
  jsonLd: readonly string[];
  /** Each meta tag's name, property or itemprop (lower case) and its content. */
  meta: readonly { key: string; content: string }[];
  /** `<time datetime>` values from the article header, in order; `published` for pubdate / itemprop=datePublished. */
  headerTimes: readonly { datetime: string; published?: boolean }[];
  /** The page's URL. */
  url: string;
};

export type PageDate = {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  date: string;
  precision: 'day' | 'month';
  source: 'json-ld' | 'meta' | 'time' | 'url';
  /** Which field or tag it came from. */
  field: string;
};

type Parsed = { date: string; precision: 'day' | 'month' };

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenews',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
  'report',
  'scholarlyarticle',
  'techarticle',
  'creativework',
]);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage']);

/** Meta keys that name the publication date, most specific first. */
export const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
  'citation_publication_date',
  'citation_date',
] as const;

const MIN_YEAR = 1800;
const DAY_MS = 86_400_000;
/** A page in a time zone ahead of the reader's can be dated "tomorrow". */
const FUTURE_SLACK_MS = 2 * DAY_MS;

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME_TAIL =
  '(?:[ T,]+\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:z|utc|gmt|[a-z]{2,4}t|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?)?)?';
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:t\d{4,6}(?:z|[+-]\d{4})?)?$/i;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;
const DAY_MONTH_YEAR = new RegExp(
  `^(?:[a-z]{3,9},?\\s+)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})${TIME_TAIL}$`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `^(?:[a-z]{3,9},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_TAIL}$`,
  'i',
);
const EPOCH = /^\d{10}$|^\d{13}$/;

/**
 * A date value as sites write it, or null: ISO 8601 (with or without time
 * and offset, basic or extended, or a month alone), 2021/01/07, RFC 2822
 * ("Thu, 07 Jan 2021 15:00:00 GMT"), "January 7, 2021", Unix seconds or
 * milliseconds. 01/07/2021 is refused: January 7 or July 1?
 */
export function parseDateValue(raw: string): Parsed | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 64) return null;
  let match = ISO.exec(text) ?? ISO_BASIC.exec(text) ?? SLASHED.exec(text);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = ISO_MONTH.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]));
  match = DAY_MONTH_YEAR.exec(text);
  if (match)
    return day(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
  match = MONTH_DAY_YEAR.exec(text);
  if (match)
    return day(Number(match[3]), monthNumber(match[1]!), Number(match[2]));
  if (EPOCH.test(text)) {
    const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
    const date = new Date(ms);
    return day(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
    );
  }
  return null;
}

/** The page's date by the order of trust above, or null when nothing trustworthy says. */
export function pickPageDate(
  input: PageDateInput,
  now: number,
): PageDate | null {
  const valid = (value: unknown): Parsed | null => {
    for (const text of Array.isArray(value) ? value : [value]) {
      const parsed = typeof text === 'string' ? parseDateValue(text) : null;
      if (parsed && plausible(parsed, now)) return parsed;
    }
    return null;
  };
  const nodes = jsonLdNodes(input.jsonLd);
  const pageUrl = comparableUrl(input.url);
  const articles = nodes.filter((node) => hasType(node, ARTICLE_TYPES));
  const ordered = [
    ...articles.filter((node) => isAbout(node, pageUrl)),
    ...articles.filter((node) => !isAbout(node, pageUrl)),
  ];
  for (const node of ordered)
    for (const field of ['datePublished', 'dateCreated']) {
      const parsed = valid(node[field]);
      if (parsed) return { ...parsed, source: 'json-ld', field };
    }
  for (const key of PUBLISHED_META_KEYS)
    for (const tag of input.meta) {
      if (tag.key !== key) continue;
      const parsed = valid(tag.content);
      if (parsed) return { ...parsed, source: 'meta', field: key };
    }
  for (const node of nodes.filter((n) => hasType(n, PAGE_TYPES))) {
    const parsed = valid(node.datePublished);
    if (parsed) return { ...parsed, source: 'json-ld', field: 'datePublished' };
  }
  const times = [
    ...input.headerTimes.filter((time) => time.published),
    ...input.headerTimes.filter((time) => !time.published),
  ];
  for (const time of times) {
    const parsed = valid(time.datetime);
    if (parsed) return { ...parsed, source: 'time', field: 'time[datetime]' };
  }
  const fromUrl = urlDate(input.url);
  if (fromUrl && plausible(fromUrl, now))
    return { ...fromUrl, source: 'url', field: 'path' };
  return null;
}

type Node = Record<string, unknown>;

/** Every object with an @type in the JSON-LD blocks (top level, arrays, @graph, nested), in order. */
function jsonLdNodes(blocks: readonly string[]): Node[] {
  const nodes: Node[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const node = value as Node;
    if ('@type' in node) nodes.push(node);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart'])
      if (key in node) visit(node[key], depth + 1);
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(stripWrappers(block)), 0);
    } catch {
      // Malformed JSON-LD (it happens): this block says nothing.
    }
  }
  return nodes;
}

/** Some CMSs wrap JSON-LD in HTML comments or CDATA markers. */
function stripWrappers(block: string): string {
  return block
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)\s*/, '')
    .replace(/\s*(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '');
}

function hasType(node: Node, types: ReadonlySet<string>): boolean {
  const raw = node['@type'];
  for (const type of Array.isArray(raw) ? raw : [raw]) {
    if (typeof type !== 'string') continue;
    const name = type.split(/[/:#]/).pop()!.toLowerCase();
    if (types.has(name)) return true;
  }
  return false;
}

function isAbout(node: Node, pageUrl: string | null): boolean {
  if (!pageUrl) return false;
  const main = node.mainEntityOfPage;
  const candidates = [
    node.url,
    node['@id'],
    typeof main === 'object' && main !== null ? (main as Node)['@id'] : main,
  ];
  return candidates.some(
    (value) => typeof value === 'string' && comparableUrl(value) === pageUrl,
  );
}

/** Host and path, without query, fragment or trailing slash: how a page's own URLs differ. */
function comparableUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** /2021/01/07/, /2021-01-07/, /20210107/ (alone or between hyphens in a segment), /2021/01/. */
function urlDate(url: string): Parsed | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let match = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /(?:\/|[-_])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/.exec(path);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /(?:\/|[-_])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /\/((?:19|20)\d{2})\/(\d{2})\/(?!\d)/.exec(path);
  if (match) return month(Number(match[1]), Number(match[2]));
  return null;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function day(
  year: number,
  monthOfYear: number,
  dayOfMonth: number,
): Parsed | null {
  const date = new Date(Date.UTC(year, monthOfYear - 1, dayOfMonth));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== monthOfYear - 1 ||
    date.getUTCDate() !== dayOfMonth
  )
    return null; // 2021-02-30 and friends
  return {
    date: `${year}-${pad(monthOfYear)}-${pad(dayOfMonth)}`,
    precision: 'day',
  };
}

function month(year: number, monthOfYear: number): Parsed | null {
  if (monthOfYear < 1 || monthOfYear > 12) return null;
  return { date: `${year}-${pad(monthOfYear)}`, precision: 'month' };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Not the epoch, not before 1800, not more than two days ahead of `now`. */
function plausible({ date }: Parsed, now: number): boolean {
  const [year = 0, monthOfYear = 1, dayOfMonth = 1] = date
    .split('-')
    .map(Number);
  if (year < MIN_YEAR) return false;
  if (date === '1970-01-01' || date === '1969-12-31') return false;
  return Date.UTC(year, monthOfYear - 1, dayOfMonth) <= now + FUTURE_SLACK_MS;
}
