/**
 * The reader's settings. Every control writes at once through `onUpdate`
 * (the popup and the options page store it; open tabs apply it live): kinds,
 * first mention only, how mentions look, hover delay, double-click lookup,
 * paused sites, and entities hidden from cards. The popup shows it in its
 * narrow panel; the options page at full width (`wide`).
 */
import { useState } from 'preact/hooks';
import type { Dataset } from '../data/dataset-schema';
import { ENTITY_KINDS } from '../data/ids';
import {
  HOVER_DELAY_LIMITS_MS,
  hideEntity,
  MENTION_STYLES,
  normalizeHost,
  pauseSite,
  resumeSite,
  type MentionStyle,
  type Settings,
  unhideEntity,
} from '../lib/settings';
import { KIND_PLURALS } from './entity-labels';
import { entityIndex } from '../lib/entity-index';

export type SettingsFormProps = {
  settings: Settings;
  dataset: Dataset;
  /** The keyboard shortcut the browser assigned ('' when none), or null when unknown. */
  shortcut: string | null;
  /** The same for the lookup command. */
  lookupShortcut?: string | null;
  onUpdate: (update: (current: Settings) => Settings) => void;
  /** Laid out for a full page (the options page) rather than the popup. */
  wide?: boolean;
};

const STYLE_LABELS: Record<MentionStyle, string> = {
  dotted: 'Dotted underline',
  solid: 'Solid underline',
  highlight: 'Highlight',
  'hover-only': 'Nothing until I point at it',
};

type Shown = { entityId: string; host: string | null };

export function SettingsForm({
  settings,
  dataset,
  shortcut,
  lookupShortcut = null,
  onUpdate,
  wide = false,
}: SettingsFormProps) {
  const [delay, setDelay] = useState<number | null>(null);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const entities = entityIndex(dataset.entities);
  const delayMs = delay ?? settings.hoverDelayMs;

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(newSite);
    if (!host) {
      setSiteError('Enter a site like example.com.');
      return;
    }
    setSiteError('');
    setNewSite('');
    onUpdate((current) => pauseSite(current, host));
  };

  const showAgain = ({ entityId, host }: Shown) => {
    setShown({ entityId, host });
    onUpdate((current) => unhideEntity(current, entityId, host));
  };
  const undo = () => {
    if (!shown) return;
    onUpdate((current) => hideEntity(current, shown.entityId, shown.host));
    setShown(null);
  };

  const hidden: Shown[] = [
    ...settings.hiddenEntities.map((entityId) => ({ entityId, host: null })),
    ...Object.entries(settings.hiddenOnSites).flatMap(([host, ids]) =>
      ids.map((entityId) => ({ entityId, host })),
    ),
  ];

  return (
    <form
      class={wide ? 'settings settings--wide' : 'settings'}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset class="settings__group">
        <legend>Mark these on pages</legend>
        <div class="settings__kinds">
          {ENTITY_KINDS.map((kind) => (
            <label key={kind} class="check">
              <input
                type="checkbox"
                name={`kind-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(event) => {
                  const checked = (event.currentTarget as HTMLInputElement)
                    .checked;
                  onUpdate((current) => ({
                    ...current,
                    kinds: { ...current.kinds, [kind]: checked },
                  }));
                }}
              />
              {KIND_PLURALS[kind]}
            </label>
          ))}
        </div>
        <label class="check">
          <input
            type="checkbox"
            name="firstMentionOnly"
            checked={settings.firstMentionOnly}
            onChange={(event) => {
              const checked = (event.currentTarget as HTMLInputElement).checked;
              onUpdate((current) => ({
                ...current,
                firstMentionOnly: checked,
              }));
            }}
          />
          Only the first mention of each name
        </label>
      </fieldset>

      <fieldset class="settings__group">
        <legend>How mentions look</legend>
        <div class="settings__styles">
          {MENTION_STYLES.map((style) => (
            <label key={style} class="radio">
              <input
                type="radio"
                name="mentionStyle"
                value={style}
                checked={settings.mentionStyle === style}
                onChange={() =>
                  onUpdate((current) => ({ ...current, mentionStyle: style }))
                }
              />
              <span>
                {STYLE_LABELS[style]}{' '}
                <span class={`sample sample--${style}`} aria-hidden="true">
                  Jeff Sessions
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div class="settings__group">
        <label class="settings__label" for="hover-delay">
          Card delay <output for="hover-delay">{delayMs} ms</output>
        </label>
        <input
          id="hover-delay"
          name="hoverDelayMs"
          type="range"
          min={HOVER_DELAY_LIMITS_MS.min}
          max={HOVER_DELAY_LIMITS_MS.max}
          step={50}
          value={delayMs}
          aria-valuetext={`${delayMs} milliseconds`}
          aria-describedby="hover-delay-hint"
          onInput={(event) =>
            setDelay(Number((event.currentTarget as HTMLInputElement).value))
          }
          onChange={(event) => {
            const value = Number(
              (event.currentTarget as HTMLInputElement).value,
            );
            setDelay(null);
            onUpdate((current) => ({ ...current, hoverDelayMs: value }));
          }}
        />
        <p id="hover-delay-hint" class="hint">
          How long the pointer rests on a name before its card opens.
        </p>
      </div>

      <fieldset class="settings__group">
        <legend>Look up selected text</legend>
        <label class="check">
          <input
            type="checkbox"
            name="lookupOnDoubleClick"
            checked={settings.lookupOnDoubleClick}
            aria-describedby="lookup-hint"
            onChange={(event) => {
              const checked = (event.currentTarget as HTMLInputElement).checked;
              onUpdate((current) => ({
                ...current,
                lookupOnDoubleClick: checked,
              }));
            }}
          />
          Look up a name when I double-click it
        </label>
        <p id="lookup-hint" class="hint">
          Select text and choose “Look up … in Backstory” from the context menu
          {lookupShortcut ? (
            <>
              , or press <kbd>{lookupShortcut}</kbd>
            </>
          ) : null}
          . It works on pages where Backstory is paused too.
        </p>
      </fieldset>

      <section class="settings__group" aria-labelledby="paused-heading">
        <h2 id="paused-heading" class="settings__heading">
          Paused sites
        </h2>
        {settings.pausedSites.length ? (
          <ul class="settings__list" aria-label="Paused sites">
            {settings.pausedSites.map((host) => (
              <li key={host} class="settings__item">
                <span class="settings__item-name">{host}</span>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Resume on ${host}`}
                  onClick={() =>
                    onUpdate((current) => resumeSite(current, host))
                  }
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">No paused sites.</p>
        )}
        <div class="settings__add">
          <label class="visually-hidden" for="add-site">
            Pause another site
          </label>
          <input
            id="add-site"
            type="text"
            placeholder="example.com"
            value={newSite}
            aria-invalid={siteError ? true : undefined}
            aria-describedby={siteError ? 'add-site-error' : undefined}
            onInput={(event) =>
              setNewSite((event.currentTarget as HTMLInputElement).value)
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter') addSite(event);
            }}
          />
          <button type="button" class="button" onClick={addSite}>
            Pause site
          </button>
        </div>
        {siteError ? (
          <p id="add-site-error" class="error" role="alert">
            {siteError}
          </p>
        ) : null}
      </section>

      <section class="settings__group" aria-labelledby="hidden-heading">
        <h2 id="hidden-heading" class="settings__heading">
          Hidden from cards
        </h2>
        {hidden.length ? (
          <ul class="settings__list" aria-label="Hidden from cards">
            {hidden.map((item) => {
              const name = entities.get(item.entityId)?.name ?? item.entityId;
              return (
                <li
                  key={`${item.host ?? '*'}/${item.entityId}`}
                  class="settings__item"
                >
                  <span class="settings__item-name">
                    {name}{' '}
                    <span class="hint">
                      {item.host ? `on ${item.host}` : 'everywhere'}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={`Show ${name} again`}
                    onClick={() => showAgain(item)}
                  >
                    Show again
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="hint">
            Nothing hidden. “Not this person” on a card hides a name here.
          </p>
        )}
        <p class="settings__undo" aria-live="polite">
          {shown ? (
            <>
              {entities.get(shown.entityId)?.name ?? shown.entityId} will be
              shown again.{' '}
              <button type="button" class="button button--quiet" onClick={undo}>
                Undo
              </button>
            </>
          ) : null}
        </p>
      </section>

      <section class="settings__group" aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading" class="settings__heading">
          Keyboard shortcut
        </h2>
        <p class="hint">
          {shortcut ? (
            <>
              <kbd>{shortcut}</kbd> turns Backstory on or off for the site you
              are on.
            </>
          ) : shortcut === '' ? (
            'No shortcut is set for turning Backstory on or off for a site. Your browser’s extension shortcut settings can set one.'
          ) : (
            'A keyboard shortcut turns Backstory on or off for the site you are on.'
          )}
        </p>
      </section>
    </form>
  );
}
