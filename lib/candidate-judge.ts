/**
 * The signals for one candidate (link-decision.ts has the weights): the
 * prior of its surface form, its local signals, the page's evidence (the
 * entity named in full, related entities, topic words), coherence (a page
 * about sports or another state), coreference for bare surnames, and for
 * event phrases how their frame fits. Pure.
 */
import {
  aliasKey,
  type AliasEntry,
  type EntityFacts,
  needsCue,
} from './alias-table';
import { decide, type Signal, WEIGHTS } from './link-decision';
import { namesOwnPlace } from './local-context';
import {
  type Candidate,
  NOWHERE,
  ORDER_STRIDE,
  type Placement,
} from './mention-types';
import type { PageEvidence } from './page-evidence';
import { describeQualifier, identifies, listJoin } from './sentence-context';

/** Full names more than this many segments away do not decide who a bare surname is. */
const COREFERENCE_WINDOW = 3 * ORDER_STRIDE;

/**
 * A page naming this many other people or events of the dataset in full is
 * about its story, whatever else it talks about (a story about a football
 * coach who runs for the Senate is full of sports words). Places and
 * organizations do not count: every page names a state or a party.
 */
const COHERENT_STORY_NAMES = 2;

export class CandidateJudge {
  constructor(private readonly facts: ReadonlyMap<string, EntityFacts>) {}

  /** The signals for one candidate, summed into a decision (link-decision.ts). */
  decide(candidate: Candidate, evidence: PageEvidence, here: Placement) {
    const { alias } = candidate;
    const facts = this.facts.get(alias.entityId)!;
    const entity = facts.entity;
    const signals: Signal[] = [...candidate.local];
    let vetoed = false;
    // "Auburn Is the Fall Color": capitalized only by position, and the page
    // uses the same word in lower case ("what auburn actually is").
    if (
      signals.some((signal) => signal.name === 'common-word') &&
      evidence.lowercaseWords.has(alias.text.toLowerCase())
    )
      signals.push({ name: 'common-word', weight: WEIGHTS.commonWordOnPage });

    // The prior of the surface form.
    if (alias.kind === 'event') {
      vetoed = this.eventSignals(candidate, facts, evidence, here, signals);
    } else if (alias.safety === 'safe') {
      signals.push({
        name: 'full-name',
        weight: WEIGHTS.fullName,
        text: 'it is a full name',
      });
      if (
        entity.kind === 'person' &&
        entity.sharedName &&
        alias.form === 'full-name'
      )
        signals.push({ name: 'shared-name', weight: WEIGHTS.sharedName });
    } else if (alias.form === 'title') {
      signals.push({
        name: 'title-fits',
        weight: WEIGHTS.titleFits,
        text: `“${alias.text}” is a title this person holds`,
      });
    } else if (alias.form === 'handle') {
      signals.push({
        name: 'handle',
        weight: WEIGHTS.handle,
        text: `“${alias.text}” is this account`,
      });
    } else if (alias.form === 'first-name') {
      signals.push({ name: 'first-name', weight: WEIGHTS.firstName });
    } else if (entity.kind !== 'person' && /^[\p{Lu}@#]/u.test(alias.text)) {
      signals.push({
        name: 'proper-name',
        weight: WEIGHTS.properName,
        text: `“${alias.text}” is written as a name`,
      });
    }

    // Coreference: a bare surname (or title + surname) goes to whoever the page is about there.
    if (
      entity.kind === 'person' &&
      alias.safety !== 'safe' &&
      (alias.form === 'surname' || alias.form === 'title')
    ) {
      const referent = this.coreferent(facts, evidence, here.order);
      if (referent === 'someone-else') vetoed = true;
      // "Melania Trump Marks…" in a headline: the page calls someone else Melania Trump.
      if (
        candidate.neighbour !== undefined &&
        facts.surnames.some((key) =>
          evidence.otherFirstWords.get(key)?.has(candidate.neighbour!),
        )
      )
        vetoed = true;
      if (referent === 'ours')
        signals.push({
          name: 'nearest-full-name',
          weight: WEIGHTS.nearestFullName,
          text: 'the nearest full name with this surname is theirs',
        });
    }

    // The page: this entity named in full, related entities, topic words.
    const named = evidence.named.get(alias.entityId);
    if (
      alias.safety !== 'safe' &&
      named !== undefined &&
      alias.kind !== 'event'
    )
      signals.push({
        name: 'named-on-page',
        weight: WEIGHTS.namedOnPage,
        text: `“${named}” appears on this page`,
      });
    // Its story: related entities and theirs (the senator's race, the race's candidates).
    const related = [...facts.story]
      .filter((id) => id !== alias.entityId && evidence.named.has(id))
      .map((id) => evidence.named.get(id)!);
    if (related.length)
      signals.push({
        name: 'related-on-page',
        weight: Math.min(
          WEIGHTS.relatedOnPageMax,
          related.length * WEIGHTS.relatedOnPage,
        ),
        text: `the page names ${listJoin(related.slice(0, 3).map((name) => `“${name}”`))}`,
      });
    if ([...here.segmentEntities].some((id) => facts.related.has(id)))
      signals.push({
        name: 'related-in-paragraph',
        weight: WEIGHTS.relatedInParagraph,
        text: 'its paragraph names someone or something related',
      });
    const topics = (entity.topics ?? []).filter((topic) =>
      evidence.topics.has(aliasKey(topic).toLowerCase()),
    );
    if (topics.length)
      signals.push({
        name: 'topics-on-page',
        weight: Math.min(
          WEIGHTS.topicOnPageMax,
          topics.length * WEIGHTS.topicOnPage,
        ),
        text: `the page mentions ${listJoin(topics.slice(0, 3))}`,
      });

    // Coherence: a page about another domain that names hardly anything of this story.
    const domain = evidence.offTopicDomain();
    if (
      domain &&
      this.namedPeopleAndEvents(alias.entityId, evidence) < COHERENT_STORY_NAMES
    )
      signals.push({ name: 'off-topic-page', weight: WEIGHTS.offTopicPage });
    return decide(signals, vetoed);
  }

  /** The frame's signals for an event phrase; true when it may not link at all. */
  private eventSignals(
    candidate: Candidate,
    facts: EntityFacts,
    evidence: PageEvidence,
    here: Placement,
    signals: Signal[],
  ): boolean {
    const { alias } = candidate;
    if (!candidate.frame) {
      // An event's own name ("Obamagate"), matched as an alias.
      if (alias.safety === 'safe' || /^[#@]?\p{Lu}/u.test(alias.text))
        signals.push({
          name: 'full-name',
          weight: WEIGHTS.fullName,
          text: 'it is the event’s name',
        });
      return false;
    }
    const { verdict, cueInSentence } = candidate.frame;
    if (verdict.verdict === 'fits') {
      const strong = verdict.strong.map(describeQualifier);
      if (strong.length)
        signals.push({
          name: 'phrase-names-it',
          weight: Math.min(
            WEIGHTS.phraseNamesItMax,
            strong.length * WEIGHTS.phraseNamesIt,
          ),
          text: `the phrase names ${listJoin(strong)}`,
        });
      if (verdict.weak.length)
        signals.push({
          name: 'phrase-narrows-it',
          weight: Math.min(
            WEIGHTS.phraseNarrowsItMax,
            verdict.weak.length * WEIGHTS.phraseNarrowsIt,
          ),
          text: `the phrase says ${listJoin(verdict.weak.map(describeQualifier))}`,
        });
    } else if (needsCue(alias, facts) || alias.form === 'event-verb') {
      // Everyday words ("the investigation") and verbs with no named subject need their sentence.
      if (
        !cueInSentence &&
        !(alias.form === 'event-verb' && this.participantInSegment(facts, here))
      )
        return true;
      signals.push({
        name: 'cue-in-sentence',
        weight: WEIGHTS.cueInSentence,
        text: 'its sentence names who or what it is about',
      });
    } else if (
      !this.eventFitsSegment(facts, alias, here) &&
      (candidate.indefinite || !this.pageIsAboutEvent(facts, evidence))
    ) {
      // A bare head ("the runoff") needs its paragraph or the page to be about the event.
      return true;
    }
    if (verdict.verdict !== 'fits' || !verdict.strong.some(identifies)) {
      if (this.pageIsAboutAnotherState(facts, alias, evidence))
        signals.push({
          name: 'other-state-page',
          weight: WEIGHTS.otherStatePage,
        });
    }
    return false;
  }

  /** A bare head's paragraph is about the event: a related entity, or two of its topic words besides the head. */
  private eventFitsSegment(
    facts: EntityFacts,
    alias: AliasEntry,
    here: Placement,
  ): boolean {
    if (here === NOWHERE) return true;
    if ([...here.segmentEntities].some((id) => facts.related.has(id)))
      return true;
    const head = alias.text.toLowerCase();
    const topics = (facts.entity.topics ?? [])
      .map((topic) => aliasKey(topic).toLowerCase())
      .filter(
        (topic) => here.segmentTopics.includes(topic) && !topic.includes(head),
      );
    return topics.length >= 2;
  }

  /** The page names the event's people and place in full: a bare "the runoff" there is this one. */
  private pageIsAboutEvent(
    facts: EntityFacts,
    evidence: PageEvidence,
  ): boolean {
    const entity = facts.entity;
    if (entity.kind !== 'event') return false;
    const own = [
      ...entity.participants,
      ...(entity.place ? [entity.place] : []),
    ];
    const named = own.filter((id) => evidence.named.has(id)).length;
    return named >= Math.min(2, own.length);
  }

  /** People and events of the dataset named in full on the page, this one aside. */
  private namedPeopleAndEvents(
    entityId: string,
    evidence: PageEvidence,
  ): number {
    let count = 0;
    for (const id of evidence.named.keys()) {
      const kind = this.facts.get(id)?.entity.kind;
      if (id !== entityId && (kind === 'person' || kind === 'event'))
        count += 1;
    }
    return count;
  }

  private participantInSegment(facts: EntityFacts, here: Placement): boolean {
    const entity = facts.entity;
    return (
      entity.kind === 'event' &&
      entity.participants.some((id) => here.segmentEntities.has(id))
    );
  }

  /**
   * Who a bare surname refers to: the nearest full name with that surname
   * before it on the page (else the first after it), ours or someone else's.
   */
  private coreferent(
    facts: EntityFacts,
    evidence: PageEvidence,
    order: number,
  ): 'ours' | 'someone-else' | 'unknown' {
    let before: { entityId: string | null; order: number } | undefined;
    let after: { entityId: string | null; order: number } | undefined;
    let ours = 0;
    let others = 0;
    for (const key of facts.surnames) {
      for (const [entityId, count] of evidence.nameCounts.get(key) ?? []) {
        if (entityId === facts.entity.id) ours += count;
        else others += count;
      }
      const list = evidence.names.get(key);
      if (!list?.length) continue;
      const at = firstAfter(list, order);
      const previous = list[at - 1];
      const next = list[at];
      if (previous && (!before || previous.order > before.order))
        before = previous;
      if (next && (!after || next.order < after.order)) after = next;
    }
    const decideBy = (event: { entityId: string | null }) =>
      event.entityId === facts.entity.id ? 'ours' : 'someone-else';
    // The full name closest before it decides ("Pete Sessions … Sessions said"),
    // then the closest after it; only then the page as a whole.
    if (before && order - before.order < COREFERENCE_WINDOW)
      return decideBy(before);
    if (!before && after && after.order - order < COREFERENCE_WINDOW)
      return decideBy(after);
    if (ours >= others) return ours ? 'ours' : 'unknown';
    // A page about the other one: it names them in full far more often.
    return others > 2 * ours ? 'someone-else' : 'unknown';
  }

  /**
   * A page that names another state more often than the event's own is
   * about a race there. (A page about Alabama that compares it with Texas,
   * Georgia and Mississippi is still about Alabama.)
   */
  private pageIsAboutAnotherState(
    facts: EntityFacts,
    alias: AliasEntry,
    evidence: PageEvidence,
  ): boolean {
    if (!facts.placeWords.size || namesOwnPlace(alias, facts)) return false;
    let own = 0;
    let otherMost = 0;
    for (const [state, count] of evidence.states) {
      if (facts.placeWords.has(state)) own += count;
      else otherMost = Math.max(otherMost, count);
    }
    return otherMost > own;
  }
}

/**
 * What may still link inside a refused match: not the same person's shorter
 * name when the match was someone else ("Doug Jones" refused as the actor:
 * "Jones" is the actor too).
 */
export function keepsAfterRefusal(
  inner: AliasEntry,
  outer: readonly AliasEntry[],
): boolean {
  return !outer.some(
    (entry) => entry.kind === 'person' && entry.entityId === inner.entityId,
  );
}

/** Index of the first event after `order` in a list sorted by order (binary search). */
function firstAfter(
  list: ReadonlyArray<{ order: number }>,
  order: number,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.order <= order) low = mid + 1;
    else high = mid;
  }
  return low;
}
