// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MentionMatcher } from '../../../lib/match-mentions';
import {
  type AnnotatorDeps,
  PageAnnotator,
} from '../../../entrypoints/content/page-annotator';
import { TEST_DATASET } from '../../helpers';

const matcher = new MentionMatcher(TEST_DATASET.entities);

/** An annotator over `html` in <body>, recording its yields and writes. */
function setUp(html: string, deps: Partial<AnnotatorDeps> = {}) {
  document.body.innerHTML = html;
  const events: string[] = [];
  const annotator = new PageAnnotator({
    matcher: () => matcher,
    mentionTag: 'backstory-mention',
    sliceBudgetMs: 1000,
    yieldToPage: async () => {
      events.push('yield');
    },
    isCancelled: () => false,
    afterWrite: () => events.push('write'),
    ...deps,
  });
  const mentions = () =>
    [...document.querySelectorAll('backstory-mention')].map(
      (element) =>
        `${element.getAttribute('data-backstory-entity')}:${element.textContent}`,
    );
  return { annotator, events, mentions };
}

const THREE = `
  <p id="a">Jeff Sessions spoke.</p>
  <p id="b">Donald Trump replied.</p>
  <p id="c">The Mueller investigation ended.</p>`;

describe('PageAnnotator', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps what the matcher links, keeps the text, and remembers why each was linked', async () => {
    const { annotator, mentions } = setUp(THREE);
    const text = document.body.textContent;
    const result = await annotator.annotate([document.body]);
    expect(mentions()).toEqual([
      'jeff-sessions:Jeff Sessions',
      'donald-trump:Donald Trump',
      'mueller-investigation:Mueller investigation',
    ]);
    expect(result.mentions).toBe(3);
    expect(document.body.textContent).toBe(text);
    for (const element of annotator.annotations.mentions)
      expect(annotator.reasons.get(element)).toBeDefined();
  });

  it.each([
    // [slice budget, expected yields and writes]
    [1000, ['write']], // One slice to scan, one to wrap.
    [
      0, // Every segment a slice of its own: scan 3, then wrap 3.
      ['yield', 'yield', 'write', 'yield', 'write', 'yield', 'write'],
    ],
  ])(
    'with a slice budget of %i ms, yields between slices and reports each slice that wrote',
    async (sliceBudgetMs, expected) => {
      const { annotator, events, mentions } = setUp(THREE, { sliceBudgetMs });
      await annotator.annotate([document.body]);
      expect(events).toEqual(expected);
      expect(mentions()).toHaveLength(3);
    },
  );

  it('stops when cancelled between slices, leaving the page as it was', async () => {
    let cancelled = false;
    const { annotator, mentions } = setUp(THREE, {
      sliceBudgetMs: 0,
      yieldToPage: async () => {
        cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    const html = document.body.innerHTML;
    const result = await annotator.annotate([document.body]);
    expect(result.mentions).toBe(0);
    expect(mentions()).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
  });

  it('does not wrap a segment the page changed while we yielded (the observer queues it again)', async () => {
    let changed = false;
    const { annotator, mentions } = setUp(THREE, {
      sliceBudgetMs: 0,
      yieldToPage: async () => {
        if (changed) return;
        changed = true; // After the first slice, which scanned #a.
        (document.querySelector('#a')!.firstChild as Text).data =
          'Jeff Sessions spoke at once.';
      },
    });
    await annotator.annotate([document.body]);
    expect(mentions()).toEqual([
      'donald-trump:Donald Trump',
      'mueller-investigation:Mueller investigation',
    ]);
    expect(document.querySelector('#a')!.textContent).toBe(
      'Jeff Sessions spoke at once.',
    );
  });

  it('annotates only under the roots it is given', async () => {
    const { annotator, mentions } = setUp(THREE);
    await annotator.annotate([document.querySelector('#b')!]);
    expect(mentions()).toEqual(['donald-trump:Donald Trump']);
  });

  describe('viewport first', () => {
    /** A visible paragraph, 45 below the viewport (40 in a row mark its end), and one more name. */
    const page = (visible: string) => `
      <p data-pos="visible">${visible}</p>
      ${'<p data-pos="below">Filler text.</p>'.repeat(45)}
      <p data-pos="below">Jeff Sessions spoke later.</p>`;
    const viewportPosition = (segment: Text[]) =>
      segment[0]!.parentElement!.getAttribute('data-pos') as
        | 'visible'
        | 'below';
    /** Each segment is a slice: 47 scan slices (46 yields), then the wraps. */
    const run = async (visible: string, viewportFirst: boolean) => {
      const atYields: string[][] = [];
      const { annotator, mentions } = setUp(page(visible), {
        sliceBudgetMs: 0,
        viewportPosition,
        yieldToPage: async () => {
          atYields.push(mentions());
        },
      });
      const result = await annotator.annotate([document.body], {
        viewportFirst,
      });
      return { atYields, result, final: mentions() };
    };

    it.each([
      // The visible name is wrapped after the slice that passed 40 segments below it
      // (the 41st scan slice), not after the whole scan (46 yields).
      [true, 40],
      [false, 46],
    ])(
      'viewportFirst %s: the visible name is on the page from yield %i',
      async (viewportFirst, firstYield) => {
        const { atYields, result, final } = await run(
          'Donald Trump said no.',
          viewportFirst,
        );
        expect(
          atYields.findIndex((seen) =>
            seen.includes('donald-trump:Donald Trump'),
          ),
        ).toBe(firstYield);
        expect(final).toEqual([
          'donald-trump:Donald Trump',
          'jeff-sessions:Jeff Sessions',
        ]);
        expect(result.mentions).toBe(2);
        if (viewportFirst) expect(result.firstViewportMs).not.toBeNull();
      },
    );

    it('redoes a visible segment when the whole page’s evidence changes what it gets', async () => {
      // "Sessions" alone is not linked early; the full name further down backs it.
      const { atYields, result, final } = await run('Sessions said no.', true);
      expect(atYields[40]).toEqual([]);
      expect(final).toEqual([
        'jeff-sessions:Sessions',
        'jeff-sessions:Jeff Sessions',
      ]);
      expect(result.mentions).toBe(2);
    });

    it('is off for first-mention-only (order matters there): firstViewportMs is 0', async () => {
      const { annotator } = setUp(page('Donald Trump said no.'), {
        viewportPosition,
      });
      annotator.configure({ firstMentionOnly: true });
      const result = await annotator.annotate([document.body], {
        viewportFirst: true,
      });
      expect(result.firstViewportMs).toBe(0);
    });
  });

  it('reset() removes every wrapper, restores the text, and reports the write', async () => {
    const { annotator, events, mentions } = setUp(THREE);
    const html = document.body.innerHTML;
    await annotator.annotate([document.body]);
    events.length = 0;
    annotator.reset();
    expect(mentions()).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
    expect(events).toEqual(['write']);
  });

  it('a reconfigured annotator links by the new rules', async () => {
    const { annotator, mentions } = setUp(THREE);
    annotator.configure({ kinds: new Set(['event']) });
    await annotator.annotate([document.body]);
    expect(mentions()).toEqual(['mueller-investigation:Mueller investigation']);
  });
});
