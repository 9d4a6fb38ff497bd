/**
 * One decision for every candidate: named signals with weights, summed and
 * compared with one threshold (the entity-linking family of TagMe and its
 * successors: a prior for the surface form, local context, page context and
 * coherence). A veto is a signal that settles it alone ("Pete Sessions" is
 * someone else). The signals that carried a link are what the card shows
 * under "why linked".
 *
 * Pure. The weights were set by hand and checked on the corpus's dev split
 * (tests/e2e/pages/corpus/dev); docs/matching.md has the table.
 */

export type SignalName =
  | 'full-name'
  | 'shared-name'
  | 'title-fits'
  | 'handle'
  | 'proper-name'
  | 'first-name'
  | 'common-word'
  | 'named-on-page'
  | 'nearest-full-name'
  | 'related-on-page'
  | 'related-in-paragraph'
  | 'topics-on-page'
  | 'off-topic-page'
  | 'other-state-page'
  | 'phrase-names-it'
  | 'phrase-narrows-it'
  | 'cue-in-sentence'
  | 'participant-is-subject'
  | 'context-words';

export type Signal = {
  name: SignalName;
  weight: number;
  /** What the card says for it ("“Jeff Sessions” appears on this page"). */
  text?: string;
};

/** The decision: sum of weights at least this links. */
export const LINK_THRESHOLD = 1.5;

/**
 * Weights, each with its reason. A full name links alone (2 ≥ 1.5); a bare
 * surname needs the page (its full name, or related people and topics); a
 * shared full name ("Doug Jones") needs the page too; pages about another
 * domain or another state take a link away unless the page is about us.
 */
export const WEIGHTS = {
  /** A safe alias is a full name: on its own enough. */
  fullName: 2,
  /** Many people share the full name: it needs the page as much as a surname does. */
  sharedName: -1.5,
  /** "Sen. Tuberville", "Mr. Trump": a title this person holds. */
  titleFits: 0.5,
  /** "@SenDougJones": an account's name is specific, but a page may quote anyone's. */
  handle: 0.5,
  /** A capitalized proper name of a place or organization ("Twitter", "GOP"): one sign of the story is enough. */
  properName: 1,
  /** "Jeff" alone is a name only once the full name is on the page. */
  firstName: -1,
  /** "Sessions" capitalized only by a sentence start ("Sessions start Monday"). */
  commonWord: -0.5,
  /** …and the page uses that word in lower case too: it is the word. */
  commonWordOnPage: -1.5,
  /** The entity is named in full elsewhere on the page. */
  namedOnPage: 1.5,
  /** The nearest full name with this surname is this person's. */
  nearestFullName: 0.5,
  /** Per related entity named in full on the page, up to three. */
  relatedOnPage: 0.5,
  relatedOnPageMax: 1.5,
  /** A related entity in the same paragraph. */
  relatedInParagraph: 0.5,
  /** Per topic word on the page, up to three. */
  topicOnPage: 0.25,
  topicOnPageMax: 0.75,
  /** A page about sports or the screen that names nothing related. */
  offTopicPage: -2,
  /** An event phrase on a page that names other states more than the event's own. */
  otherStatePage: -2,
  /** Per strong qualifier in an event phrase (a date, the state, a participant, a cue), up to two. */
  phraseNamesIt: 1.5,
  phraseNamesItMax: 3,
  /** Per weak qualifier (party, office, stage, year), up to two. */
  phraseNarrowsIt: 0.5,
  phraseNarrowsItMax: 1,
  /** An everyday head ("the investigation") with a cue or participant in its sentence. */
  cueInSentence: 1,
  /** Per word of the entity's description or topics near the mention, up to three. */
  contextWord: 0.5,
  contextWordMax: 1.5,
} as const;

export type Decision = { link: boolean; score: number; signals: Signal[] };

/** Sums the signals; `vetoed` settles it against linking. */
export function decide(signals: readonly Signal[], vetoed = false): Decision {
  const score = signals.reduce((sum, signal) => sum + signal.weight, 0);
  return {
    link: !vetoed && score >= LINK_THRESHOLD - 1e-9,
    score,
    signals: [...signals],
  };
}

/** Why a mention is linked, for the card: the positive signals that have something to say. */
export type MentionReason = {
  signals: Array<{ name: SignalName; text: string }>;
};

export function reasonOf(decision: Decision): MentionReason {
  return {
    signals: decision.signals
      .filter((signal) => signal.weight > 0 && signal.text)
      .sort((a, b) => b.weight - a.weight)
      .map((signal) => ({ name: signal.name, text: signal.text! })),
  };
}

/** One sentence for the card: "Linked because it is a full name and the page names Tommy Tuberville." */
export function describeReason(
  reason: MentionReason | undefined,
): string | null {
  if (!reason?.signals.length) return null;
  const parts = reason.signals.slice(0, 3).map((signal) => signal.text);
  const list =
    parts.length === 1
      ? parts[0]!
      : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]!}`;
  return `Linked because ${list}.`;
}
