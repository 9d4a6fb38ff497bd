// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import { CardNavigator } from '../../components/CardNavigator';
import { EntityCard } from '../../components/EntityCard';
import { TEST_DATASET } from '../helpers';

const dataset = parseDataset(datasetJson);
const entity = (id: string) => dataset.entities.find((e) => e.id === id)!;
const host = () => document.body.appendChild(document.createElement('div'));
const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent);

describe('EntityCard', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
  });

  it('shows the name, kind, one-line description as of the story date, summary and source', () => {
    const container = host();
    render(
      <EntityCard
        entity={TEST_DATASET.entities[0]!}
        dataset={TEST_DATASET}
        headingId="n"
      />,
      container,
    );
    expect(container.querySelector('h2#n')?.textContent).toBe('Jeff Sessions');
    expect(container.querySelector('.bs-card__kind')?.textContent).toBe(
      'Person',
    );
    expect(container.querySelector('.bs-card__asof')?.textContent).toBe(
      'as of May 23, 2020',
    );
    expect(container.querySelector('.bs-card__description')?.textContent).toBe(
      'Former attorney general',
    );
    expect(container.textContent).toContain(
      'Source: A Test Story · May 23, 2020',
    );
  });

  it('lists the facts and reveals each one’s evidence quote on demand', async () => {
    const container = host();
    render(
      <EntityCard entity={entity('jeff-sessions')} dataset={dataset} />,
      container,
    );
    const buttons = [
      ...container.querySelectorAll<HTMLButtonElement>('.bs-card__fact-button'),
    ];
    expect(buttons.length).toBe(4);
    expect(container.querySelector('.bs-card__evidence')).toBeNull();
    await act(() => buttons[0]!.click());
    expect(buttons[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(
      container.querySelector('.bs-card__evidence')?.textContent,
    ).toContain('“served as attorney general”');
    await act(() =>
      container.querySelector<HTMLButtonElement>('.bs-card__more')!.click(),
    );
    expect(container.querySelectorAll('.bs-card__fact-button').length).toBe(
      entity('jeff-sessions').facts.length,
    );
  });

  it('shows what a person said, with context', () => {
    const container = host();
    render(
      <EntityCard entity={entity('jeff-sessions')} dataset={dataset} />,
      container,
    );
    expect(container.querySelector('.bs-card__quote')?.textContent).toContain(
      'the people of Alabama do',
    );
  });

  it('shows an event’s date, status, place and participants', () => {
    const container = host();
    render(
      <EntityCard
        entity={entity('alabama-senate-runoff-2020')}
        dataset={dataset}
      />,
      container,
    );
    const details = container.querySelector('.bs-card__event')!.textContent!;
    expect(details).toContain('July 14, 2020');
    expect(details).toContain('Upcoming as of the story');
    expect(details).toContain('Alabama');
    expect(details).toContain('Jeff Sessions');
    expect(details).toContain('Tommy Tuberville');
  });

  it('shows related people and organizations as chips, and a timeline of dated events', () => {
    const container = host();
    render(
      <EntityCard
        entity={entity('tommy-tuberville')}
        dataset={dataset}
        onNavigate={() => {}}
      />,
      container,
    );
    expect(texts(container, '.bs-card__chip')).toContainEqual(
      expect.stringContaining('Donald Trump'),
    );
    const timeline = texts(container, '.bs-card__timeline li');
    expect(timeline.length).toBeGreaterThanOrEqual(2);
    expect(timeline.join('|')).toMatch(/March 2020.*July 14, 2020/);
  });

  it('says why the mention was linked', () => {
    const container = host();
    render(
      <EntityCard
        entity={entity('jeff-sessions')}
        dataset={dataset}
        reason={{
          signals: [
            {
              name: 'named-on-page',
              text: '“Jeff Sessions” appears on this page',
            },
          ],
        }}
      />,
      container,
    );
    expect(container.querySelector('.bs-card__why')?.textContent).toBe(
      'Linked because “Jeff Sessions” appears on this page.',
    );
  });

  it('links out only over https, in a new tab without referrer', () => {
    const container = host();
    const withLinks = {
      ...TEST_DATASET.entities[0]!,
      links: [
        {
          label: 'Wikipedia',
          url: 'https://en.wikipedia.org/wiki/Jeff_Sessions',
        },
        { label: 'Bad', url: 'javascript:alert(1)' },
        { label: 'Data', url: 'data:text/html,x' },
      ],
    };
    render(<EntityCard entity={withLinks} dataset={TEST_DATASET} />, container);
    const anchors = [...container.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual([
      'https://en.wikipedia.org/wiki/Jeff_Sessions',
    ]);
    expect(anchors[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders text from the data as text, never as HTML', () => {
    const container = host();
    const hostile = {
      ...TEST_DATASET.entities[0]!,
      name: '<img src=x onerror="alert(1)">',
      summary: '</style><script>x</script>',
    };
    render(<EntityCard entity={hostile} dataset={TEST_DATASET} />, container);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe(
      '<img src=x onerror="alert(1)">',
    );
  });
});

describe('CardNavigator', () => {
  it('moves to a related entity from a chip, and Back returns with the first card’s actions', async () => {
    const container = host();
    const action = vi.fn();
    render(
      <CardNavigator
        entityId="donald-trump"
        dataset={dataset}
        headingId="n"
        descriptionId="d"
        actions={
          <button type="button" class="test-action" onClick={action}>
            Act
          </button>
        }
      />,
      container,
    );
    expect(container.querySelector('h2')?.textContent).toBe('Donald Trump');
    const chip = [
      ...container.querySelectorAll<HTMLButtonElement>('.bs-card__chip'),
    ].find((b) => b.textContent?.includes('Tommy Tuberville'))!;
    await act(() => chip.click());
    expect(container.querySelector('h2')?.textContent).toBe('Tommy Tuberville');
    expect(container.querySelector('.test-action')).toBeNull();
    await act(() =>
      container.querySelector<HTMLButtonElement>('.bs-card__back')!.click(),
    );
    expect(container.querySelector('h2')?.textContent).toBe('Donald Trump');
    expect(container.querySelector('.test-action')).not.toBeNull();
    expect(container.querySelector('.bs-card__back')).toBeNull();
  });
});
