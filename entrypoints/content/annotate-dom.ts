/**
 * Wraps mentions in the page without ever moving a node the page owns.
 *
 * For a mention inside a page text node we `splitText` it: the page's node
 * keeps the text before the mention, and only the new nodes we created (the
 * mention's text and what follows it) are inserted or moved. Each change is
 * written to an edit log, so `revertAll` puts the page's own node back to its
 * exact original text and removes everything of ours.
 *
 * See ../shared/notes/reliability.md, rules 1, 4 and 5.
 */
import type { Mention } from '@/lib/match-mentions';

export const MENTION_TAG = 'backstory-mention';
export const ENTITY_ATTRIBUTE = 'data-backstory-entity';

/**
 * Elements whose text is never annotated: code, form fields, scripts, our own
 * UI, and navigation menus (a section link named "Alabama" is not a mention).
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'TITLE', 'IFRAME', 'OBJECT', 'BUTTON', 'NAV',
  'BACKSTORY-MENTION', 'BACKSTORY-CARD',
]);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Any letter: text nodes without one cannot hold a name. */
const HAS_LETTER = /\p{L}/u;

/** True when text inside `element` must be left alone. */
export function isSkippedElement(element: Element): boolean {
  if (element.namespaceURI !== HTML_NAMESPACE) return true; // SVG, MathML
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.getAttribute('role') === 'textbox') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Collects the text nodes under `root` that may hold mentions, in document order. */
export function collectTextNodes(root: Node, ownNodes: WeakSet<Node>): Text[] {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        return HAS_LETTER.test((node as Text).data) && !ownNodes.has(node)
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP;
      }
      return isSkippedElement(node as Element) || ownNodes.has(node)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** One page text node we split, and the nodes we created after it, in order. */
type Edit = { original: Text; prefix: string; created: Node[] };

/** The edit log of one annotation session: what we changed, so it can be undone exactly. */
export class PageAnnotations {
  private readonly edits: Edit[] = [];
  /** Every node we created; the page's nodes are never in here. */
  readonly ownNodes = new WeakSet<Node>();
  private readonly mentionElements: Element[] = [];

  /** Our mention elements currently in the page, in insertion order. */
  get mentions(): readonly Element[] {
    return this.mentionElements;
  }

  /**
   * Wraps `mentions` (sorted, non-overlapping offsets into `node.data`).
   * Returns the wrappers created.
   */
  wrap(node: Text, mentions: readonly Mention[]): Element[] {
    const parent = node.parentNode;
    if (!parent || mentions.length === 0) return [];
    const document = node.ownerDocument;
    const edit: Edit = { original: node, prefix: node.data.slice(0, mentions[0]!.start), created: [] };
    const wrappers: Element[] = [];
    let rest = node;
    let consumed = 0;
    for (const mention of mentions) {
      const middle = rest.splitText(mention.start - consumed);
      rest = middle.splitText(mention.end - mention.start);
      consumed = mention.end;
      const wrapper = document.createElement(MENTION_TAG);
      wrapper.setAttribute(ENTITY_ATTRIBUTE, mention.entityId);
      parent.insertBefore(wrapper, middle);
      wrapper.appendChild(middle); // `middle` is ours: splitText created it.
      for (const own of [wrapper, middle, rest]) this.ownNodes.add(own);
      edit.created.push(wrapper, rest);
      wrappers.push(wrapper);
    }
    this.edits.push(edit);
    this.mentionElements.push(...wrappers);
    return wrappers;
  }

  /** Removes every node of ours and restores each page text node's exact text. */
  revertAll(): void {
    for (const edit of this.edits.splice(0).reverse()) {
      const text = edit.created.map((node) => node.textContent ?? '').join('');
      for (const node of edit.created) node.parentNode?.removeChild(node);
      // If the page rewrote its own node meanwhile (a framework re-render), its
      // text is the truth and ours was stale: only remove ours.
      if (edit.original.data === edit.prefix) edit.original.data += text;
    }
    this.mentionElements.length = 0;
  }
}
