import { describe, expect, it } from 'vitest';
import { verdictIn } from './rule-helpers';

describe('places and organizations: the name is part of something else', () => {
  it.each([
    // [sentence, entity, alias, expected]
    ['Alabama 38, Texas A&M 19', 'alabama', 'Alabama', 'refused'],
    ['the Crimson Tide beat Alabama State', 'alabama', 'Alabama', 'refused'],
    ['Russia beat Spain 2-1 in the final.', 'russia', 'Russia', 'refused'],
    [
      'the team lost to China in the quarterfinals',
      'china',
      'China',
      'refused',
    ],
    ['a dispute in the South China Sea', 'china', 'China', 'refused'],
    ['the China Grove town council', 'china', 'China', 'refused'],
    ['at the University of South Alabama', 'alabama', 'Alabama', 'refused'],
    ['a house on Alabama Street', 'alabama', 'Alabama', 'refused'],
    ['the Nigerian Senate met on Tuesday', 'us-senate', 'Senate', 'refused'],
    [
      "South Korea's Democratic Party won",
      'democratic-party',
      'Democratic Party',
      'refused',
    ],
    ['the Texas state Senate', 'us-senate', 'Senate', 'refused'],
    ['a salon in Auburn, Alabama', 'auburn-university', 'Auburn', 'refused'],
    ['the Palace of Auburn Hills', 'auburn-university', 'Auburn', 'refused'],
    ['Montgomery, Mobile and Auburn', 'auburn-university', 'Auburn', 'refused'],
    // …and when it is the place or organization.
    ['voters across Central Alabama', 'alabama', 'Alabama', 'ok'],
    ['in Alabama May 14–17, 2020', 'alabama', 'Alabama', 'ok'],
    ['the Senate Judiciary Committee heard him', 'us-senate', 'Senate', 'ok'],
    ['Senate Majority Leader Mitch McConnell', 'us-senate', 'Senate', 'ok'],
    [
      'Sessions clashed over China as the runoff neared',
      'china',
      'China',
      'ok',
    ],
    ['Trump won Alabama by 28 points', 'alabama', 'Alabama', 'ok'],
    ['a former Auburn football coach', 'auburn-university', 'Auburn', 'ok'],
  ])('%s → %s: %s', (sentence, entity, alias, expected) => {
    expect(verdictIn(entity, alias, sentence)).toBe(expected);
  });
});
