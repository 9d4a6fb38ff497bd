/**
 * Page chrome: the parts of a page that are the site, not the story. Menus,
 * toolbars, share and follow bars, tag lists, breadcrumbs, the site's own
 * header and footer. A reader gains nothing from a card there ("Share on
 * Twitter", a "Tags: Jeff Sessions, Alabama" row), so they are not annotated.
 *
 * Decided from roles and structure only, never from a site's class names:
 * - ARIA landmark and widget roles that mean navigation or controls;
 * - `<header>` and `<footer>` that belong to the page, not to an article or
 *   section (HTML gives those the banner and contentinfo roles);
 * - link lists: a block whose children are nearly all short links or
 *   buttons (tags, share bars, menus). Lists of headlines (related stories,
 *   most read) have long link texts and stay content.
 */

/** Roles whose content is navigation or controls, not prose. */
const CHROME_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'toolbar',
  'banner',
  'contentinfo',
  'search',
  'tablist',
]);

/** Elements that make a `<header>` or `<footer>` belong to a part of the page rather than the site. */
const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'SECTION', 'NAV']);

/** Containers that can be a link list. Inline elements never are (a link inside a sentence is prose). */
const LIST_CONTAINERS = new Set([
  'UL',
  'OL',
  'DIV',
  'P',
  'SECTION',
  'ASIDE',
  'MENU',
  'DL',
  'FOOTER',
]);

/**
 * A link list has at least this many links, and at least this share of its
 * children are links: fewer is a sentence with links in it.
 */
const MIN_LINKS = 3;
const MIN_LINK_SHARE = 0.8;
/**
 * Tag and share links name one thing each ("Jeff Sessions", "Share on
 * Twitter", "Alabama Senate"); headlines in a related-stories rail run
 * longer. Measured on the corpus: tag and share links average 1–3 words,
 * headlines 6–14.
 */
const MAX_AVERAGE_LINK_WORDS = 3.5;
/** Text outside the links of a link list: labels ("Tags:", "Share") and separators only. */
const MAX_LABEL_CHARS = 24;

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export function isPageChrome(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  const tag = element.tagName;
  if (
    (tag === 'HEADER' || tag === 'FOOTER') &&
    !insideSectioning(element) &&
    !carriesProse(element)
  )
    return true;
  return (
    LIST_CONTAINERS.has(tag) && (isLinkList(element) || isTagLine(element))
  );
}

/** A labelled list of topics, links or not: "Tags: Jeff Sessions · Recusal · Alabama". */
const TAG_LABEL =
  /^\s*(?:tags|tagged|topics|related topics|filed under|more on|keywords|categories|subjects)\s*:/iu;
/** A tag line is short; a paragraph that starts "Topics:" and goes on is prose. */
const MAX_TAG_LINE_CHARS = 400;

function isTagLine(element: Element): boolean {
  const first = element.firstChild;
  const lead =
    first?.nodeType === 3
      ? (first as Text).data
      : first?.nodeType === 1
        ? ((first as Element).textContent ?? '')
        : '';
  if (!TAG_LABEL.test(lead)) return false;
  return (element.textContent ?? '').length <= MAX_TAG_LINE_CHARS;
}

/**
 * Some pages put the story's own headline and standfirst in a page-level
 * `<header>` (a "hero"), or a correction note in a page-level `<footer>`.
 * A site's masthead and footer hold logos, short links and a copyright line;
 * a story's header holds a headline or a sentence.
 */
const PROSE_HEADING_WORDS = 5;
const PROSE_PARAGRAPH_WORDS = 20;

function carriesProse(element: Element): boolean {
  for (const heading of element.querySelectorAll('h1, h2, h3')) {
    if (wordCount(heading) >= PROSE_HEADING_WORDS) return true;
  }
  for (const paragraph of element.querySelectorAll('p')) {
    if (wordCount(paragraph) >= PROSE_PARAGRAPH_WORDS) return true;
  }
  return false;
}

function wordCount(element: Element): number {
  return (element.textContent ?? '').match(WORDS)?.length ?? 0;
}

function insideSectioning(element: Element): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (SECTIONING.has(node.tagName)) return true;
    const role = node.getAttribute('role');
    if (role === 'main' || role === 'article') return true;
  }
  return false;
}

/** A link of a link list: an `<a>` or `<button>`, alone or in a list item. */
function linkOf(child: Element): Element | null {
  const tag = child.tagName;
  if (tag === 'A' || tag === 'BUTTON') return child;
  if (
    (tag === 'LI' || tag === 'SPAN' || tag === 'DD' || tag === 'DT') &&
    child.childElementCount === 1
  ) {
    const only = child.firstElementChild!;
    if (
      (only.tagName === 'A' || only.tagName === 'BUTTON') &&
      child.textContent?.trim() === only.textContent?.trim()
    )
      return only;
  }
  return null;
}

function isLinkList(element: Element): boolean {
  if (element.childElementCount < MIN_LINKS) return false;
  let links = 0;
  let others = 0;
  let linkWords = 0;
  let labelChars = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      // Text between the links: separators and a short label at most.
      labelChars += (node as Text).data.replace(
        /[\s·|•,;/>»–—-]+/gu,
        '',
      ).length;
      if (labelChars > MAX_LABEL_CHARS) return false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const link = linkOf(node as Element);
    if (link) {
      links += 1;
      linkWords += (link.textContent ?? '').match(WORDS)?.length ?? 0;
      continue;
    }
    others += 1;
    const text = (node as Element).textContent ?? '';
    labelChars += text.replace(/[\s·|•,;/>»–—-]+/gu, '').length;
    if (labelChars > MAX_LABEL_CHARS) return false;
  }
  return (
    links >= MIN_LINKS &&
    links / (links + others) >= MIN_LINK_SHARE &&
    linkWords / links <= MAX_AVERAGE_LINK_WORDS
  );
}
