/**
 * A segment is the text of consecutive text nodes that read as one run
 * ("Jeff <b>Sessions</b>" is one segment of two pieces). The matcher works on
 * the segment's joined text, with invisible characters that pages put inside
 * words (soft hyphens, zero-width spaces and joiners, word joiners, BOMs)
 * removed; the offsets of what it finds are mapped back to ranges in the
 * original pieces. Pure: no DOM.
 */

/** Invisible format characters that may sit inside a name on a real page. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: a set of single invisible code points, joiners included on purpose, never a sequence.
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/gu;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: as above.
const HAS_INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/u;

// biome-ignore lint/suspicious/noMisleadingCharacterClass: as above.
const EDGE_SPACE = /[\s\u00AD\u200B\u200C\u200D\u2060\uFEFF]/u;

/** True when `text` has an invisible character the matcher drops (see `joinPieces`). */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** `text` without the invisible characters the matcher never sees (see `joinPieces`). */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A range inside one piece: `piece` indexes the pieces given to `joinPieces`. */
export type PieceRange = { piece: number; start: number; end: number };

export type JoinedText = {
  /** The pieces joined, invisible characters removed. */
  text: string;
  /** Maps a [start, end) range of `text` to the ranges of original pieces it covers. */
  toPieces(start: number, end: number): PieceRange[];
};

export function joinPieces(pieces: readonly string[]): JoinedText {
  const joined = pieces.join('');
  // Fast path: nothing invisible, offsets map by piece boundaries alone.
  const hasInvisible = HAS_INVISIBLE.test(joined);
  const pieceStarts: number[] = [];
  let position = 0;
  for (const piece of pieces) {
    pieceStarts.push(position);
    position += piece.length;
  }
  const text = hasInvisible ? joined.replace(INVISIBLE, '') : joined;
  /** Original offset of each cleaned character, plus one past the end (only when cleaned). */
  let originalOffsets: Int32Array | null = null;
  if (hasInvisible) {
    originalOffsets = new Int32Array(text.length + 1);
    let cleaned = 0;
    for (let original = 0; original < joined.length; original += 1) {
      if (HAS_INVISIBLE.test(joined[original]!)) continue;
      originalOffsets[cleaned] = original;
      cleaned += 1;
    }
    originalOffsets[cleaned] = joined.length;
  }

  const pieceOf = (offset: number): number => {
    // Last piece starting at or before `offset` (binary search; pieces may be empty).
    let low = 0;
    let high = pieceStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieceStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  return {
    text,
    toPieces(start, end) {
      const from = originalOffsets ? originalOffsets[start]! : start;
      // End maps to one past the last kept character, so trailing invisibles stay outside.
      const to = originalOffsets ? originalOffsets[end - 1]! + 1 : end;
      const ranges: PieceRange[] = [];
      for (let piece = pieceOf(from); piece < pieces.length; piece += 1) {
        const pieceStart = pieceStarts[piece]!;
        const pieceEnd = pieceStart + pieces[piece]!.length;
        if (pieceStart >= to) break;
        let rangeStart = Math.max(from, pieceStart) - pieceStart;
        let rangeEnd = Math.min(to, pieceEnd) - pieceStart;
        // A name split over elements ("Jeff <b>Sessions</b>") wraps "Jeff", not "Jeff ".
        const data = pieces[piece]!;
        while (rangeStart < rangeEnd && EDGE_SPACE.test(data[rangeStart]!))
          rangeStart += 1;
        while (rangeEnd > rangeStart && EDGE_SPACE.test(data[rangeEnd - 1]!))
          rangeEnd -= 1;
        if (rangeEnd > rangeStart)
          ranges.push({ piece, start: rangeStart, end: rangeEnd });
      }
      return ranges;
    },
  };
}
