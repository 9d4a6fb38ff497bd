/**
 * The dataset's shape, as zod/mini schemas. Every type is inferred from these
 * schemas; nothing here touches the browser or the file system, so the build
 * (Node), the extension (content script, popup) and the tests share it.
 *
 * Two schemas matter:
 * - `CurationFileSchema`: what a human writes in `data/sources/<id>/entities.yaml`.
 * - `DatasetSchema`: what the build writes to `data/dataset.json` and what the
 *   extension parses again at load (a trust boundary like any other).
 */
import * as z from 'zod/mini';

import { ENTITY_KINDS, IdSchema, KEBAB_ID, type EntityKind } from './ids';

export { ENTITY_KINDS, IdSchema, KEBAB_ID, type EntityKind };
/** A calendar date or month as ISO text: `2020-05-23` or `2020-03`. */
const ISO_DAY_OR_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Non-empty text after trimming: an empty required field is an error, not a blank card line. */
const Text = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(2000, 'is longer than 2000 characters'),
  );

export const EntityKindSchema = z.enum(ENTITY_KINDS);

/**
 * How an alias may be matched. `safe`: it names this entity on its own (a full
 * name). `context`: it needs evidence from the page before it is linked (a bare
 * surname, a handle, an epithet, a descriptive phrase).
 */
export const ALIAS_SAFETY = ['safe', 'context'] as const;
/** What kind of name the alias is; the matcher's disambiguation rules depend on it. */
export const ALIAS_FORMS = [
  'full-name',
  'surname',
  'first-name',
  'handle',
  'epithet',
  'title',
  'phrase',
  'abbreviation',
  'demonym',
] as const;

/**
 * Where a piece of curated knowledge comes from: the article itself, or the
 * public record (then with a note saying what in it). An alias with basis
 * `article` must occur in the article; the build checks it.
 */
export const KNOWLEDGE_BASES = ['article', 'curated'] as const;

export const AliasSchema = z
  .strictObject({
    text: Text,
    safety: z.enum(ALIAS_SAFETY),
    form: z.enum(ALIAS_FORMS),
    /** Set when several entities may legitimately share this alias. */
    ambiguous: z.optional(z.boolean()),
    /**
     * The alias is also an ordinary word ("Sessions" in "training sessions",
     * "Auburn" the colour): capitalized only by a sentence start or a
     * title-case headline, it is not taken for the name without evidence.
     */
    commonWord: z.optional(z.boolean()),
    /**
     * The alias is also a town's name ("Auburn" the university and the city):
     * "in Auburn", "Auburn, Alabama" are the town.
     */
    placeName: z.optional(z.boolean()),
    basis: z.optional(z.enum(KNOWLEDGE_BASES)),
    note: z.optional(Text),
  })
  .check(
    z.refine((alias) => alias.basis !== 'curated' || alias.note !== undefined, {
      message: 'a curated alias needs a note saying where it comes from',
      path: ['note'],
    }),
  );
export type Alias = z.infer<typeof AliasSchema>;

/** Links are https only: `z.url()` alone accepts `javascript:` and `data:`. */
export const HttpsUrlSchema = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an https:// URL',
});

export const LinkSchema = z.strictObject({
  label: Text,
  url: HttpsUrlSchema,
});

// ---------------------------------------------------------------------------
// Dataset (built output)
// ---------------------------------------------------------------------------

/** A verbatim quote from one source; the build proves it occurs there. */
export const EvidenceSchema = z.strictObject({
  source: IdSchema,
  quote: Text,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FactSchema = z.strictObject({
  text: Text,
  evidence: EvidenceSchema,
});
export type Fact = z.infer<typeof FactSchema>;

/** Words a person said in the source; `text` itself is verbatim and checked too. */
export const SaidQuoteSchema = z.strictObject({
  text: Text,
  context: Text,
  evidence: EvidenceSchema,
});
export type SaidQuote = z.infer<typeof SaidQuoteSchema>;

export const RELATION_TYPES = [
  'endorsed',
  'supported',
  'criticized',
  'opponent',
  'candidate-in',
  'led',
  'investigated',
  'recused-from',
  'voted-for',
  'member-of',
  'polled',
  'reported',
  'coached-at',
  'represents',
  'promoted',
  'follows',
  'precedes',
  'posted-on',
  'seeks-seat-in',
  'position-on',
] as const;
export const RelationTypeSchema = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationTypeSchema>;

export const RelationSchema = z.strictObject({
  type: RelationTypeSchema,
  target: IdSchema,
  evidence: EvidenceSchema,
});
export type Relation = z.infer<typeof RelationSchema>;

/**
 * Where a date comes from: stated in the article, derived from the story date
 * ("July 14" → 2020-07-14), or curated from the public record (with a note).
 */
export const DATE_BASES = ['article', 'relative-to-story', 'curated'] as const;

export const EventDateSchema = z.strictObject({
  /** As a reader would say it: "July 14, 2020", "March 2020". */
  label: Text,
  start: z
    .string()
    .check(z.regex(ISO_DAY_OR_MONTH, 'must be YYYY-MM-DD or YYYY-MM')),
  end: z.optional(
    z
      .string()
      .check(z.regex(ISO_DAY_OR_MONTH, 'must be YYYY-MM-DD or YYYY-MM')),
  ),
  basis: z.enum(DATE_BASES),
  note: z.optional(Text),
  evidence: z.optional(EvidenceSchema),
});
export type EventDate = z.infer<typeof EventDateSchema>;

export const EVENT_STATUSES = ['past', 'ongoing', 'upcoming'] as const;

/** Slot values of an event frame; the words for each are in data/lexicon.ts. */
export const OFFICES = [
  'senate',
  'house',
  'governor',
  'president',
  'mayor',
  'legislature',
  'local',
] as const;
export const PARTIES = [
  'republican',
  'democratic',
  'libertarian',
  'green',
] as const;
export const STAGES = ['primary', 'runoff', 'general', 'special'] as const;
export const ORDINALS = ['first', 'second', 'third'] as const;

/**
 * How text refers to an event: a head word with what may qualify it. "The
 * July 14 GOP Senate runoff in Alabama" is the head "runoff" with a date, a
 * party, an office and a state that all fit; "the Texas runoff" has a state
 * that does not. The event's year, place and participants come from its
 * other fields. Curated from the public record, so it says so.
 */
export const EventFrameSchema = z.strictObject({
  /** Nouns for this kind of event, each word form: "runoff", "run-off". */
  heads: z.array(Text).check(z.minLength(1)),
  /**
   * Verb forms that refer to the event when a participant is their subject or
   * object: "Sessions recused himself", "the House impeached Trump".
   */
  verbs: z.optional(z.array(Text)),
  /**
   * Everyday phrases that mean the event only when their sentence says what
   * it is about: "stepped aside" (from the Russia investigation).
   */
  paraphrases: z.optional(z.array(Text)),
  office: z.optional(z.enum(OFFICES)),
  party: z.optional(z.enum(PARTIES)),
  stage: z.optional(z.enum(STAGES)),
  ordinal: z.optional(z.enum(ORDINALS)),
  /** Other days the event was known by, such as a date before a postponement. */
  otherDates: z.optional(
    z.array(z.string().check(z.regex(ISO_DAY, 'must be YYYY-MM-DD'))),
  ),
  /** Names and words in a phrase that point to this event: "Super Tuesday", "Russia", "special counsel". */
  cues: z.optional(z.array(Text)),
  /**
   * The heads are everyday words ("investigation", "race"): a phrase needs a
   * qualifier or cue of its own, in the phrase or its sentence, before it can
   * stand for this event.
   */
  needsQualifier: z.optional(z.boolean()),
  /**
   * Heads that are everyday nouns even when the others are not ("the trial",
   * "the House inquiry", "the acquittal" for an impeachment): they need a cue
   * or a participant in their sentence, or, after "the" or "this", in their
   * paragraph.
   */
  genericHeads: z.optional(z.array(Text)),
  basis: z.literal('curated'),
  note: Text,
});
export type EventFrame = z.infer<typeof EventFrameSchema>;

/** Fields shared by every kind. */
const entityBase = {
  id: IdSchema,
  name: Text,
  /** One line: who or what this is as of the story. */
  description: Text,
  /** Two or three sentences. */
  summary: Text,
  aliases: z
    .array(AliasSchema)
    .check(z.minLength(1, 'needs at least one alias')),
  facts: z.array(FactSchema),
  relations: z.array(RelationSchema),
  links: z.optional(z.array(LinkSchema)),
  /** Words that show a page is about this entity; the matcher uses them as context. */
  topics: z.optional(z.array(Text)),
  /** Ids of the sources this entity was curated from. */
  sources: z.array(IdSchema).check(z.minLength(1)),
};

/** A full name that many other people share: on its own it needs the page to be about this one. */
export const SharedNameSchema = z.strictObject({ note: Text });

export const PersonSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('person'),
  quotes: z.array(SaidQuoteSchema),
  sharedName: z.optional(SharedNameSchema),
});
export const OrganizationSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('organization'),
});
export const PlaceSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('place'),
});
export const EventSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('event'),
  date: EventDateSchema,
  /** As of the story's date. */
  status: z.enum(EVENT_STATUSES),
  place: z.optional(IdSchema),
  participants: z
    .array(IdSchema)
    .check(z.minLength(1, 'needs at least one participant')),
  frame: z.optional(EventFrameSchema),
});

export const EntitySchema = z.discriminatedUnion('kind', [
  PersonSchema,
  OrganizationSchema,
  PlaceSchema,
  EventSchema,
]);
export type Entity = z.infer<typeof EntitySchema>;
export type Person = z.infer<typeof PersonSchema>;
export type EventEntity = z.infer<typeof EventSchema>;

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  /** The story's date (YYYY-MM-DD). */
  date: z.string().check(z.regex(ISO_DAY, 'must be YYYY-MM-DD')),
  /** True when the date is curated metadata rather than printed in the text. */
  dateCurated: z.boolean(),
  dateNote: z.optional(Text),
  /** The outlet, only when known: never invented. */
  outlet: z.optional(Text),
  url: z.optional(HttpsUrlSchema),
  /** Path of the verbatim text, relative to `data/`. */
  file: Text,
});
export type Source = z.infer<typeof SourceSchema>;

export const DATASET_VERSION = 1;

export const DatasetSchema = z.strictObject({
  version: z.literal(DATASET_VERSION),
  sources: z.array(SourceSchema).check(z.minLength(1)),
  entities: z.array(EntitySchema),
});
export type Dataset = z.infer<typeof DatasetSchema>;

// ---------------------------------------------------------------------------
// Curation (human-written input: per source, source.yaml + entities.yaml)
// ---------------------------------------------------------------------------

/** In a curation file, evidence is just the quote: its source is the file's own. */
const CuratedEvidence = Text;

const curatedBase = {
  id: IdSchema,
  kind: EntityKindSchema,
  name: z.optional(Text),
  description: z.optional(Text),
  summary: z.optional(Text),
  aliases: z.optional(z.array(AliasSchema)),
  facts: z.optional(
    z.array(z.strictObject({ text: Text, evidence: CuratedEvidence })),
  ),
  quotes: z.optional(
    z.array(
      z.strictObject({ text: Text, context: Text, evidence: CuratedEvidence }),
    ),
  ),
  relations: z.optional(
    z.array(
      z.strictObject({
        type: RelationTypeSchema,
        target: IdSchema,
        evidence: CuratedEvidence,
      }),
    ),
  ),
  links: z.optional(z.array(LinkSchema)),
  topics: z.optional(z.array(Text)),
  date: z.optional(
    z.strictObject({
      label: Text,
      start: EventDateSchema.shape.start,
      end: EventDateSchema.shape.end,
      basis: EventDateSchema.shape.basis,
      note: z.optional(Text),
      evidence: z.optional(CuratedEvidence),
    }),
  ),
  status: z.optional(z.enum(EVENT_STATUSES)),
  place: z.optional(IdSchema),
  participants: z.optional(z.array(IdSchema)),
  frame: z.optional(EventFrameSchema),
  sharedName: z.optional(SharedNameSchema),
};

/**
 * One curated entity. Fields are optional here because a second source may add
 * facts to an entity that another source already describes; the build checks
 * that the merged entity is complete.
 */
export const CuratedEntitySchema = z.strictObject(curatedBase);
export type CuratedEntity = z.infer<typeof CuratedEntitySchema>;

export const SourceMetaSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  date: SourceSchema.shape.date,
  dateCurated: z.boolean(),
  dateNote: z.optional(Text),
  outlet: z.optional(Text),
  url: z.optional(HttpsUrlSchema),
});
export type SourceMeta = z.infer<typeof SourceMetaSchema>;

export const CurationFileSchema = z.strictObject({
  entities: z.array(CuratedEntitySchema),
});
export type CurationFile = z.infer<typeof CurationFileSchema>;

/** Proper names the coverage check found that deliberately have no entity. */
export const CoverageIgnoreSchema = z.strictObject({
  ignored: z.array(z.strictObject({ name: Text, reason: Text })),
});
export type CoverageIgnore = z.infer<typeof CoverageIgnoreSchema>;

/** Parses untrusted data (the bundled JSON at load time); throws a readable error. */
export function parseDataset(raw: unknown): Dataset {
  const result = DatasetSchema.safeParse(raw);
  if (!result.success)
    throw new Error(`Invalid dataset:\n${z.prettifyError(result.error)}`);
  return result.data;
}
