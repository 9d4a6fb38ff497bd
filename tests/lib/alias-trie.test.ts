import { describe, expect, it } from 'vitest';
import { trieSource } from '../../lib/alias-trie';

const WORD = '[\\p{L}\\p{M}\\p{N}]';
const matcher = (keys: string[]) =>
  new RegExp(`(?<!${WORD})(?:${trieSource(keys)})(?!${WORD})`, 'giu');
const flat = (keys: string[]) =>
  new RegExp(
    `(?<!${WORD})(?:${[...keys]
      .sort((a, b) => b.length - a.length)
      .map((k) =>
        k
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/ /g, '[\\s\\u00A0\\u202F]+')
          .replace(/'/g, "['’‘]")
          .replace(/-/g, '[-‐‑]'),
      )
      .join('|')})(?!${WORD})`,
    'giu',
  );
const all = (pattern: RegExp, text: string) =>
  [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);

describe('trieSource', () => {
  const keys = [
    'jeff',
    'jeff sessions',
    'jefferson beauregard sessions',
    'sessions',
    "cryin' chuck",
    "cryin' chuck schumer",
    'commander-in-chief',
    'a.b (c)+',
  ];

  it.each([
    'Jeff Sessions spoke; Jeff said; Jefferson Beauregard Sessions III',
    'Jeff Sessionsville and Jeff, then JEFF SESSIONS',
    "Cryin’ Chuck Schumer and Cryin' Chuck said",
    'the commander‑in‑chief and A.B (c)+ and AxB cc',
    'Jeff\u00A0Sessions and Jeff\nSessions',
  ])(
    'finds the same matches as a flat longest-first alternation in %j',
    (text) => {
      expect(all(matcher(keys), text)).toEqual(all(flat(keys), text));
    },
  );

  it('prefers the longest alias and falls back when the longer one is cut by a word character', () => {
    expect(all(matcher(keys), 'Jeff Sessions')).toEqual([[0, 'Jeff Sessions']]);
    expect(all(matcher(keys), 'Jeff Sessionsville')).toEqual([[0, 'Jeff']]);
  });
});
