// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import { SettingsTransfer } from '../../components/SettingsTransfer';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const dataset = parseDataset(datasetJson);

function setUp() {
  const container = document.body.appendChild(document.createElement('div'));
  const onApply = vi.fn(async () => {});
  const onExport = vi.fn();
  act(() => {
    render(
      <SettingsTransfer
        settings={DEFAULT_SETTINGS}
        dataset={dataset}
        onExport={onExport}
        onApply={onApply}
      />,
      container,
    );
  });
  const choose = async (name: string, text: string) => {
    const input =
      container.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [{ name, text: async () => text }],
    });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
  return { container, onApply, onExport, choose };
}

const good = JSON.stringify({
  format: 'backstory-settings',
  version: 1,
  settings: { pausedSites: ['a.example'], hiddenEntities: ['doug-jones'] },
});

describe('SettingsTransfer', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  it('exports on request', () => {
    const { container, onExport } = setUp();
    act(() =>
      [...container.querySelectorAll('button')]
        .find((b) => b.textContent?.startsWith('Export'))!
        .click(),
    );
    expect(onExport).toHaveBeenCalledOnce();
  });

  it('shows what an import will change and applies it only when asked', async () => {
    const { container, onApply, choose } = setUp();
    await choose('mine.json', good);
    expect(container.querySelector('.transfer__title')?.textContent).toBe(
      'Importing mine.json will make 2 changes:',
    );
    expect(
      [...container.querySelectorAll('.transfer__change')].map(
        (li) => li.textContent,
      ),
    ).toEqual(['Pause on a.example', 'Hide Doug Jones everywhere']);
    expect(onApply).not.toHaveBeenCalled();
    await act(async () => {
      [...container.querySelectorAll('button')]
        .find((b) => b.textContent === 'Apply these changes')!
        .click();
    });
    expect(onApply).toHaveBeenCalledWith([
      { t: 'pause', host: 'a.example', on: true },
      { t: 'hide', id: 'doug-jones', host: null, on: true },
    ]);
    expect(container.querySelector('[role=status]')?.textContent).toBe(
      'Imported mine.json: 2 changes applied.',
    );
  });

  it('cancel changes nothing', async () => {
    const { container, onApply, choose } = setUp();
    await choose('mine.json', good);
    act(() =>
      [...container.querySelectorAll('button')]
        .find((b) => b.textContent === 'Cancel')!
        .click(),
    );
    expect(onApply).not.toHaveBeenCalled();
    expect(container.querySelector('[role=status]')?.textContent).toBe(
      'Import cancelled: nothing changed.',
    );
  });

  it('a bad file gets a clear error and no way to apply it', async () => {
    const { container, onApply, choose } = setUp();
    await choose('notes.txt', 'hello');
    const alert = container.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain(
      'notes.txt was not imported. Your settings are unchanged.',
    );
    expect(alert.textContent).toContain('not JSON');
    expect(
      [...container.querySelectorAll('button')].some(
        (b) => b.textContent === 'Apply these changes',
      ),
    ).toBe(false);
    expect(onApply).not.toHaveBeenCalled();
  });
});
