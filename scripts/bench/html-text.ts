/**
 * The generated pages' text as the content script would segment it, without a
 * DOM: the generator's markup is regular (no comments, no scripts in the body,
 * no entities but &amp; &lt; &gt;), so splitting at block tags and dropping
 * inline tags gives the same runs. Used by the Node-side measurements
 * (matching cost per alias count, time per engine phase).
 */
const BLOCK_TAGS =
  /<\/?(?:p|h1|h2|h3|li|ul|ol|td|th|tr|table|thead|tbody|blockquote|footer|figure|figcaption|div|article|header|nav|main|aside|body|html|head|title|style|meta)\b[^>]*>/giu;
const STYLE =
  /<style\b[\s\S]*?<\/style>|<title\b[\s\S]*?<\/title>|<nav\b[\s\S]*?<\/nav>/giu;

export function textSegments(html: string): string[] {
  return html
    .replace(STYLE, '\n\u0000\n')
    .split(BLOCK_TAGS)
    .map((block) =>
      block
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .filter((block) => /\p{L}/u.test(block) && !block.includes('\u0000'));
}
