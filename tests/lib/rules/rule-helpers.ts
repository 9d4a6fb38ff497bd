/** Runs one local rule on the first occurrence of an alias in a sentence, with the bundled dataset's facts. */
import datasetJson from '../../../data/dataset.json';
import type { Dataset } from '../../../data/dataset-schema';
import { type AliasEntry, buildAliasTable } from '../../../lib/alias-table';
import { checkLocalContext } from '../../../lib/local-context';

const table = buildAliasTable((datasetJson as Dataset).entities);

export function aliasOf(entityId: string, text: string): AliasEntry {
  const alias = table.aliases.find(
    (a) => a.entityId === entityId && a.text === text,
  );
  if (!alias) throw new Error(`no alias "${text}" for ${entityId}`);
  return alias;
}

/** 'ok', 'someone else' or 'refused' for the alias where `at` (its text by default) first occurs. */
export function verdictIn(
  entityId: string,
  aliasText: string,
  sentence: string,
  at: string = aliasText,
): 'ok' | 'someone else' | 'refused' {
  const alias = aliasOf(entityId, aliasText);
  const start = sentence.indexOf(at);
  if (start < 0) throw new Error(`"${at}" not in "${sentence}"`);
  const verdict = checkLocalContext(
    alias,
    table.facts.get(entityId)!,
    sentence,
    start,
    start + at.length,
  );
  if (verdict.ok) return 'ok';
  return verdict.otherPerson ? 'someone else' : 'refused';
}
