import { describe, expect, it } from 'vitest';
import {
  decide,
  describeReason,
  LINK_THRESHOLD,
  reasonOf,
  type Signal,
  WEIGHTS,
} from '../../lib/link-decision';

const signal = (name: Signal['name'], weight: number, text?: string): Signal =>
  text === undefined ? { name, weight } : { name, weight, text };

describe('the decision: weights summed against one threshold', () => {
  it.each<[string, Signal[], boolean]>([
    ['a full name alone', [signal('full-name', WEIGHTS.fullName)], true],
    [
      'a shared full name alone',
      [
        signal('full-name', WEIGHTS.fullName),
        signal('shared-name', WEIGHTS.sharedName),
      ],
      false,
    ],
    [
      'a shared full name on a page about its story',
      [
        signal('full-name', WEIGHTS.fullName),
        signal('shared-name', WEIGHTS.sharedName),
        signal('related-on-page', 1),
      ],
      true,
    ],
    [
      'a full name on a sports page about someone else',
      [
        signal('full-name', WEIGHTS.fullName),
        signal('off-topic-page', WEIGHTS.offTopicPage),
      ],
      false,
    ],
    ['a bare surname with nothing on the page', [], false],
    [
      'a bare surname named in full elsewhere',
      [signal('named-on-page', WEIGHTS.namedOnPage)],
      true,
    ],
    [
      'a proper name with one sign of its story',
      [
        signal('proper-name', WEIGHTS.properName),
        signal('related-on-page', WEIGHTS.relatedOnPage),
      ],
      true,
    ],
    [
      'an event phrase that names its day',
      [signal('phrase-names-it', WEIGHTS.phraseNamesIt)],
      true,
    ],
    [
      'an event phrase on a page about another state',
      [
        signal('phrase-narrows-it', 0.5),
        signal('other-state-page', WEIGHTS.otherStatePage),
        signal('related-on-page', 1.5),
      ],
      false,
    ],
  ])('%s', (_name, signals, link) => {
    expect(decide(signals).link).toBe(link);
  });

  it('a veto settles it, whatever the score', () => {
    expect(decide([signal('full-name', 10)], true).link).toBe(false);
  });

  it('links exactly at the threshold', () => {
    expect(decide([signal('named-on-page', LINK_THRESHOLD)]).link).toBe(true);
  });

  it('gives the card the positive signals that have something to say, strongest first', () => {
    const decision = decide([
      signal('topics-on-page', 0.25, 'the page mentions runoff'),
      signal('full-name', 2, 'it is a full name'),
      signal('shared-name', -1.5),
      signal('related-in-paragraph', 0.5),
    ]);
    expect(reasonOf(decision).signals.map((s) => s.name)).toEqual([
      'full-name',
      'topics-on-page',
    ]);
    expect(describeReason(reasonOf(decision))).toBe(
      'Linked because it is a full name; and the page mentions runoff.',
    );
  });
});
