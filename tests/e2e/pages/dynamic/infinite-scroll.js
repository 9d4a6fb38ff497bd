// Appends one article per call, as an infinite-scroll feed does.
const STORIES = [
  ['Jones raises money', 'Sen. Doug Jones reported a record quarter. Jones thanked donors.'],
  ['Trump weighs in again', 'Donald Trump repeated his endorsement of Tommy Tuberville.'],
  ['Poll shows wide lead', 'A Cygnal poll put Tuberville ahead of Jeff Sessions.'],
];
let next = 0;
window.loadMore = function loadMore() {
  const [title, body] = STORIES[next % STORIES.length];
  next += 1;
  const article = document.createElement('article');
  article.className = 'late';
  article.innerHTML = `<h2>${title}</h2><p>${body}</p>`;
  document.getElementById('feed').append(article);
};
document.getElementById('more').addEventListener('click', () => window.loadMore());
