/**
 * The toolbar popup: look someone up, see who is on this page, change
 * settings. Glue only: storage and messaging here, views in components/.
 *
 *   lib/settings-store ──load/watch──▶ settings ──▶ SiteControls, SettingsForm
 *   page-link ──get-page-state──▶ page view ──▶ WhoIsWho, counts in LookupPanel
 *   content script ──mention-count──▶ refresh the page view
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset } from '@/data/dataset-schema';
import {
  pauseSite,
  resumeSite,
  setEnabled,
  type Settings,
} from '@/lib/settings';
import { createSettingsStore } from '@/lib/settings-store';
import { LookupPanel } from '@/components/LookupPanel';
import { SettingsForm } from '@/components/SettingsForm';
import { SiteControls } from '@/components/SiteControls';
import { tabPanelProps, Tabs } from '@/components/Tabs';
import { WhoIsWho, type PageView } from '@/components/WhoIsWho';
import {
  findTargetTab,
  lookupShortcut,
  requestPageState,
  revealMention,
  toggleShortcut,
  watchPage,
} from './page-link';
import { entityIndex } from '@/lib/entity-index';

type View = 'lookup' | 'page' | 'settings';
/** After a settings change, give the page a moment to apply it before asking again. */
const REFRESH_AFTER_SETTINGS_MS = 150;

export function App({ dataset }: { dataset: Dataset }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [page, setPage] = useState<PageView>({ status: 'loading' });
  const [view, setView] = useState<View>('lookup');
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [lookupKey, setLookupKey] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const requests = useRef(0);
  const settingsStore = useMemo(() => createSettingsStore(browser.storage), []);

  useEffect(() => {
    void settingsStore.load().then(setSettings);
    void findTargetTab().then(setTabId);
    void toggleShortcut().then(setShortcut);
    void lookupShortcut().then(setLookupKey);
    return settingsStore.watch(setSettings);
  }, [settingsStore]);

  const refreshPage = useMemo(
    () => async () => {
      if (tabId === undefined) return;
      if (tabId === null) return setPage({ status: 'unavailable' });
      requests.current += 1;
      const request = requests.current;
      const state = await requestPageState(tabId);
      if (request !== requests.current) return; // A newer answer is on its way.
      setPage(
        state ? { status: 'found', ...state } : { status: 'unavailable' },
      );
    },
    [tabId],
  );

  useEffect(() => {
    void refreshPage();
    return typeof tabId === 'number'
      ? watchPage(tabId, () => void refreshPage())
      : undefined;
  }, [tabId, refreshPage]);

  useEffect(() => {
    if (!settings) return;
    const timer = setTimeout(
      () => void refreshPage(),
      REFRESH_AFTER_SETTINGS_MS,
    );
    return () => clearTimeout(timer);
  }, [settings, refreshPage]);

  const update = (change: (current: Settings) => Settings) => {
    settingsStore
      .update(change)
      .then((next) => {
        setSettings(next);
        setNotice('');
      })
      .catch((error: unknown) =>
        setNotice(
          `Could not save the setting: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };

  const entities = entityIndex(dataset.entities);
  const reveal = (entityId: string) => {
    if (typeof tabId !== 'number') return;
    void revealMention(tabId, entityId).then((ok) =>
      setNotice(
        ok
          ? `Showing ${entities.get(entityId)?.name} on the page.`
          : `No visible mention of ${entities.get(entityId)?.name} on the page.`,
      ),
    );
  };

  const host = page.status === 'found' ? page.host : null;
  const found = useMemo(
    () =>
      page.status === 'found' && page.state === 'ready' ? page.mentions : [],
    [page],
  );
  const counts = useMemo(
    () => new Map(found.map(({ entityId, count }) => [entityId, count])),
    [found],
  );

  return (
    <main class="popup">
      <header class="popup__header">
        {settings ? (
          <SiteControls
            settings={settings}
            host={host}
            onToggleEnabled={() =>
              update((current) => setEnabled(current, !current.enabled))
            }
            onToggleSite={(site) =>
              update((current) =>
                current.pausedSites.includes(site)
                  ? resumeSite(current, site)
                  : pauseSite(current, site),
              )
            }
          >
            <Brand />
          </SiteControls>
        ) : (
          <Brand />
        )}
      </header>
      <Tabs<View>
        label="Backstory"
        selected={view}
        onSelect={setView}
        tabs={[
          { id: 'lookup', label: 'Look up' },
          {
            id: 'page',
            label: (
              <>
                On this page
                {found.length ? (
                  <span class="count">{found.length}</span>
                ) : null}
              </>
            ),
          },
          { id: 'settings', label: 'Settings' },
        ]}
      />
      <section class="popup__panel" {...tabPanelProps('lookup', view)}>
        <LookupPanel
          dataset={dataset}
          counts={counts}
          onReveal={reveal}
          autoFocus
        />
      </section>
      <section class="popup__panel" {...tabPanelProps('page', view)}>
        <WhoIsWho
          dataset={dataset}
          page={page}
          offReason={settings?.enabled === false ? 'disabled' : 'paused'}
          onReveal={reveal}
          onTurnOn={() =>
            update((current) =>
              !current.enabled
                ? setEnabled(current, true)
                : host
                  ? resumeSite(current, host)
                  : current,
            )
          }
        />
      </section>
      <section class="popup__panel" {...tabPanelProps('settings', view)}>
        {settings ? (
          <SettingsForm
            settings={settings}
            dataset={dataset}
            shortcut={shortcut}
            lookupShortcut={lookupKey}
            onUpdate={update}
          />
        ) : null}
        <p class="popup__more">
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            All settings, export and import…
          </button>
        </p>
      </section>
      <footer class="popup__footer">
        <p class="popup__notice" role="status" aria-live="polite">
          {notice}
        </p>
        <p>Works offline. Sends nothing anywhere.</p>
      </footer>
    </main>
  );
}

function Brand() {
  return (
    <div class="popup__brand">
      <img
        class="popup__logo"
        src="/icons/32.png"
        alt=""
        width={22}
        height={22}
      />
      <h1 class="popup__title">Backstory</h1>
    </div>
  );
}
