// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import { TEST_DATASET } from '../helpers';

const host = () => document.body.appendChild(document.createElement('div'));

describe('EntityCard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the name, kind, one-line description as of the story date, summary and source', () => {
    const container = host();
    render(<EntityCard entity={TEST_DATASET.entities[0]!} dataset={TEST_DATASET} headingId="n" />, container);
    expect(container.querySelector('h2#n')?.textContent).toBe('Jeff Sessions');
    expect(container.textContent).toContain('Person');
    expect(container.textContent).toContain('Former attorney general · as of May 23, 2020');
    expect(container.textContent).toContain('Source: A Test Story · May 23, 2020');
  });

  it('renders text from the data as text, never as HTML', () => {
    const container = host();
    const hostile = { ...TEST_DATASET.entities[0]!, name: '<img src=x onerror="alert(1)">' };
    render(<EntityCard entity={hostile} dataset={TEST_DATASET} />, container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
