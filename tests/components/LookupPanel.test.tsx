// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import { LookupPanel } from '../../components/LookupPanel';

const dataset = parseDataset(datasetJson);

function mount(props: Partial<Parameters<typeof LookupPanel>[0]> = {}) {
  const container = document.body.appendChild(document.createElement('div'));
  act(() =>
    render(<LookupPanel dataset={dataset} autoFocus {...props} />, container),
  );
  const input = () =>
    container.querySelector<HTMLInputElement>('#lookup-input')!;
  const options = () => [
    ...container.querySelectorAll<HTMLElement>('[role=option]'),
  ];
  const active = () => input().getAttribute('aria-activedescendant');
  const type = (text: string) =>
    act(() => {
      input().value = text;
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
  /** Presses `key` on the focused element; returns whether the popup's default action was prevented. */
  const press = (key: string) => {
    const event = new KeyboardEvent('keydown', {
      key,
      bubbles: true,
      cancelable: true,
    });
    act(() => {
      (document.activeElement ?? document.body).dispatchEvent(event);
    });
    return event.defaultPrevented;
  };
  return { container, input, options, active, type, press };
}

const nextFrame = () =>
  act(
    () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  );

describe('LookupPanel', () => {
  afterEach(() => {
    act(() => render(null, document.body));
    document.body.innerHTML = '';
  });

  it('has focus in the search box when it opens, labelled for screen readers', () => {
    const { input, container } = mount();
    expect(document.activeElement).toBe(input());
    expect(
      container.querySelector('label[for="lookup-input"]')?.textContent,
    ).toBe('Look up a name');
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-controls')).toBe('lookup-results');
  });

  it('lists everything, grouped by kind, when the box is empty', () => {
    const { container, options, active } = mount();
    const groups = [
      ...container.querySelectorAll('[role=listbox] > [role=group]'),
    ];
    expect(
      groups.map(
        (group) =>
          document.getElementById(group.getAttribute('aria-labelledby')!)
            ?.textContent,
      ),
    ).toEqual(['People', 'Organizations', 'Places', 'Events']);
    expect(options()).toHaveLength(dataset.entities.length);
    expect(active()).toBeNull();
  });

  it('finds a name typed with a typo and makes the best result active', () => {
    const { type, options, active } = mount();
    type('Tubervile');
    expect(options()[0]?.textContent).toMatch(/^Tommy Tuberville/);
    expect(active()).toBe('lookup-option-tommy-tuberville');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('false');
  });

  it('moves through results with the arrow keys, staying within the list', () => {
    const { type, options, active, press } = mount();
    type('senate');
    const ids = options().map((option) => option.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(press('ArrowDown')).toBe(true);
    expect(active()).toBe(ids[1]);
    press('ArrowUp');
    press('ArrowUp');
    expect(active()).toBe(ids[0]);
    for (const _ of ids) press('ArrowDown');
    expect(active()).toBe(ids.at(-1));
  });

  it('opens the card with Enter, moves focus to it, and Esc goes back to the results and the box', async () => {
    const { type, press, container, input } = mount();
    type('pelosi');
    expect(press('Enter')).toBe(true);
    const card = container.querySelector('.detail');
    expect(card?.querySelector('article.bs-card h2')?.textContent).toBe(
      'Nancy Pelosi',
    );
    expect(document.activeElement).toBe(card);
    expect(card?.getAttribute('aria-labelledby')).toBe(
      card?.querySelector('h2')?.id,
    );

    expect(press('Escape')).toBe(true);
    await nextFrame();
    expect(container.querySelector('.detail')).toBeNull();
    expect(input().value).toBe('pelosi');
    expect(document.activeElement).toBe(input());
  });

  it('Esc clears the box; on an empty box it is left to the browser (which closes the popup)', () => {
    const { type, press, input, active } = mount();
    type('jones');
    expect(press('Escape')).toBe(true);
    expect(input().value).toBe('');
    expect(active()).toBeNull();
    expect(press('Escape')).toBe(false);
  });

  it('opens a result on click too', () => {
    const { type, options, container } = mount();
    type('jeff');
    act(() => options()[0]!.click());
    expect(container.querySelector('.detail h2')?.textContent).toBe(
      'Jeff Sessions',
    );
  });

  it('says when nothing is found, and Enter then does nothing', () => {
    const { type, press, options, container } = mount();
    type('xyzzy');
    expect(options()).toHaveLength(0);
    expect(container.querySelector('#lookup-status')?.textContent).toBe(
      'Nothing found for “xyzzy”.',
    );
    expect(press('Enter')).toBe(false);
    expect(container.querySelector('.detail')).toBeNull();
  });

  it('shows how often the page mentions each result, and the card can jump to it', () => {
    const onReveal = vi.fn();
    const { type, options, press, container } = mount({
      counts: new Map([['doug-jones', 4]]),
      onReveal,
    });
    type('@dougjones');
    expect(options()[0]?.querySelector('.count')?.textContent).toBe(
      '4 on this page',
    );
    press('Enter');
    const reveal =
      container.querySelector<HTMLButtonElement>('.detail__reveal')!;
    expect(reveal.textContent).toBe('Show on this page 4');
    act(() => reveal.click());
    expect(onReveal).toHaveBeenCalledWith('doug-jones');
  });
});
