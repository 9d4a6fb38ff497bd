/**
 * What a local rule says about one occurrence of an alias: refused (with why,
 * and whether it names someone else with that name), or accepted with soft
 * signals for the decision (link-decision.ts).
 */
import type { Signal } from '../link-decision';

export type LocalVerdict =
  | { ok: true; signals: Signal[] }
  | { ok: false; reason: string; otherPerson: boolean };

export const accept = (...signals: Signal[]): LocalVerdict => ({
  ok: true,
  signals,
});
export const reject = (reason: string): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: false,
});
export const someoneElse = (reason: string): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: true,
});
