/**
 * Realistic saved pages for the start-up measure: what a reader's browser
 * loads all day, built to look like real sites from the outside (not the
 * bench's clean news pages). Each page has a large stylesheet, inline
 * scripts that run at load (a state blob in JSON, a widget that builds its
 * own DOM), deep wrappers (frameworks nest 20-30 divs), many small text
 * nodes (navigation, footers, comment threads, product grids), and text in
 * one of several languages. Most mention nobody in the dataset; a few do, in
 * the ordinary way (a name in a paragraph, a headline, a comment).
 *
 * Same seed → same bytes. Pure (no DOM, no file system).
 */
import { OFF_TOPIC_DOMAINS } from '../../data/lexicon';
import { prng } from './generate-page';

const OFF_TOPIC_WORDS = new Set(
  Object.values(OFF_TOPIC_DOMAINS)
    .flat()
    .map((word) => word.toLowerCase()),
);

export type RealPageSpec = {
  file: string;
  label: string;
  kind: 'news' | 'docs' | 'forum' | 'shop' | 'wiki' | 'liveblog';
  language: 'en' | 'de' | 'es' | 'ja' | 'ru';
  /** Visible text to aim for, bytes. */
  textBytes: number;
  /** Names from the dataset written into the text (none on most pages). */
  mentions: readonly string[];
  /** Words written in the same way that are not names (a word of an alias: the prefilter passes, nothing links). */
  decoys?: readonly string[];
};

export const REAL_PAGES: readonly RealPageSpec[] = [
  {
    file: 'r-news-en.html',
    label: 'news article (en)',
    kind: 'news',
    language: 'en',
    textBytes: 40_000,
    mentions: [],
  },
  {
    file: 'r-docs-en.html',
    label: 'documentation (en)',
    kind: 'docs',
    language: 'en',
    textBytes: 60_000,
    mentions: [],
  },
  {
    file: 'r-shop-en.html',
    label: 'shop listing (en)',
    kind: 'shop',
    language: 'en',
    textBytes: 30_000,
    mentions: [],
  },
  {
    file: 'r-forum-ru.html',
    label: 'forum thread (ru)',
    kind: 'forum',
    language: 'ru',
    textBytes: 80_000,
    mentions: [],
  },
  {
    file: 'r-news-de.html',
    label: 'news article (de)',
    kind: 'news',
    language: 'de',
    textBytes: 35_000,
    mentions: [],
  },
  {
    file: 'r-blog-es.html',
    label: 'blog post (es)',
    kind: 'news',
    language: 'es',
    textBytes: 25_000,
    mentions: [],
  },
  {
    file: 'r-news-ja.html',
    label: 'news article (ja)',
    kind: 'news',
    language: 'ja',
    textBytes: 30_000,
    mentions: [],
  },
  {
    file: 'r-wiki-en.html',
    label: 'encyclopedia, long (en)',
    kind: 'wiki',
    language: 'en',
    textBytes: 300_000,
    mentions: [],
  },
  {
    file: 'r-club-en.html',
    label: 'club news (en), a trigger word, no name',
    kind: 'news',
    language: 'en',
    textBytes: 30_000,
    mentions: [],
    decoys: ['The club president'],
  },
  {
    file: 'r-politics-en.html',
    label: 'politics article (en), names',
    kind: 'news',
    language: 'en',
    textBytes: 40_000,
    mentions: ['Jeff Sessions', 'Tommy Tuberville', 'Donald Trump', 'Sessions'],
  },
  {
    file: 'r-liveblog-en.html',
    label: 'live blog (en), names',
    kind: 'liveblog',
    language: 'en',
    textBytes: 120_000,
    mentions: ['Nancy Pelosi', 'Chuck Schumer', 'Doug Jones', 'Pelosi'],
  },
  {
    file: 'r-forum-en.html',
    label: 'forum thread (en), one name',
    kind: 'forum',
    language: 'en',
    textBytes: 60_000,
    mentions: ['Donald Trump'],
  },
  {
    file: 'r-wiki-impeachment-en.html',
    label: 'encyclopedia (en), names',
    kind: 'wiki',
    language: 'en',
    textBytes: 200_000,
    mentions: ['Donald Trump', 'Nancy Pelosi', 'Robert Mueller'],
  },
];

/** Words per language; none is an alias word of the dataset (tests/scripts/real-pages.test.ts checks the pages). */
const WORDS: Record<RealPageSpec['language'], string[]> = {
  en: `weather garden market coffee river bridge morning evening station library recipe museum
music festival harbor island mountain village winter summer spring autumn journey ticket platform
kitchen window garden planting season harvest bakery bicycle helmet traffic parking school teacher
student lesson homework language science research battery charger screen keyboard update version
release feature install configure option module package server client request response cache
memory folder archive backup storage network signal antenna photo camera lens focus light shadow
color paint canvas gallery artist concert theater stage actor ticket review chapter novel author
poem story reader journal column letter editor price discount delivery order basket checkout
size color fabric cotton leather shoe jacket shirt travel hotel beach flight airport luggage map
guide trail forest lake cabin campfire stars planet comet orbit telescope engineer design
the a of in on to with for and or but as that this from by at is was are were has have`.split(
    /\s+/,
  ),
  de: `Wetter Garten Markt Kaffee Fluss Brücke Morgen Abend Bahnhof Bibliothek Rezept Museum Musik
Fest Hafen Insel Berg Dorf Winter Sommer Frühling Herbst Reise Fahrkarte Küche Fenster Ernte Bäckerei
Fahrrad Verkehr Schule Lehrer Schüler Unterricht Sprache Forschung Stadt Straße Haus Wohnung Miete
der die das und oder aber mit für von auf in im am ist sind war wurde wird hat haben nicht auch noch`.split(
    /\s+/,
  ),
  es: `tiempo jardín mercado café río puente mañana tarde estación biblioteca receta museo música
fiesta puerto isla montaña pueblo invierno verano primavera otoño viaje billete cocina ventana cosecha
panadería bicicleta tráfico escuela maestro alumno lengua ciencia ciudad calle casa piso alquiler
el la los las de del y o pero con para por en es son fue ha han no también muy más`.split(
    /\s+/,
  ),
  ja: `天気 庭 市場 コーヒー 川 橋 朝 夕方 駅 図書館 料理 博物館 音楽 祭り 港 島 山 村 冬 夏 春 秋
旅行 切符 台所 窓 収穫 パン屋 自転車 交通 学校 先生 生徒 授業 言葉 研究 都市 通り 家 は が を に で と の も です ます した`.split(
    /\s+/,
  ),
  ru: `погода сад рынок кофе река мост утро вечер вокзал библиотека рецепт музей музыка праздник
порт остров гора деревня зима лето весна осень поездка билет кухня окно урожай пекарня велосипед
движение школа учитель ученик урок язык наука город улица дом квартира и или но с для из на в
это был была были есть не тоже очень`.split(/\s+/),
};

function sentence(
  random: () => number,
  language: RealPageSpec['language'],
  words = 14,
): string {
  // Filler says nothing about a domain: words the matcher reads as "this page is about sports, the
  // screen or cards" would make the planted names someone else's (lib/candidate-judge.ts).
  const list = WORDS[language].filter((word) => !OFF_TOPIC_WORDS.has(word));
  const join = language === 'ja' ? '' : ' ';
  const parts: string[] = [];
  const count = Math.max(4, Math.round(words * (0.6 + random() * 0.8)));
  for (let i = 0; i < count; i += 1)
    parts.push(list[Math.floor(random() * list.length)]!);
  const text = parts.join(join);
  const end = language === 'ja' ? '。' : '.';
  return text.charAt(0).toUpperCase() + text.slice(1) + end;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A stylesheet the size of a real site's (hundreds of rules, media queries). */
function styles(random: () => number): string {
  const rules: string[] = [];
  for (let i = 0; i < 600; i += 1) {
    const hue = Math.floor(random() * 360);
    rules.push(
      `.c-${i} .item-${i % 40}>a:hover,.layout-${i % 17} [data-slot="${i % 9}"]{color:hsl(${hue} 40% 30%);padding:${i % 13}px ${i % 7}px;margin:0 auto;display:${i % 3 ? 'block' : 'flex'};gap:${i % 5}px}`,
    );
  }
  rules.push(
    '@media (max-width:700px){.sidebar{display:none}.grid{grid-template-columns:1fr 1fr}}',
  );
  rules.push(
    'body{font:16px/1.5 system-ui;margin:0}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}',
  );
  return rules.join('\n');
}

/** Wraps `inner` in `depth` nested divs, as component frameworks do. */
function deep(inner: string, depth: number, prefix: string): string {
  let html = inner;
  for (let i = depth; i > 0; i -= 1)
    html = `<div class="${prefix}-${i} layout-${i % 17}" data-slot="${i % 9}">${html}</div>`;
  return html;
}

/** Navigation and footer: hundreds of short links (many text nodes). */
function chrome(
  random: () => number,
  spec: RealPageSpec,
  links: number,
): string {
  const items: string[] = [];
  for (let i = 0; i < links; i += 1)
    items.push(
      `<li class="item-${i % 40}"><a href="/s/${i}">${escapeHtml(sentence(random, spec.language, 2).replace(/[.。]$/, ''))}</a></li>`,
    );
  return `<ul class="menu">${items.join('')}</ul>`;
}

function body(
  random: () => number,
  spec: RealPageSpec,
): { html: string; textBytes: number } {
  const blocks: string[] = [];
  let textBytes = 0;
  const mentions = [...spec.mentions, ...(spec.decoys ?? [])];
  const paragraph = () => {
    const sentences: string[] = [];
    for (let i = 0; i < 4; i += 1)
      sentences.push(sentence(random, spec.language));
    // Mentions go into the first paragraphs, one each, as an article would name people early.
    if (mentions.length && random() < 0.5)
      sentences.splice(
        1,
        0,
        `${mentions.shift()} ${sentence(random, spec.language, 8).toLowerCase()}`,
      );
    const text = sentences.join(' ');
    textBytes += Buffer.byteLength(text);
    return text;
  };
  while (textBytes < spec.textBytes) {
    const i = blocks.length;
    switch (spec.kind) {
      case 'docs':
        blocks.push(
          `<section><h2 id="s${i}">${escapeHtml(sentence(random, spec.language, 4))}</h2><p>${escapeHtml(paragraph())}</p><pre><code>const option${i} = configure({ cache: true, level: ${i} });\nawait install(option${i});</code></pre></section>`,
        );
        break;
      case 'forum':
        blocks.push(
          deep(
            `<article class="post"><header><span class="user">user${i}</span> <time>${i} min</time></header><p>${escapeHtml(paragraph())}</p><footer><button>Reply</button> <span class="likes">${i % 50}</span></footer></article>`,
            8,
            'post',
          ),
        );
        break;
      case 'shop':
        blocks.push(
          `<div class="grid">${Array.from({ length: 8 }, (_, k) => `<div class="card"><h3>${escapeHtml(sentence(random, spec.language, 3))}</h3><span class="price">${(k + i) % 90}.99</span><span class="badge">-${k * 5}%</span><p>${escapeHtml(sentence(random, spec.language, 8))}</p></div>`).join('')}</div>`,
        );
        textBytes += 600;
        break;
      case 'liveblog':
        blocks.push(
          `<article class="entry"><time>${10 + (i % 12)}:${String(i % 60).padStart(2, '0')}</time><h3>${escapeHtml(sentence(random, spec.language, 6))}</h3><p>${escapeHtml(paragraph())}</p></article>`,
        );
        break;
      case 'wiki':
        blocks.push(
          i % 5 === 0
            ? `<h2><span class="mw-headline">${escapeHtml(sentence(random, spec.language, 3))}</span></h2><table class="infobox"><tr><th>${i}</th><td>${escapeHtml(sentence(random, spec.language, 5))}</td></tr></table>`
            : `<p>${escapeHtml(paragraph())}<sup class="reference"><a href="#cite-${i}">[${i}]</a></sup></p>`,
        );
        break;
      default:
        blocks.push(`<p>${escapeHtml(paragraph())}</p>`);
    }
  }
  return { html: blocks.join('\n'), textBytes };
}

/** The page's own scripts: a JSON state blob and a widget that builds DOM at load. */
function scripts(random: () => number, spec: RealPageSpec): string {
  const state = {
    page: spec.file,
    items: Array.from({ length: 400 }, (_, i) => ({
      id: i,
      title: sentence(random, spec.language, 5),
      tags: ['a', 'b', 'c'].slice(0, i % 3),
    })),
  };
  return `<script type="application/json" id="__STATE__">${JSON.stringify(state).replace(/</g, '\\u003c')}</script>
<script>
(function () {
  var state = JSON.parse(document.getElementById('__STATE__').textContent);
  var aside = document.createElement('aside');
  aside.className = 'sidebar';
  var list = document.createElement('ol');
  for (var i = 0; i < 60; i++) {
    var li = document.createElement('li');
    li.textContent = state.items[i].title;
    list.appendChild(li);
  }
  aside.appendChild(list);
  document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(aside); });
  window.__pageReady = true;
})();
</script>`;
}

export function generateRealPage(
  spec: RealPageSpec,
  seed: number,
): { html: string; textBytes: number } {
  const random = prng(seed);
  const main = body(random, spec);
  const html = `<!DOCTYPE html>
<html lang="${spec.language}"><head><meta charset="utf-8"><title>${escapeHtml(sentence(random, spec.language, 5))}</title>
<style>${styles(random)}</style>
${scripts(random, spec)}
</head><body>
${deep(`<header>${chrome(random, spec, 180)}</header>`, 12, 'hd')}
${deep(`<main><h1>${escapeHtml(sentence(random, spec.language, 8))}</h1>${main.html}</main>`, 24, 'app')}
${deep(`<footer>${chrome(random, spec, 220)}<p>© ${escapeHtml(sentence(random, spec.language, 6))}</p></footer>`, 6, 'ft')}
</body></html>
`;
  return { html, textBytes: main.textBytes };
}
