// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectTextNodes, PageAnnotations } from '../../../entrypoints/content/annotate-dom';
import { compileMatcher } from '../../../lib/match-mentions';
import { TEST_DATASET } from '../../helpers';

const matcher = compileMatcher(TEST_DATASET.entities, { safeties: ['safe'] });

function annotate(html: string) {
  document.body.innerHTML = html;
  const annotations = new PageAnnotations();
  for (const node of collectTextNodes(document.body, annotations.ownNodes)) {
    const mentions = matcher.find(node.data);
    if (mentions.length) annotations.wrap(node, mentions);
  }
  return annotations;
}

describe('PageAnnotations', () => {
  it('wraps each mention in one element that carries the entity id', () => {
    annotate('<p>Then Jeff Sessions met Donald Trump.</p>');
    expect(document.body.innerHTML).toBe(
      '<p>Then <backstory-mention data-backstory-entity="jeff-sessions">Jeff Sessions</backstory-mention> met ' +
        '<backstory-mention data-backstory-entity="donald-trump">Donald Trump</backstory-mention>.</p>',
    );
  });

  it('keeps the page’s own text node in place as the prefix', () => {
    document.body.innerHTML = '<p>Then Jeff Sessions spoke.</p>';
    const original = document.querySelector('p')!.firstChild;
    const annotations = new PageAnnotations();
    annotations.wrap(original as Text, matcher.find((original as Text).data));
    expect(document.querySelector('p')!.firstChild).toBe(original);
    expect((original as Text).data).toBe('Then ');
  });

  it('restores the page exactly when reverted', () => {
    const html = '<p>Jeff Sessions, <b>Donald Trump</b> and <a href="#">Jeff Sessions</a> again.</p><p>None here.</p>';
    const annotations = annotate(html);
    expect(document.querySelectorAll('backstory-mention').length).toBe(3);
    annotations.revertAll();
    expect(document.body.innerHTML).toBe(html);
    expect(document.body.childNodes[0]!.childNodes.length).toBe(5);
  });

  it('does not touch form fields, code, scripts, editable regions or SVG', () => {
    const html =
      '<textarea>Jeff Sessions</textarea><input value="Donald Trump"><code>Jeff Sessions</code>' +
      '<pre>Jeff Sessions</pre><div contenteditable="true">Jeff Sessions</div><div role="textbox">Jeff Sessions</div>' +
      '<svg><text>Jeff Sessions</text></svg><select><option>Jeff Sessions</option></select>' +
      '<script>"Jeff Sessions"</script><style>/* Jeff Sessions */</style>';
    annotate(html);
    expect(document.querySelectorAll('backstory-mention').length).toBe(0);
  });

  it('never wraps twice: a second pass finds nothing new', () => {
    const annotations = annotate('<p>Jeff Sessions</p>');
    const before = document.body.innerHTML;
    for (const node of collectTextNodes(document.body, annotations.ownNodes)) {
      const mentions = matcher.find(node.data);
      if (mentions.length) annotations.wrap(node, mentions);
    }
    expect(document.body.innerHTML).toBe(before);
  });

  it('leaves a page-rewritten text node as the page wrote it when reverting', () => {
    const annotations = annotate('<p>Then Jeff Sessions spoke.</p>');
    const prefix = document.querySelector('p')!.firstChild as Text;
    prefix.data = 'Rewritten by the page.';
    annotations.revertAll();
    expect(document.body.innerHTML).toBe('<p>Rewritten by the page.</p>');
  });
});
