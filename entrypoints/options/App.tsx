/**
 * The options page: every setting at full width (the popup's SettingsForm),
 * the on/off switch, export and import as a JSON file, and where the
 * settings are kept (sync or this device). Glue only: storage, downloads and
 * commands here, views in components/.
 *
 *   lib/settings-store ──load/watch──▶ settings ──▶ SiteControls, SettingsForm, SettingsTransfer
 *   SettingsTransfer ──export──▶ a download; ──import (previewed operations)──▶ store.update
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset } from '@/data/dataset-schema';
import { COMMAND } from '@/lib/commands';
import { setEnabled, type Settings } from '@/lib/settings';
import { exportFileName, exportSettings } from '@/lib/settings-file';
import { applyOps } from '@/lib/settings-ops';
import { type AreaMarker, createSettingsStore } from '@/lib/settings-store';
import { SettingsForm } from '@/components/SettingsForm';
import { SettingsTransfer } from '@/components/SettingsTransfer';
import { SiteControls } from '@/components/SiteControls';

export function App({ dataset }: { dataset: Dataset }) {
  const store = useMemo(() => createSettingsStore(browser.storage), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [where, setWhere] = useState<AreaMarker | null>(null);
  const [shortcuts, setShortcuts] = useState<Record<string, string | null>>({});
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void store.load().then(setSettings);
    void store.where().then(setWhere);
    void browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          Object.fromEntries(commands.map((c) => [c.name, c.shortcut ?? ''])),
        ),
      () => setShortcuts({}),
    );
    return store.watch((next) => {
      setSettings(next);
      void store.where().then(setWhere);
    });
  }, [store]);

  const update = (edit: (current: Settings) => Settings): Promise<void> =>
    store.update(edit).then(
      (next) => {
        setSettings(next);
        setNotice('');
      },
      (error: unknown) => {
        setNotice(
          `Could not save the setting: ${error instanceof Error ? error.message : String(error)}`,
        );
        throw error;
      },
    );

  const download = (current: Settings) => {
    const now = new Date();
    const url = URL.createObjectURL(
      new Blob([exportSettings(current, now)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice(`Saved ${link.download}.`);
  };

  return (
    <main class="options">
      <header class="options__header">
        <img
          class="options__logo"
          src="/icons/48.png"
          alt=""
          width={32}
          height={32}
        />
        <h1 class="options__title">Backstory settings</h1>
      </header>
      {settings ? (
        <>
          <section class="options__section options__switch">
            <SiteControls
              settings={settings}
              host={null}
              onToggleEnabled={() =>
                void update((current) =>
                  setEnabled(current, !current.enabled),
                ).catch(() => undefined)
              }
              onToggleSite={() => undefined}
            />
          </section>
          <section class="options__section">
            <SettingsForm
              settings={settings}
              dataset={dataset}
              shortcut={shortcuts[COMMAND.toggleSite] ?? null}
              lookupShortcut={shortcuts[COMMAND.lookupSelection] ?? null}
              onUpdate={(edit) => void update(edit).catch(() => undefined)}
              wide
            />
          </section>
          <section class="options__section">
            <SettingsTransfer
              settings={settings}
              dataset={dataset}
              onExport={() => download(settings)}
              onApply={(ops) => update((latest) => applyOps(latest, ops))}
            />
          </section>
          <section class="options__section" aria-labelledby="where-heading">
            <h2 id="where-heading" class="settings__heading">
              Where your settings are kept
            </h2>
            <p class="hint" id="where">
              {where ? whereText(where) : ''}
            </p>
          </section>
        </>
      ) : null}
      <footer class="options__footer">
        <p class="options__notice" role="status" aria-live="polite">
          {notice}
        </p>
        <p>Works offline. Sends nothing anywhere.</p>
      </footer>
    </main>
  );
}

function whereText(where: AreaMarker): string {
  if (where.area === 'sync')
    return 'In your browser’s sync storage: where you sign in to the browser with sync on, they follow you to your other computers. Nothing else is synced, and Backstory itself sends nothing.';
  if (where.reason === 'too-large')
    return 'On this device only: they are larger than the browser’s sync storage allows (100 KB). Export them to move them.';
  return 'On this device only: this browser offers no sync storage to extensions. Export them to move them.';
}
