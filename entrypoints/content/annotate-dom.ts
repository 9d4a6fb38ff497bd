/**
 * Wraps mentions in the page without ever moving a node the page owns.
 *
 * For a mention inside a page text node we `splitText` it: the page's node
 * keeps the text before the mention, and only the new nodes we created (the
 * mention's text and what follows it) are inserted or moved. Each change is
 * written to an edit log, so `revertAll` puts the page's own node back to its
 * exact original text and removes everything of ours.
 *
 * Why: docs/architecture.md, "Rules for touching the page" (never reparent,
 * skip what is not prose, trust only our own nodes).
 */
import { isPageChrome } from './page-chrome';

export const MENTION_TAG = 'backstory-mention';
/** Used when the page has defined `backstory-mention` as a custom element of its own. */
export const FALLBACK_MENTION_TAG = 'backstory-mention-alt';

/**
 * The tag our mentions can use on this page. A page that defines
 * `backstory-mention` would upgrade our elements into its component (which may
 * hide their text), so `:defined` on a probe tells us to use the fallback; if
 * both are taken, there is no safe tag and the page is not annotated.
 */
export function chooseMentionTag(document: Document): string | null {
  for (const tag of [MENTION_TAG, FALLBACK_MENTION_TAG]) {
    if (!document.createElement(tag).matches(':defined')) return tag;
  }
  return null;
}
export const ENTITY_ATTRIBUTE = 'data-backstory-entity';
/** Shared by the pieces of one mention split over inline markup ("Jeff <b>Sessions</b>"). */
export const GROUP_ATTRIBUTE = 'data-backstory-group';

/**
 * Elements whose text is never annotated: code, form fields, scripts, our own
 * UI, and navigation menus (a section link named "Alabama" is not a mention).
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'TITLE',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'NAV',
  'BACKSTORY-MENTION',
  'BACKSTORY-MENTION-ALT',
  'BACKSTORY-CARD',
  'BACKSTORY-CARD-HOST',
]);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Any letter: text nodes without one cannot hold a name. */
const HAS_LETTER = /\p{L}/u;

/** True when text inside `element` must be left alone. */
export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (element.namespaceURI !== HTML_NAMESPACE) return true; // SVG, MathML
  if (element.hasAttributes()) {
    if (element.getAttribute('role') === 'textbox') return true;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  return isPageChrome(element);
}

/** Inline elements: text on either side of them reads as one run ("Jeff <b>Sessions</b>"). */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'NOBR',
]);

function isInline(element: Element): boolean {
  // Custom elements (a hyphen in the name) are usually inline wrappers on news sites.
  return INLINE_TAGS.has(element.tagName) || element.tagName.includes('-');
}

/**
 * A run of text nodes that reads as one piece of text; matched as a whole.
 * `evidenceOnly` marks text in page chrome (tags, menus, share bars): never
 * annotated, but what it names still tells what the page is about.
 */
export type Segment = Text[] & { evidenceOnly?: true };

/**
 * Yields the text under `root` as segments, in document order, lazily: the
 * caller pulls in time slices, so even a multi-megabyte page is walked without
 * a long task. A segment ends at any block boundary, line break or skipped
 * element, so a match can never join words the reader sees apart.
 */
export function* iterateSegments(
  root: Node,
  ownNodes: WeakSet<Node>,
): Generator<Segment, void, undefined> {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return;
  if (root.nodeType === Node.ELEMENT_NODE && isInsideSkipped(root as Element))
    return;
  let current: Segment = [];
  let currentBlock: Node | null = null;
  let boundary = false;
  const blockOf = new Map<Node, Node>();
  const findBlock = (node: Node): Node => {
    let parent: Node | null = node.parentNode;
    const visited: Node[] = [];
    while (
      parent &&
      parent !== root &&
      parent.nodeType === Node.ELEMENT_NODE &&
      isInline(parent as Element)
    ) {
      const known = blockOf.get(parent);
      if (known) {
        parent = known;
        break;
      }
      visited.push(parent);
      parent = parent.parentNode;
    }
    const block = parent ?? root;
    for (const node of visited) blockOf.set(node, block);
    return block;
  };
  // No acceptNode filter: a JavaScript callback per node costs about six times
  // the walk itself on big pages. Skipped subtrees are stepped over by hand.
  const walker = document.createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
  );
  /** The node after `walker.currentNode`'s subtree, or null at the end of `root`. */
  const skipSubtree = (): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };
  const hasLetters = (segment: Segment) =>
    segment.some((node) => HAS_LETTER.test(node.data));
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!ownNodes.has(node)) {
        const block = findBlock(node);
        if (boundary || block !== currentBlock) {
          if (current.length && hasLetters(current)) yield current;
          current = [];
          boundary = false;
        }
        currentBlock = block;
        current.push(node as Text);
      }
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    if (
      isSkippedElement(element) ||
      element.tagName === 'BR' ||
      ownNodes.has(element)
    ) {
      boundary = true;
      if (isPageChrome(element) && !isSkippedTag(element))
        yield* evidenceSegments(element, ownNodes);
      node = skipSubtree();
      continue;
    }
    if (!isInline(element)) boundary = true;
    node = walker.nextNode();
  }
  if (current.length && hasLetters(current)) yield current;
}

/** Each text node of a chrome region as a segment of its own, for evidence only. */
function* evidenceSegments(
  element: Element,
  ownNodes: WeakSet<Node>,
): Generator<Segment, void, undefined> {
  const walker = element.ownerDocument.createTreeWalker(
    element,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (ownNodes.has(node) || (parent && isSkippedTag(parent))) continue;
    if (!HAS_LETTER.test((node as Text).data)) continue;
    const segment: Segment = [node as Text];
    segment.evidenceOnly = true;
    yield segment;
  }
}

function isSkippedTag(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName);
}

/** All segments under `root` at once (tests, small roots). */
export function collectSegments(
  root: Node,
  ownNodes: WeakSet<Node>,
): Segment[] {
  return [...iterateSegments(root, ownNodes)];
}

/** True when `element` or an ancestor is skipped (for scans that start inside the page). */
export function isInsideSkipped(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (isSkippedElement(node)) return true;
  }
  return false;
}

/** A range of one text node's data to wrap for one entity; `group` joins the pieces of a split mention. */
export type WrapRange = {
  start: number;
  end: number;
  entityId: string;
  group?: string;
};

/** One page text node we split, and the nodes we created after it, in order. */
type Edit = { original: Text; prefix: string; created: Node[] };

/**
 * The edit log of one annotation session: what we changed, so it can be undone
 * exactly. It holds a page node only while the node is in the page: the
 * observer hands over every subtree the page removes (`revertRemoved`), and the
 * edits inside it are undone there and then, so a feed or a single-page app
 * that replaces its content leaves nothing behind in here.
 */
export class PageAnnotations {
  /** By the page's text node, in the order the edits were made. */
  private readonly edits = new Map<Text, Edit>();
  /** `mentions`, computed from the log when first asked for after a change. */
  private mentionList: Element[] | null = [];

  /** @param tag the mention element name (see `chooseMentionTag`). */
  constructor(readonly tag: string = MENTION_TAG) {}
  /** Every node we created; the page's nodes are never in here. */
  readonly ownNodes = new WeakSet<Node>();

  /** Our mention elements currently in the page, in insertion order. */
  get mentions(): readonly Element[] {
    if (this.mentionList) return this.mentionList;
    const list: Element[] = [];
    for (const edit of this.edits.values())
      for (const node of edit.created)
        if (node.nodeType === Node.ELEMENT_NODE) list.push(node as Element);
    this.mentionList = list;
    return list;
  }

  /**
   * Wraps `mentions` (sorted, non-overlapping offsets into `node.data`).
   * Returns the wrappers created.
   */
  wrap(node: Text, mentions: readonly WrapRange[]): Element[] {
    const parent = node.parentNode;
    if (!parent || mentions.length === 0) return [];
    const document = node.ownerDocument;
    const first = mentions[0]!;
    const edit: Edit = {
      original: node,
      prefix: node.data.slice(0, first.start),
      created: [],
    };
    // One split: the page's node keeps the prefix; everything after it is
    // rebuilt in a fragment and goes into the page in one insertion.
    const rest = node.splitText(first.start);
    const text = rest.data;
    const fragment = document.createDocumentFragment();
    const wrappers: Element[] = [];
    let consumed = 0;
    for (const mention of mentions) {
      const start = mention.start - first.start;
      const end = mention.end - first.start;
      if (start > consumed)
        fragment.append(
          this.ownText(document, text.slice(consumed, start), edit),
        );
      const wrapper = document.createElement(this.tag);
      wrapper.setAttribute(ENTITY_ATTRIBUTE, mention.entityId);
      if (mention.group !== undefined)
        wrapper.setAttribute(GROUP_ATTRIBUTE, mention.group);
      wrapper.textContent = text.slice(start, end);
      this.ownNodes.add(wrapper);
      edit.created.push(wrapper);
      fragment.append(wrapper);
      wrappers.push(wrapper);
      consumed = end;
    }
    if (consumed < text.length)
      fragment.append(this.ownText(document, text.slice(consumed), edit));
    parent.replaceChild(fragment, rest); // `rest` is ours: splitText created it.
    // Wrapping what is left of a node we split before (a later pass found more
    // in it): one edit, whose nodes follow in page order, so undo stays exact.
    const earlier = this.edits.get(node);
    if (earlier) {
      edit.created.push(...earlier.created);
      this.edits.delete(node);
    }
    this.edits.set(node, edit);
    this.mentionList = null;
    return wrappers;
  }

  /** A text node of ours, recorded in the edit so a revert can remove it. */
  private ownText(document: Document, data: string, edit: Edit): Text {
    const text = document.createTextNode(data);
    this.ownNodes.add(text);
    edit.created.push(text);
    return text;
  }

  /** True when `node` is a page text node we split and the page has since changed its text. */
  isTouchedByPage(node: Node): boolean {
    const edit = this.edits.get(node as Text);
    return edit !== undefined && edit.original.data !== edit.prefix;
  }

  /** Undoes the edit of one page text node (the page touched it, or it left the page). */
  revert(original: Text): void {
    const edit = this.edits.get(original);
    if (!edit) return;
    this.edits.delete(original);
    this.mentionList = null;
    this.undo(edit);
  }

  /** Undoes every edit whose page node is inside `root` (a region that became editable). */
  revertWithin(root: Node): void {
    for (const original of this.editedTextIn(root)) this.revert(original);
  }

  /**
   * Undoes the edits inside subtrees the page removed (the observer's
   * `removedNodes`), so the log keeps nothing the page let go of, and a subtree
   * the page puts back later (a recycled list item) comes back as it was.
   * Costs what the removed subtrees hold, not what the log holds.
   */
  revertRemoved(removed: Iterable<Node>): void {
    for (const root of removed)
      if (!root.isConnected)
        for (const original of this.editedTextIn(root)) this.revert(original);
  }

  /** The page text nodes under `root` (or `root` itself) that we split. */
  private editedTextIn(root: Node): Text[] {
    if (this.edits.size === 0) return [];
    if (root.nodeType === Node.TEXT_NODE)
      return this.edits.has(root as Text) ? [root as Text] : [];
    const found: Text[] = [];
    const walker = (root.ownerDocument ?? document).createTreeWalker(
      root,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (this.edits.has(node as Text)) found.push(node as Text);
    return found;
  }

  get editCount(): number {
    return this.edits.size;
  }

  private undo(edit: Edit): void {
    const text = edit.created.map((node) => node.textContent ?? '').join('');
    for (const node of edit.created) node.parentNode?.removeChild(node);
    // If the page rewrote its own node meanwhile (a framework re-render), its
    // text is the truth and ours was stale: only remove ours.
    if (edit.original.data === edit.prefix) edit.original.data += text;
  }

  /** Removes every node of ours and restores each page text node's exact text. */
  revertAll(): void {
    const edits = [...this.edits.values()].reverse();
    this.edits.clear();
    this.mentionList = [];
    for (const edit of edits) this.undo(edit);
  }
}
