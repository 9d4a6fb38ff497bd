/**
 * Reads event phrases through their frames: for a head or verb the scan
 * found ("runoff", "recused"), reads the phrase around it with each event's
 * frame that has that word, and keeps the best fitting reading. Pure.
 */
import type { AliasEntry, EntityFacts } from './alias-table';
import {
  judgeFrame,
  nameBefore,
  namesAfter,
  readEventPhrase,
  subjectBefore,
  type FrameFacts,
  type Qualifier,
} from './event-frames';
import { isGenericUse } from './local-context';
import type { Candidate } from './mention-types';
import {
  OWNED_VERB_PHRASE,
  sentenceConflict,
  identifies,
} from './sentence-context';
import { isShouting, isTitleCase, startsSentence } from './text-words';

export class EventReader {
  constructor(
    private readonly facts: ReadonlyMap<string, EntityFacts>,
    /** Every event head and verb, lower case: an event phrase stops where another begins. */
    private readonly stopWords: ReadonlySet<string>,
  ) {}

  /**
   * Reads the event phrase around a head or verb, for each event it may be;
   * the best fitting reading wins. Null when every reading is another event
   * or not an event at all ("questions of recusal").
   */
  read(
    entries: readonly AliasEntry[],
    text: string,
    start: number,
    end: number,
  ): Candidate | null {
    let best: { candidate: Candidate; rank: number } | null = null;
    for (const entry of entries) {
      const facts = this.facts.get(entry.entityId)!;
      const frameFacts = facts.frame;
      if (!frameFacts) continue;
      const matched = text.slice(start, end);
      // Lower-case heads are common nouns; a capital only at a sentence start or in a headline.
      if (
        entry.text !== matched &&
        !/^\p{Lu}/u.test(entry.text) &&
        !startsSentence(text, start) &&
        !isTitleCase(text) &&
        !isShouting(text)
      )
        continue;
      const isParaphrase = entry.form === 'event-paraphrase';
      const isVerb = entry.form === 'event-verb' || isParaphrase;
      if (!isVerb && isGenericUse(entry, text, start, end)) continue;
      const phrase = readEventPhrase(
        text,
        start,
        end,
        frameFacts.event.frame?.cues ?? [],
        this.stopWords,
        isVerb,
      );
      const qualifiers: Qualifier[] = [...phrase.qualifiers];
      let phraseStart = phrase.start;
      // "his primary", "her recusal": the possessive means whoever was last named.
      if (
        /^(?:his|her|their)\b/iu.test(
          text.slice(phrase.start, phrase.start + 6),
        )
      ) {
        const owner = nameBefore(text, phrase.start);
        if (owner) qualifiers.push({ slot: 'name', value: owner });
      }
      if (isVerb) {
        // "Sessions’s decision to step aside": the nominalized phrase is one mention.
        const before = text.slice(Math.max(0, start - 90), start);
        const owned = OWNED_VERB_PHRASE.exec(before);
        if (owned) {
          phraseStart = start - (before.length - owned.index);
          qualifiers.push({ slot: 'name', value: owned[1]! });
        }
      }
      if (isVerb) {
        const subject = subjectBefore(text, start);
        if (subject?.type === 'name')
          qualifiers.push({ slot: 'name', value: subject.value });
        if (subject?.type === 'pronoun') {
          // "He recused himself": whoever the paragraph last named, when that
          // is a participant. (A wrong guess must not make it another event:
          // the last capitalized word is often an object, "told Kislyak".)
          const antecedent = nameBefore(text, start);
          if (antecedent && frameFacts.participantWords.has(antecedent))
            qualifiers.push({ slot: 'name', value: antecedent });
        }
        if (subject === null) {
          // "his attorney general recused himself": a participant by description.
          const described = this.participantDescribedBefore(
            frameFacts,
            text,
            start,
          );
          if (described) qualifiers.push({ slot: 'name', value: described });
        }
        if (subject?.type !== 'name') {
          for (const name of namesAfter(text, phrase.end))
            if (frameFacts.participantWords.has(name))
              qualifiers.push({ slot: 'name', value: name });
        }
      }
      const verdict = judgeFrame(frameFacts, qualifiers);
      if (verdict.verdict === 'other') continue;
      // A phrase that does not name its state, date or people on its own is
      // read in its sentence: "In Texas, the runoff…", "the trial in 1999".
      if (
        verdict.verdict === 'bare' ||
        (verdict.verdict === 'fits' &&
          // A verb's cue ("recuse from the Mueller investigation") says what
          // was recused from, not when or by whom: its sentence still counts.
          !verdict.strong.some(
            (q) => identifies(q) && !(isVerb && q.slot === 'cue'),
          ))
      ) {
        const conflict = sentenceConflict(frameFacts, text, start, end);
        if (conflict) continue;
      }
      void verdict;
      const cues = frameFacts.event.frame?.cues ?? [];
      if (isParaphrase) {
        // "stepped aside" means the recusal only with its cue ("from the
        // Russia investigation"), or with its participant as the subject in a
        // paragraph about it ("Sessions would step aside").
        const named =
          verdict.verdict === 'fits' &&
          verdict.strong.some((q) => q.slot === 'cue');
        const byParticipant =
          verdict.verdict === 'fits' &&
          verdict.strong.some((q) => q.slot === 'name') &&
          cues.some((cue) => text.includes(cue));
        if (
          !named &&
          !byParticipant &&
          !this.sentenceHasCue(text, start, cues, new Set())
        )
          continue;
      }
      // An everyday head ("the trial") needs a cue or participant in its sentence.
      const cueInSentence =
        verdict.verdict === 'bare' &&
        this.sentenceHasCue(text, start, cues, frameFacts.participantWords);
      const rank =
        verdict.verdict === 'fits'
          ? 2 + verdict.strong.length
          : cueInSentence
            ? 1
            : 0;
      if (!best || rank > best.rank) {
        best = {
          rank,
          candidate: {
            start: phraseStart,
            end: phrase.end,
            alias: entry,
            fallback: [],
            local: [],
            frame: { verdict, cueInSentence },
            ...(/^an?\s/iu.test(text.slice(phraseStart, phraseStart + 3))
              ? { indefinite: true }
              : {}),
          },
        };
      }
    }
    return best?.candidate ?? null;
  }

  /**
   * A participant named by its description right before a verb ("the
   * attorney general recused himself"): the first of its name words, or null.
   */
  private participantDescribedBefore(
    frame: FrameFacts,
    text: string,
    at: number,
  ): string | null {
    const before = text.slice(Math.max(0, at - 40), at).toLowerCase();
    for (const id of frame.event.participants) {
      const participant = this.facts.get(id);
      if (!participant) continue;
      const description = participant.entity.description.toLowerCase();
      // Two consecutive words of the description ("attorney general"), after
      // a definite or possessive determiner: "an attorney general who…"
      // speaks of any.
      const words = before.match(/[\p{L}'’-]+/gu) ?? [];
      for (
        let i = Math.max(1, words.length - 4);
        i + 1 < words.length;
        i += 1
      ) {
        if (
          description.includes(`${words[i]} ${words[i + 1]}`) &&
          /^(?:the|his|her|their|[\p{L}]+['’]s?)$/u.test(words[i - 1]!) &&
          !/^(?:a|an|any|every)$/u.test(words[i - 1]!)
        )
          return participant.entity.name.split(' ').at(-1) ?? null;
      }
    }
    return null;
  }

  /** Does the sentence around `at` name a cue or participant of the event? */
  private sentenceHasCue(
    text: string,
    at: number,
    cues: readonly string[],
    participantWords: ReadonlySet<string>,
  ): boolean {
    const from = Math.max(
      0,
      text.lastIndexOf('. ', at) + 1,
      text.lastIndexOf('? ', at) + 1,
      text.lastIndexOf('! ', at) + 1,
    );
    let to = text.length;
    for (const stop of ['. ', '? ', '! ']) {
      const found = text.indexOf(stop, at);
      if (found >= 0) to = Math.min(to, found);
    }
    const sentence = text.slice(from, to);
    if (cues.some((cue) => sentence.includes(cue))) return true;
    for (const word of sentence.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [])
      if (participantWords.has(word.replace(/['’]s?$/u, ''))) return true;
    return false;
  }
}
