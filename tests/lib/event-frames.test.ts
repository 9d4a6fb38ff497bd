import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import type { Dataset } from '../../data/dataset-schema';
import { buildAliasTable } from '../../lib/alias-table';
import {
  judgeFrame,
  nameBefore,
  readEventPhrase,
  subjectBefore,
} from '../../lib/event-frames';

const { facts } = buildAliasTable((datasetJson as Dataset).entities);
const frameOf = (id: string) => facts.get(id)!.frame!;

/** Reads the phrase around the first `head` in `text`. */
function read(text: string, head: string, cues: string[] = []) {
  const start = text.indexOf(head);
  return readEventPhrase(text, start, start + head.length, cues);
}

describe('readEventPhrase: the phrase around a head, and its qualifiers', () => {
  it.each([
    [
      'the July 14 GOP Senate runoff in Alabama',
      'runoff',
      'the July 14 GOP Senate runoff in Alabama',
      ['date', 'party', 'office', 'state'],
    ],
    [
      'Sessions faces a runoff for the Republican nomination.',
      'runoff',
      'a runoff for the Republican nomination',
      ['party'],
    ],
    [
      "It was Alabama's Super Tuesday primary.",
      'primary',
      "Alabama's Super Tuesday primary",
      ['state', 'cue'],
    ],
    ['He lost the Texas runoff.', 'runoff', 'the Texas runoff', ['state']],
    [
      'a second impeachment',
      'impeachment',
      'a second impeachment',
      ['ordinal'],
    ],
    ['the runoff, not the primary', 'runoff', 'the runoff', []],
    [
      'Voters in the closely watched runoff turned out',
      'runoff',
      'the closely watched runoff',
      [],
    ],
    [
      'after the runoff election results came in',
      'runoff',
      'the runoff election results',
      [],
    ],
  ])('%s', (text, head, span, slots) => {
    const phrase = read(text, head, ['Super Tuesday']);
    expect(text.slice(phrase.start, phrase.end)).toBe(span);
    expect(phrase.qualifiers.map((q) => q.slot).sort()).toEqual(
      [...slots].sort(),
    );
  });

  it.each([
    ['primary challenger', 'He has no serious primary challenger.'],
    ['primary vote history', 'weighted by primary vote history.'],
    ['any impeachment', 'in any impeachment trial'],
    ['one party’s runoff', "voting in one party's runoff"],
  ])('marks a generic use: %s', (_name, text) => {
    const head = text.includes('runoff')
      ? 'runoff'
      : text.includes('impeachment')
        ? 'impeachment'
        : 'primary';
    expect(read(text, head).qualifiers.map((q) => q.slot)).toContain('generic');
  });

  it('stops before another event’s phrase but keeps its words as qualifiers', () => {
    const text =
      'Sessions recused himself from the Russia investigation in 2017.';
    const start = text.indexOf('recused');
    const phrase = readEventPhrase(
      text,
      start,
      start + 'recused'.length,
      ['Russia investigation'],
      new Set(['investigation']),
      true,
    );
    expect(text.slice(phrase.start, phrase.end)).toBe('recused himself');
    expect(phrase.qualifiers).toContainEqual({
      slot: 'cue',
      value: 'Russia investigation',
    });
  });
});

describe('judgeFrame: this event, another one, or not known yet', () => {
  const runoff = frameOf('alabama-senate-runoff-2020');
  const impeachment = frameOf('trump-impeachment');
  it.each([
    [
      'fits: its state, day and party',
      runoff,
      'the July 14 GOP runoff in Alabama',
      'runoff',
      'fits',
    ],
    [
      'fits: the date before the postponement',
      runoff,
      'the March 31 runoff',
      'runoff',
      'fits',
    ],
    ['other: another state', runoff, 'the Texas runoff', 'runoff', 'other'],
    [
      'other: another party',
      runoff,
      'the Democratic runoff',
      'runoff',
      'other',
    ],
    [
      'other: another office',
      runoff,
      'the congressional runoff',
      'runoff',
      'other',
    ],
    ['other: another day', runoff, 'the June 9 runoff', 'runoff', 'other'],
    ['bare: no qualifier', runoff, 'the runoff', 'runoff', 'bare'],
    [
      'fits: its participant',
      impeachment,
      "Trump's impeachment",
      'impeachment',
      'fits',
    ],
    [
      'other: someone else’s',
      impeachment,
      "Clinton's impeachment",
      'impeachment',
      'other',
    ],
    [
      'other: a second one',
      impeachment,
      'the second impeachment',
      'impeachment',
      'other',
    ],
    [
      'other: another year',
      impeachment,
      'the 1999 impeachment',
      'impeachment',
      'other',
    ],
    [
      'fits: the first, by ordinal',
      impeachment,
      'the first impeachment',
      'impeachment',
      'fits',
    ],
  ])('%s', (_name, frame, text, head, verdict) => {
    expect(judgeFrame(frame, read(text, head).qualifiers).verdict).toBe(
      verdict,
    );
  });
});

describe('who did it: subjects and antecedents', () => {
  it.each([
    ['Sessions recused himself', 'Sessions'],
    ['Then Matthew Whitaker declined to recuse', 'Whitaker'],
    ['He recused himself', 'pronoun'],
    ['The House impeached Trump', null],
  ])('%s', (text, subject) => {
    const verb = text.search(/recuse|impeached/u);
    const found = subjectBefore(text, verb);
    expect(found?.type === 'name' ? found.value : (found?.type ?? null)).toBe(
      subject,
    );
  });

  it('takes the last name before a pronoun, not a month or an office', () => {
    const text =
      'Officials asked Whitaker about it in March. He declined to recuse.';
    expect(nameBefore(text, text.indexOf('He declined'))).toBe('Whitaker');
  });
});
