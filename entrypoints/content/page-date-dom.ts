/**
 * The thin DOM side of the page's date: collects what the page publishes for
 * machines (JSON-LD blocks, meta tags, `<time datetime>` in the article's
 * header) as plain data for lib/page-date.ts, which decides. Reads only; never
 * body text. Cached per URL: a single-page app that navigates gets a new date.
 */
import { type PageDate, pickPageDate } from '@/lib/page-date';

/** Enough for any real page; a page with more is not telling us its date in them. */
const MAX_JSON_LD_BLOCKS = 20;
const MAX_JSON_LD_CHARS = 500_000;
const MAX_META_TAGS = 400;
const MAX_TIMES = 10;
/** A paragraph at least this long is body text: a `<time>` after it is not in the header. */
const BODY_PARAGRAPH_CHARS = 80;

const HEADER_TIMES = [
  'article header time[datetime]',
  'main header time[datetime]',
  '[role="main"] header time[datetime]',
  'time[datetime][pubdate]',
  'time[datetime][itemprop~="datePublished"]',
].join(', ');

let cached: { url: string; date: PageDate | null } | null = null;

/** The page's date by lib/page-date.ts's order of trust, or null. */
export function pageDateOf(document: Document, url: string): PageDate | null {
  if (cached?.url !== url)
    cached = {
      url,
      date: pickPageDate(collectPageDateInput(document, url), Date.now()),
    };
  return cached.date;
}

export function collectPageDateInput(document: Document, url: string) {
  const jsonLd: string[] = [];
  for (const script of document.querySelectorAll(
    'script[type="application/ld+json" i]',
  )) {
    const text = script.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS) jsonLd.push(text);
    if (jsonLd.length >= MAX_JSON_LD_BLOCKS) break;
  }
  const meta: { key: string; content: string }[] = [];
  for (const tag of document.querySelectorAll('meta[content]')) {
    const content = tag.getAttribute('content') ?? '';
    for (const attribute of ['name', 'property', 'itemprop']) {
      const key = tag.getAttribute(attribute);
      if (key) meta.push({ key: key.trim().toLowerCase(), content });
    }
    if (meta.length >= MAX_META_TAGS) break;
  }
  const seen = new Set<Element>();
  const headerTimes: { datetime: string; published: boolean }[] = [];
  const add = (time: Element) => {
    if (seen.has(time) || headerTimes.length >= MAX_TIMES) return;
    seen.add(time);
    headerTimes.push({
      datetime: time.getAttribute('datetime') ?? '',
      published:
        time.hasAttribute('pubdate') ||
        /\bdatePublished\b/i.test(time.getAttribute('itemprop') ?? ''),
    });
  };
  for (const time of document.querySelectorAll(HEADER_TIMES)) add(time);
  // A byline without a <header>: a <time> in the article before its first real paragraph.
  for (const article of document.querySelectorAll('article')) {
    const firstParagraph = [...article.querySelectorAll('p')].find(
      (p) => (p.textContent ?? '').trim().length >= BODY_PARAGRAPH_CHARS,
    );
    for (const time of article.querySelectorAll('time[datetime]')) {
      if (
        !firstParagraph ||
        time.compareDocumentPosition(firstParagraph) &
          Node.DOCUMENT_POSITION_FOLLOWING
      )
        add(time);
    }
    break; // The page's article is the first one; later ones are related stories.
  }
  return { jsonLd, meta, headerTimes, url };
}
