import { describe, expect, it } from 'vitest';
import { verdictIn } from './rule-helpers';

describe('people: someone else with the same name is told by the words around it', () => {
  it.each([
    // [sentence, entity, alias, expected]
    [
      'Rep. Pete Sessions won in Texas.',
      'jeff-sessions',
      'Sessions',
      'someone else',
    ],
    [
      'J. Sessions signed the letter.',
      'jeff-sessions',
      'Sessions',
      'someone else',
    ],
    [
      'Donald Trump Jr. spoke first.',
      'donald-trump',
      'Donald Trump',
      'someone else',
    ],
    [
      'Rep. Sessions of Texas objected.',
      'jeff-sessions',
      'Sessions',
      'someone else',
    ],
    [
      'The pitcher Doug Jones saved 303 games.',
      'doug-jones',
      'Doug Jones',
      'someone else',
    ],
    [
      'the actor Doug Jones in makeup',
      'doug-jones',
      'Doug Jones',
      'someone else',
    ],
    [
      'But Schumer the comedian has no part in it.',
      'chuck-schumer',
      'Schumer',
      'someone else',
    ],
    ['Melania Trump lit the tree.', 'donald-trump', 'Trump', 'someone else'],
    ['Trump Tower was quiet.', 'donald-trump', 'Trump', 'refused'],
    // Words that merely start a sentence say nothing.
    ['Once Trump took office, things changed.', 'donald-trump', 'Trump', 'ok'],
    ['Make Trump answer for it, she said.', 'donald-trump', 'Trump', 'ok'],
    ['Despite Trump’s tweets, he stayed.', 'donald-trump', 'Trump', 'ok'],
    [
      'Alabama Republican Sessions hit back.',
      'jeff-sessions',
      'Sessions',
      'ok',
    ],
    ['Alabama’s Sessions hit back.', 'jeff-sessions', 'Sessions', 'ok'],
    [
      'the Democratic senator from Alabama, Doug Jones, said',
      'doug-jones',
      'Doug Jones',
      'ok',
    ],
    ['Sen. Tuberville voted no.', 'tommy-tuberville', 'Sen. Tuberville', 'ok'],
    ['Mr. Trump said nothing.', 'donald-trump', 'Mr. Trump', 'ok'],
    [
      'who is closer to President Trump. By Kendra',
      'donald-trump',
      'President Trump',
      'ok',
    ],
    // A headline capitalizes every word: the page decides (see the matcher's tables).
    ['Melania Trump Marks Two Years Of Be Best', 'donald-trump', 'Trump', 'ok'],
  ])('%s → %s: %s', (sentence, entity, alias, expected) => {
    expect(verdictIn(entity, alias, sentence)).toBe(expected);
  });
});
