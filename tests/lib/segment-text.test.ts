import { describe, expect, it } from 'vitest';
import { joinPieces } from '../../lib/segment-text';

describe('joinPieces', () => {
  it('joins pieces and maps a range back to each piece it covers, without edge spaces', () => {
    const joined = joinPieces(['Then Jeff ', 'Sessions', ' spoke']);
    expect(joined.text).toBe('Then Jeff Sessions spoke');
    expect(joined.toPieces(5, 18)).toEqual([
      { piece: 0, start: 5, end: 9 },
      { piece: 1, start: 0, end: 8 },
    ]);
  });

  it('removes invisible characters for matching and maps back to the original code units', () => {
    const joined = joinPieces(['Jeff Ses\u00ADsions\u200B and']);
    expect(joined.text).toBe('Jeff Sessions and');
    expect(joined.toPieces(0, 13)).toEqual([{ piece: 0, start: 0, end: 14 }]);
  });

  it('maps across a piece boundary that has an invisible character at its edge', () => {
    const joined = joinPieces(['Tuber\u00AD', 'ville']);
    expect(joined.text).toBe('Tuberville');
    expect(joined.toPieces(0, 10)).toEqual([
      { piece: 0, start: 0, end: 5 },
      { piece: 1, start: 0, end: 5 },
    ]);
  });

  it('skips empty pieces', () => {
    const joined = joinPieces(['Jeff', '', ' Sessions']);
    expect(joined.toPieces(0, 13)).toEqual([
      { piece: 0, start: 0, end: 4 },
      { piece: 2, start: 1, end: 9 },
    ]);
  });
});
