/**
 * What a local rule says about one occurrence of an alias: refused (with why,
 * and whether it names someone else with that name), or accepted with soft
 * signals for the decision (link-decision.ts).
 */
import type { Signal } from '../link-decision';

export type LocalVerdict =
  | {
      ok: true;
      signals: Signal[];
      /**
       * A capitalized word right before a surname in a headline, where
       * capitals say nothing ("Melania Trump Marks…"): the page decides
       * whether it is someone else's first name.
       */
      neighbour?: string;
    }
  | {
      ok: false;
      reason: string;
      otherPerson: boolean;
      /** The other person's first word, when that is how we know ("Pete" Sessions). */
      firstWord?: string;
    };

export const accept = (...signals: Signal[]): LocalVerdict => ({
  ok: true,
  signals,
});
export const reject = (reason: string): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: false,
});
export const someoneElse = (
  reason: string,
  firstWord?: string,
): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: true,
  ...(firstWord === undefined ? {} : { firstWord }),
});
