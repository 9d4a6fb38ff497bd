// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../components/SettingsForm';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
} from '../../lib/settings';
import { TEST_DATASET } from '../helpers';

/** Renders the form around a settings value that each update really changes, as the popup does. */
function mount(initial: Settings, shortcut: string | null = 'Alt+Shift+O') {
  const container = document.body.appendChild(document.createElement('div'));
  let settings = initial;
  const draw = () =>
    render(
      <SettingsForm
        settings={settings}
        dataset={TEST_DATASET}
        shortcut={shortcut}
        onUpdate={(update) => {
          settings = parseSettings(update(settings));
          draw();
        }}
      />,
      container,
    );
  act(draw);
  const click = (selector: string) =>
    act(() => container.querySelector<HTMLElement>(selector)!.click());
  return { container, click, current: () => settings };
}

describe('SettingsForm', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('writes each change at once: kinds, first mention only, mention style', () => {
    const { click, current } = mount(DEFAULT_SETTINGS);
    click('input[name="kind-person"]');
    click('input[name="firstMentionOnly"]');
    click('input[name="mentionStyle"][value="hover-only"]');
    expect(current()).toMatchObject({
      kinds: { person: false, place: true },
      firstMentionOnly: true,
      mentionStyle: 'hover-only',
    });
  });

  it('lists paused sites, resumes one, and pauses a typed site only when it is a host', () => {
    const { container, click, current } = mount({
      ...DEFAULT_SETTINGS,
      pausedSites: ['a.example', 'b.example'],
    });
    click('button[aria-label="Resume on a.example"]');
    expect(current().pausedSites).toEqual(['b.example']);
    const input = container.querySelector<HTMLInputElement>('#add-site')!;
    const add = (text: string) => {
      act(() => {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      click('.settings__add button');
    };
    add('not a site');
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      'Enter a site like example.com.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    add('https://News.Example.com/story');
    expect(current().pausedSites).toEqual(['b.example', 'news.example.com']);
    expect(container.querySelector('[role=alert]')).toBeNull();
  });

  it('shows hidden entities again, everywhere or on one site, with undo', () => {
    const { container, click, current } = mount({
      ...DEFAULT_SETTINGS,
      hiddenEntities: ['jeff-sessions'],
      hiddenOnSites: { 'example.com': ['donald-trump'] },
    });
    const items = () =>
      [
        ...container.querySelectorAll('ul[aria-label="Hidden from cards"] li'),
      ].map((li) => li.textContent);
    expect(items()).toEqual([
      'Jeff Sessions everywhereShow again',
      'Donald Trump on example.comShow again',
    ]);

    click('button[aria-label="Show Donald Trump again"]');
    expect(current().hiddenOnSites).toEqual({});
    expect(container.querySelector('.settings__undo')?.textContent).toBe(
      'Donald Trump will be shown again. Undo',
    );
    click('.settings__undo button');
    expect(current().hiddenOnSites).toEqual({
      'example.com': ['donald-trump'],
    });

    click('button[aria-label="Show Jeff Sessions again"]');
    expect(current().hiddenEntities).toEqual([]);
    click('.settings__undo button');
    expect(current().hiddenEntities).toEqual(['jeff-sessions']);
  });

  it('names the keyboard shortcut, or says none is set', () => {
    expect(
      mount(DEFAULT_SETTINGS).container.querySelector('kbd')?.textContent,
    ).toBe('Alt+Shift+O');
    document.body.innerHTML = '';
    expect(mount(DEFAULT_SETTINGS, '').container.textContent).toContain(
      'No shortcut is set',
    );
  });
});
