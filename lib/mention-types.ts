/**
 * The matcher's data: what a scan finds in a segment (candidates, names,
 * context words) and what a resolve returns (mentions with their reasons).
 * Pure types and two constants; no logic.
 */
import type { EntityKind } from '../data/dataset-schema';
import type { AliasEntry } from './alias-table';
import type { FrameVerdict } from './event-frames';
import type { MentionReason, Signal } from './link-decision';

/** How an event phrase's words fit its frame. */
export type FrameReading = {
  verdict: FrameVerdict;
  /** For everyday heads: a cue or participant somewhere in the sentence. */
  cueInSentence: boolean;
};

export type Candidate = {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Candidates inside this one, used if this one is not linked. */
  fallback: Candidate[];
  /** Soft signals from the local rules. */
  local: Signal[];
  /** Set for event phrases read through a frame. */
  frame?: FrameReading;
  /** A capitalized word before a surname in a headline (see `LocalVerdict`). */
  neighbour?: string;
  /** An event phrase with an indefinite article ("a runoff"): often any runoff. */
  indefinite?: boolean;
};

/**
 * A full name seen in a segment, for coreference: `entityId` null when it is
 * someone else with the same surname ("Pete Sessions", "actor Doug Jones").
 */
export type NameEvent = {
  key: string;
  entityId: string | null;
  offset: number;
  /** For someone else: the first name that told ("Pete" Sessions). */
  firstWord?: string;
};

export type SegmentScan = {
  candidates: Candidate[];
  topics: string[];
  /** US state names in the segment, as written. */
  states: string[];
  /** Off-topic domain words in the segment (sports, screen), lower case. */
  offTopic?: string[];
  /** Aliases that are also everyday words, seen here in lower case ("auburn hair"). */
  lowercaseWords?: string[];
  names: NameEvent[];
  /** Entities found in this segment (locally accepted, fallbacks included). */
  entities: Set<string>;
  /** Set by `PageEvidence.add`: the segment's place in page order. */
  sequence?: number;
};

export type Mention = {
  /** Offset of the first UTF-16 code unit of the mention. */
  start: number;
  /** Offset just past the mention. */
  end: number;
  entityId: string;
  /** The alias as curated, or the head word of an event phrase. */
  alias: string;
  reason: MentionReason;
};

export type ResolveOptions = {
  /** Kinds to link; all when absent. */
  kinds?: ReadonlySet<EntityKind>;
  /** Entities the reader hid. */
  hidden?: ReadonlySet<string>;
  /** Link each entity once per page; `linked` carries what is already linked across calls. */
  firstMentionOnly?: boolean;
  linked?: Set<string>;
};

/** Segment offsets and sequence numbers combine into one page order. */
export const ORDER_STRIDE = 1e7;

/** Where a candidate sits, for signals that look beyond the alias itself. */
export type Placement = {
  order: number;
  segmentEntities: ReadonlySet<string>;
  segmentTopics: readonly string[];
};
export const NOWHERE: Placement = {
  order: 0,
  segmentEntities: new Set(),
  segmentTopics: [],
};
