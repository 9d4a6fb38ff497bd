// A single-page app that swaps the whole article: showArticle(n) replaces
// #app's content with article n, built from fresh nodes, as a client-side
// route change does. swapArticles({ count, stepMs }) shows `count` articles in
// turn. The app keeps no reference to an article it replaced.
const PARAGRAPHS = [
  'Donald Trump slammed Jeff Sessions on Twitter, telling his former attorney general to drop out of the race.',
  'Sessions, who recused himself from the Mueller investigation, answered that he would not.',
  'Tommy Tuberville, the former Auburn University football coach, has Trump’s endorsement in the runoff.',
  'A Cygnal poll put Tuberville ahead; the winner faces Sen. Doug Jones in November.',
  'Jones, the only Democrat to win a statewide race in Alabama in decades, voted to convict Trump.',
  'Nancy Pelosi and Chuck Schumer said the Senate should hold hearings before the summer recess.',
  'The runoff is on July 14. Polls open at 7 a.m. and close at 7 p.m.',
  'Robert Mueller declined to comment. The Republican Party has not taken a side.',
];

function build(n) {
  const article = document.createElement('article');
  const h1 = document.createElement('h1');
  h1.textContent = `Story ${n}: Jeff Sessions and Tommy Tuberville`;
  article.append(h1);
  for (let i = 0; i < PARAGRAPHS.length; i += 1) {
    const p = document.createElement('p');
    p.textContent = `${PARAGRAPHS[(n + i) % PARAGRAPHS.length]} (${n}.${i})`;
    article.append(p);
  }
  return article;
}

let shown = 0;
window.showArticle = function showArticle(n) {
  shown = n;
  document.getElementById('app').replaceChildren(build(n));
};

window.swapArticles = function swapArticles({ count, stepMs }) {
  let done = 0;
  return new Promise((resolve) => {
    const step = () => {
      window.showArticle(shown + 1);
      done += 1;
      if (done >= count) resolve(done);
      else setTimeout(step, stepMs);
    };
    step();
  });
};

window.showArticle(0);
