/**
 * An accessible tab list (WAI-ARIA tabs pattern): one tab stop, arrow keys,
 * Home and End move between tabs and select them. The caller renders the
 * panels with `tabPanelProps`.
 */
import type { ComponentChildren } from 'preact';

export type TabSpec<Id extends string> = { id: Id; label: ComponentChildren };

export function tabId(id: string): string {
  return `tab-${id}`;
}

/** Attributes for the panel of tab `id`. */
export function tabPanelProps(id: string, selected: string) {
  return {
    id: `panel-${id}`,
    role: 'tabpanel',
    'aria-labelledby': tabId(id),
    hidden: id !== selected,
    tabIndex: -1,
  } as const;
}

export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}) {
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(target.id);
    (event.currentTarget as HTMLElement).parentElement
      ?.querySelector<HTMLElement>(`#${tabId(target.id)}`)
      ?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          class="tabs__tab"
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => move(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
