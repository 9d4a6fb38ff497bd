// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  collectSegments,
  PageAnnotations,
} from '../../../entrypoints/content/annotate-dom';
import { findMentions, MentionMatcher } from '../../../lib/match-mentions';
import { joinPieces } from '../../../lib/segment-text';
import { TEST_DATASET } from '../../helpers';

const matcher = new MentionMatcher(TEST_DATASET.entities);

/** Annotates the body the way the content script does: segments, join, match, wrap per piece. */
function annotate(html: string, annotations = new PageAnnotations()) {
  if (html) document.body.innerHTML = html;
  for (const segment of collectSegments(document.body, annotations.ownNodes)) {
    const joined = joinPieces(segment.map((node) => node.data));
    const perNode = new Map<
      number,
      { start: number; end: number; entityId: string }[]
    >();
    for (const mention of findMentions(matcher, joined.text)) {
      for (const range of joined.toPieces(mention.start, mention.end)) {
        perNode.set(range.piece, [
          ...(perNode.get(range.piece) ?? []),
          { ...range, entityId: mention.entityId },
        ]);
      }
    }
    for (const [piece, ranges] of perNode)
      annotations.wrap(segment[piece]!, ranges);
  }
  return annotations;
}

const wrapped = () =>
  [...document.querySelectorAll('backstory-mention')].map((el) => [
    el.getAttribute('data-backstory-entity'),
    el.textContent,
  ]);

describe('collectSegments', () => {
  it('joins text split by inline markup and splits at blocks and line breaks', () => {
    document.body.innerHTML =
      '<p>Jeff <b>Sessions</b> said</p><p>Donald</p><p>Trump<br>next</p>';
    const segments = collectSegments(document.body, new WeakSet());
    expect(
      segments.map((segment) => segment.map((node) => node.data).join('|')),
    ).toEqual(['Jeff |Sessions| said', 'Donald', 'Trump', 'next']);
  });

  it('does not join text across a skipped element', () => {
    document.body.innerHTML = '<p>Jeff <code>x</code>Sessions</p>';
    const segments = collectSegments(document.body, new WeakSet());
    expect(
      segments.map((segment) => segment.map((node) => node.data).join('|')),
    ).toEqual(['Jeff ', 'Sessions']);
  });
});

describe('PageAnnotations', () => {
  it('wraps each mention in one element that carries the entity id', () => {
    annotate('<p>Then Jeff Sessions met Donald Trump.</p>');
    expect(document.body.innerHTML).toBe(
      '<p>Then <backstory-mention data-backstory-entity="jeff-sessions">Jeff Sessions</backstory-mention> met ' +
        '<backstory-mention data-backstory-entity="donald-trump">Donald Trump</backstory-mention>.</p>',
    );
  });

  it('wraps each piece of a name split by inline markup, all with the same entity', () => {
    annotate('<p>Jeff <b>Sessions</b> spoke.</p>');
    expect(wrapped()).toEqual([
      ['jeff-sessions', 'Jeff'],
      ['jeff-sessions', 'Sessions'],
    ]);
    expect(document.querySelector('b')!.innerHTML).toBe(
      '<backstory-mention data-backstory-entity="jeff-sessions">Sessions</backstory-mention>',
    );
  });

  it('finds a name with a soft hyphen inside and wraps the original characters', () => {
    annotate('<p>Jeff Ses\u00ADsions spoke.</p>');
    expect(wrapped()).toEqual([['jeff-sessions', 'Jeff Ses\u00ADsions']]);
  });

  it('keeps the page’s own text node in place as the prefix', () => {
    document.body.innerHTML = '<p>Then Jeff Sessions spoke.</p>';
    const original = document.querySelector('p')!.firstChild as Text;
    annotate('');
    expect(document.querySelector('p')!.firstChild).toBe(original);
    expect(original.data).toBe('Then ');
  });

  it('restores the page exactly when reverted', () => {
    const html =
      '<p>Jeff Sessions, <b>Donald Trump</b> and <a href="#">Jeff <i>Sessions</i></a> again.</p><p>None here.</p>';
    const annotations = annotate(html);
    expect(document.querySelectorAll('backstory-mention').length).toBe(4);
    annotations.revertAll();
    expect(document.body.innerHTML).toBe(html);
    expect(document.body.firstChild!.childNodes.length).toBe(5);
  });

  it('does not touch form fields, code, scripts, editable regions, navigation or SVG', () => {
    annotate(
      '<textarea>Jeff Sessions</textarea><input value="Donald Trump"><code>Jeff Sessions</code>' +
        '<pre>Jeff Sessions</pre><div contenteditable="true">Jeff Sessions</div><div role="textbox">Jeff Sessions</div>' +
        '<svg><text>Jeff Sessions</text></svg><select><option>Jeff Sessions</option></select><nav>Donald Trump</nav>' +
        '<script>"Jeff Sessions"</script><style>/* Jeff Sessions */</style>',
    );
    expect(document.querySelectorAll('backstory-mention').length).toBe(0);
  });

  it('never wraps twice: a second pass changes nothing', () => {
    const annotations = annotate('<p>Jeff Sessions and Sessions.</p>');
    const before = document.body.innerHTML;
    annotate('', annotations);
    expect(document.body.innerHTML).toBe(before);
  });

  it('leaves a page-rewritten text node as the page wrote it when reverting', () => {
    const annotations = annotate('<p>Then Jeff Sessions spoke.</p>');
    const prefix = document.querySelector('p')!.firstChild as Text;
    prefix.data = 'Rewritten by the page.';
    annotations.revert(prefix);
    expect(document.body.innerHTML).toBe('<p>Rewritten by the page.</p>');
  });

  it('reverts edits inside a region that became editable, and only those', () => {
    const annotations = annotate(
      '<div id="a"><p>Jeff Sessions</p></div><p>Donald Trump</p>',
    );
    annotations.revertWithin(document.getElementById('a')!);
    expect(wrapped()).toEqual([['donald-trump', 'Donald Trump']]);
    expect(document.getElementById('a')!.innerHTML).toBe(
      '<p>Jeff Sessions</p>',
    );
  });

  it('a second wrap of what is left of a split node joins its edit: off restores the page exactly', () => {
    document.body.innerHTML = '<p>Doug Jones and Jeff Sessions met.</p>';
    const html = document.body.innerHTML;
    const annotations = new PageAnnotations();
    const node = document.querySelector('p')!.firstChild as Text;
    annotations.wrap(node, [{ start: 15, end: 28, entityId: 'jeff-sessions' }]);
    // A later pass finds a name in the page's node, which now holds the prefix.
    annotations.wrap(node, [{ start: 0, end: 10, entityId: 'doug-jones' }]);
    expect(annotations.mentions.map((m) => m.textContent)).toEqual([
      'Doug Jones',
      'Jeff Sessions',
    ]);
    expect(annotations.editCount).toBe(1);
    annotations.revertAll();
    expect(document.body.innerHTML).toBe(html);
  });

  it('forgets the edits inside subtrees the page removed, restoring them, and keeps the rest', () => {
    const annotations = annotate(
      '<article id="gone"><p>Jeff Sessions</p><p>Donald <b>Trump</b> said</p></article><p>Donald Trump</p>',
    );
    expect(annotations.editCount).toBe(4);
    const gone = document.getElementById('gone')!;
    gone.remove();
    annotations.revertRemoved([gone]);
    expect(annotations.editCount).toBe(1);
    expect(annotations.mentions.map((m) => m.textContent)).toEqual([
      'Donald Trump',
    ]);
    // Put back (a recycled list item): it is the page's own markup again.
    expect(gone.innerHTML).toBe(
      '<p>Jeff Sessions</p><p>Donald <b>Trump</b> said</p>',
    );
    expect(gone.querySelector('p')!.childNodes.length).toBe(1);
  });

  it.each([
    ['a node the page moved (still in the page)', true],
    ['a removed page text node we split', false],
  ])('on removal of %s, undoes only what left the page', (_, moved) => {
    const annotations = annotate('<p id="p">Then Jeff Sessions spoke.</p>');
    const paragraph = document.getElementById('p')!;
    const text = paragraph.firstChild as Text;
    if (moved) document.body.append(paragraph);
    else text.remove();
    annotations.revertRemoved(moved ? [paragraph] : [text]);
    expect(annotations.editCount).toBe(moved ? 1 : 0);
    if (!moved) expect(text.data).toBe('Then Jeff Sessions spoke.');
  });
});
