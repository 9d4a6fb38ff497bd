// A small React app whose components re-render text that contains names.
// Bundled (production build of react and react-dom) by tests/e2e/fixture-bundles.ts.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

const HEADLINES = [
  'Jeff Sessions concedes to Tommy Tuberville',
  'Donald Trump congratulates Tommy Tuberville',
  'Doug Jones prepares for November against Tommy Tuberville',
  'Jeff Sessions returns to private life',
];

function Story({ step }) {
  const names = ['Jeff Sessions', 'Donald Trump', 'Doug Jones'];
  const order = step % 2 === 0 ? names : [...names].reverse();
  return h(
    'article',
    null,
    h('h2', null, HEADLINES[step % HEADLINES.length]),
    h('p', null, `Update ${step}: `, order[0], ' spoke after ', order[1], '.'),
    h('p', null, `${order[2]} said the runoff result (update ${step}) was clear, and Jeff Sessions agreed.`),
    h('ul', null, order.map((name) => h('li', { key: name }, `${name} — ${step * 3} mentions`))),
    step % 3 === 2 ? h('p', { key: 'extra' }, 'Robert Mueller was not mentioned this time.') : null,
  );
}

function App() {
  const [step, setStep] = useState(0);
  window.__step = step;
  return h(
    'main',
    null,
    h('button', { id: 'next', onClick: () => setStep((s) => s + 1) }, 'Next update'),
    h(Story, { step }),
  );
}

createRoot(document.getElementById('root')).render(h(App));
