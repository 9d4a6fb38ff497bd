/**
 * Back up and move settings: export them as a JSON file, import one. Import
 * reads the file (lib/settings-file.ts parses it with zod), says clearly
 * what is wrong with a bad file and changes nothing, and otherwise lists
 * what will change and waits for the reader to apply it.
 */
import { useRef, useState } from 'preact/hooks';
import type { Dataset } from '../data/dataset-schema';
import { entityIndex } from '../lib/entity-index';
import type { Settings } from '../lib/settings';
import { type Change, describeChanges, planImport } from '../lib/settings-file';
import type { Op } from '../lib/settings-ops';

export type SettingsTransferProps = {
  settings: Settings;
  dataset: Dataset;
  /** Saves the current settings as a file. */
  onExport(): void;
  /** Applies the previewed changes to whatever is stored now. */
  onApply(ops: readonly Op[]): Promise<void>;
};

type State =
  | { step: 'idle'; message?: string }
  | { step: 'error'; file: string; error: string }
  | { step: 'preview'; file: string; ops: Op[]; changes: Change[] }
  | { step: 'applying'; file: string; ops: Op[]; changes: Change[] };

export function SettingsTransfer({
  settings,
  dataset,
  onExport,
  onApply,
}: SettingsTransferProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const entities = entityIndex(dataset.entities);
  const nameOf = (id: string) => entities.get(id)?.name ?? id;

  const focusResult = () =>
    requestAnimationFrame(() => result.current?.focus());
  const reset = (message?: string) => {
    if (input.current) input.current.value = '';
    setState({ step: 'idle', message });
  };

  const read = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({
        step: 'error',
        file: file.name,
        error: 'The file could not be read.',
      });
      focusResult();
      return;
    }
    const plan = planImport(text, settings);
    if (!plan.ok)
      setState({ step: 'error', file: file.name, error: plan.error });
    else if (!plan.ops.length)
      reset(`${file.name} has the same settings as now: nothing to change.`);
    else
      setState({
        step: 'preview',
        file: file.name,
        ops: plan.ops,
        changes: describeChanges(settings, plan.ops, nameOf),
      });
    focusResult();
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'applying' });
    try {
      await onApply(state.ops);
      reset(
        `Imported ${state.file}: ${state.ops.length} ${state.ops.length === 1 ? 'change' : 'changes'} applied.`,
      );
    } catch (error) {
      setState({
        step: 'error',
        file: state.file,
        error: `The settings could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    focusResult();
  };

  return (
    <section class="transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading" class="settings__heading">
        Back up or move your settings
      </h2>
      <p class="hint">
        A settings file holds everything on this page: paused sites, hidden
        names and every choice. Import it on another computer or after a new
        start.
      </p>
      <div class="transfer__actions">
        <button type="button" class="button" onClick={onExport}>
          Export settings to a file
        </button>
        <label class="button transfer__file">
          Import settings from a file…
          <input
            ref={input}
            class="visually-hidden"
            type="file"
            name="import"
            accept=".json,application/json"
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) void read(file);
            }}
          />
        </label>
      </div>
      <div
        ref={result}
        class="transfer__result"
        tabIndex={-1}
        aria-live="polite"
      >
        {state.step === 'idle' && state.message ? (
          <p class="transfer__done" role="status">
            {state.message}
          </p>
        ) : null}
        {state.step === 'error' ? (
          <div class="transfer__error" role="alert">
            <p class="transfer__title">
              {state.file} was not imported. Your settings are unchanged.
            </p>
            <p class="transfer__detail">{state.error}</p>
          </div>
        ) : null}
        {state.step === 'preview' || state.step === 'applying' ? (
          <div class="transfer__preview">
            <p class="transfer__title">
              Importing {state.file} will make {state.changes.length}{' '}
              {state.changes.length === 1 ? 'change' : 'changes'}:
            </p>
            <ul class="transfer__changes" aria-label="Changes">
              {state.changes.map((change) => (
                <li
                  key={change.text}
                  class={`transfer__change transfer__change--${change.kind}`}
                >
                  {change.text}
                </li>
              ))}
            </ul>
            <div class="transfer__actions">
              <button
                type="button"
                class="button button--primary"
                disabled={state.step === 'applying'}
                onClick={() => void apply()}
              >
                Apply these changes
              </button>
              <button
                type="button"
                class="button"
                onClick={() => reset('Import cancelled: nothing changed.')}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
