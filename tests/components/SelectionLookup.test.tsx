// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import { SelectionLookup } from '../../components/SelectionLookup';
import { decideLookup } from '../../lib/lookup-selection';
import { EntitySearch } from '../../lib/search-entities';

const dataset = parseDataset(datasetJson);
const search = new EntitySearch(dataset.entities);

function show(text: string, autoFocus = true) {
  const container = document.body.appendChild(document.createElement('div'));
  const onClose = vi.fn();
  act(() => {
    render(
      <SelectionLookup
        result={decideLookup(search, text, 'menu')}
        dataset={dataset}
        pageDate={{
          date: '2021-01-07',
          precision: 'day',
          source: 'meta',
          field: 'date',
        }}
        headingId="h"
        descriptionId="d"
        autoFocus={autoFocus}
        onClose={onClose}
      />,
      container,
    );
  });
  return { container, onClose };
}

describe('SelectionLookup', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  it('shows the one entity’s card, with the page’s line about time, and focuses its name', () => {
    const { container } = show('Tuberville');
    expect(container.querySelector('h2#h')?.textContent).toBe(
      'Tommy Tuberville',
    );
    expect(container.querySelector('.bs-card__time')?.textContent).toMatch(
      /this page is from Jan 7, 2021/,
    );
    expect(document.activeElement?.className).toBe('bs-card__name');
  });

  it('lists several, focuses the first; a choice opens its card and Back returns to it', () => {
    const { container } = show('Alabama Senate');
    expect(container.querySelector('h2#h')?.textContent).toBe(
      '“Alabama Senate” could be',
    );
    const choices = [
      ...container.querySelectorAll<HTMLButtonElement>('.bs-lookup__choice'),
    ];
    expect(choices.map((c) => c.dataset.entityChoice)).toEqual([
      'alabama-senate-election-2020',
      'alabama-senate-runoff-2020',
    ]);
    expect(document.activeElement).toBe(choices[0]);
    act(() => choices[1]!.click());
    expect(container.querySelector('h2#h')?.textContent).toBe(
      '2020 Alabama Republican Senate runoff',
    );
    expect(document.activeElement?.className).toBe('bs-card__name');
    act(() =>
      container.querySelector<HTMLButtonElement>('.bs-lookup__back')!.click(),
    );
    expect((document.activeElement as HTMLElement).dataset.entityChoice).toBe(
      'alabama-senate-runoff-2020',
    );
  });

  it.each([
    [
      'Zaphod Beeblebrox',
      'No match',
      'Backstory has no card for “Zaphod Beeblebrox”.',
    ],
    ['', 'Nothing selected', 'Select a name on the page, then look it up.'],
    [
      'one two three four five six seven eight nine',
      'Select just the name',
      'Backstory looks up a name of up to 8 words; “one two three four five six seven eight…” is longer.',
    ],
  ])(
    'says plainly what happened for %j, and focuses Close',
    (text, title, message) => {
      const { container, onClose } = show(text);
      expect(container.querySelector('h2#h')?.textContent).toBe(title);
      expect(container.querySelector('p#d')?.textContent).toBe(message);
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Close');
      act(() => (document.activeElement as HTMLElement).click());
      expect(onClose).toHaveBeenCalled();
    },
  );

  it('leaves focus alone when not asked to take it (a double-click)', () => {
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    show('Tuberville', false);
    expect(document.activeElement).toBe(outside);
  });
});
