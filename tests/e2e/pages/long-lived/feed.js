// A live feed for the long-lived tests. startFeed({ mode, items, perStep, stepMs })
// adds `perStep` items every `stepMs` until `items` have passed through the page.
//   virtualized: the window stays WINDOW items long. Each step the oldest
//     `perStep` leave: half are removed for good, half are recycled (moved to the
//     end and rewritten in place, as virtual lists do: text node data and
//     textContent), and new items make up the rest.
//   append: items are only added (an endless page).
// The page keeps no reference to an item it removed.
const WINDOW = 120;
const STORIES = [
  ['Runoff set for July 14', 'Jeff Sessions and Tommy Tuberville meet again in the Alabama Senate runoff.'],
  ['Jones raises money', 'Sen. Doug Jones reported a record quarter. Jones thanked donors.'],
  ['Trump weighs in again', 'Donald Trump repeated his endorsement of Tommy Tuberville on Twitter.'],
  ['Weather', 'Storms are expected across the state through the weekend.'],
  ['Poll shows wide lead', 'A Cygnal poll put Tuberville ahead of Jeff Sessions by twelve points.'],
  ['Traffic', 'Lane closures on the interstate continue overnight.'],
  ['Pelosi responds', 'Nancy Pelosi said the House would not wait for the Senate.'],
  ['Schools', 'The school board meets on Tuesday to discuss the budget.'],
];
let serial = 0;

function fill(article) {
  const [title, body] = STORIES[serial % STORIES.length];
  serial += 1;
  article.querySelector('h3').firstChild.data = `${title} (#${serial})`;
  article.querySelector('p').textContent = body;
  article.querySelector('small').firstChild.data = `Item ${serial}`;
}

function create() {
  const article = document.createElement('article');
  article.innerHTML = '<h3> </h3><p></p><small> </small>';
  fill(article);
  return article;
}

window.startFeed = function startFeed({ mode, items, perStep, stepMs }) {
  const feed = document.getElementById('feed');
  let passed = 0;
  return new Promise((done) => {
    const step = () => {
      const batch = Math.min(perStep, items - passed);
      const fragment = document.createDocumentFragment();
      if (mode === 'virtualized') {
        for (let i = 0; i < batch && feed.firstElementChild; i += 1) {
          const oldest = feed.firstElementChild;
          oldest.remove();
          // Every other one comes back as a new item, rewritten in place.
          if (i % 2 === 0) {
            fill(oldest);
            fragment.append(oldest);
          }
        }
      }
      while (fragment.children.length < batch) fragment.append(create());
      feed.append(fragment);
      passed += batch;
      if (passed >= items) done(passed);
      else setTimeout(step, stepMs);
    };
    step();
  });
};

// Start with a full window.
const initial = document.createDocumentFragment();
for (let i = 0; i < WINDOW; i += 1) initial.append(create());
document.getElementById('feed').append(initial);
