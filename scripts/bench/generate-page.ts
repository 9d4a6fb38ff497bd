/**
 * Deterministic news-like pages for the benchmark: a masthead, a navigation
 * bar, many articles (headline, byline, paragraphs with inline links and
 * emphasis, lists, results tables, quotes, captions), a "most read" aside and
 * a footer. Visible text is filled up to a target size.
 *
 * Mentions are drawn from the dataset's aliases and counted as they are
 * planted: full names (safe aliases) anywhere, and a person's bare surname
 * only after their full name in the same paragraph, so each planted mention is
 * one the engine should link. Noise is planted too and counted apart:
 * near-misses the engine must NOT link (other people with the same surname,
 * "Jr." suffixes, a surname inside a longer name, lower-case common words that
 * spell an alias, names glued into longer words).
 *
 * Same seed, same dataset → same bytes. Pure (no DOM, no file system).
 */
import type { Entity } from '../../data/dataset-schema';

/** Small, fast, deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Neutral filler vocabulary: no alias word, no occupation word, no sports word, no event qualifier. */
const FILLER =
  `officials county budget proposal residents week plans report measure funding hearing policy program
school board data public local agency water road project court statement council district analysis growth
pressure tax families workers business market cost price housing rent plan schedule meeting members record
letter response request review change support concern issue question answer message account figure share
increase decline level rate period month morning evening office building street city region community
service health care hospital clinic insurance coverage benefit payment contract deal agreement draft rule
bill amendment clause provision language document filing motion ruling appeal decision order notice
delay pause shift move step effort attempt push bid goal target promise pledge warning threat risk
chance option choice path route way approach method system process framework structure network
people voters crowd audience readers viewers supporters critics allies rivals neighbors parents children
said told asked wrote added noted argued claimed suggested insisted explained described called urged
warned expected planned hoped wanted tried began started continued stopped ended opened closed raised
lowered cut extended approved rejected delayed signed passed blocked reviewed released published
quickly slowly largely mostly nearly almost roughly sharply steadily openly privately publicly recently
finally initially eventually already still again also only just even about across along around behind
during inside outside through toward within without between among against beyond despite except
new old long short large small early late high low strong weak clear open close full broad narrow
major minor main key central final initial local regional national federal private public serious
difficult simple certain likely unlikely possible careful quiet loud busy empty crowded popular`.split(
    /\s+/,
  );
const FUNCTION_WORDS =
  'the a an of in on at to for with by from and or but as that this than then'.split(
    ' ',
  );
/** Fictional people, places and bodies: proper names no alias covers. */
const FICTIONAL_PEOPLE = [
  'Maria Delgado',
  'Owen Whitcombe',
  'Priya Raman',
  'Lucas Ferreira',
  'Hannah Brightwater',
  'Tobias Lindqvist',
  'Grace Okafor',
  'Milo Castellano',
  'Ines Harrow',
  'Felix Amberly',
  'Nadia Voronin',
  'Caleb Marchetti',
  'Rosa Kettering',
  'Julian Mbeki',
  'Elena Sorensen',
  'Victor Ashdown',
  'Leah Pemberton',
  'Samuel Oduya',
];
const FICTIONAL_PLACES = [
  'Vellmont',
  'Harrow County',
  'Port Lindell',
  'East Caraway',
  'Mossbridge',
  'Lake Tamsin',
];
const FICTIONAL_BODIES = [
  'the Harbor Council',
  'the Tamsin Water Board',
  'the Caraway Transit Authority',
  'Lindell Community College',
];
/** First names that make a dataset surname someone else ("Pete Sessions"). */
const OTHER_FIRST_NAMES = [
  'Pete',
  'Carla',
  'Bill',
  'Amy',
  'Marcus',
  'Ivanka',
  'Ruth',
  'Dale',
  'Nora',
  'Ken',
];
/** Capitalized words that make a surname part of a longer name ("Trump Tower"). */
const LONGER_NAME_TAILS = [
  'Holdings',
  'Tower',
  'Foundation',
  'Boulevard',
  'Hall',
];
/** Lower-case phrases that spell an alias but are no name (case rules must refuse them). */
const COMMON_WORD_NOISE = [
  'training sessions',
  'a trump card',
  'the jones family farm',
  'two coach buses',
  'a twitter of birds',
];
const DAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** What the generator plants, taken from the dataset. */
export type MentionPlan = {
  /** People: full name, title forms and bare surnames (each bare surname follows its full name). */
  people: Array<{ id: string; full: string[]; surname: string | null }>;
  /** Full names of places, organizations and events (safe aliases). */
  things: Array<{ id: string; names: string[] }>;
};

export function mentionPlan(entities: readonly Entity[]): MentionPlan {
  const people: MentionPlan['people'] = [];
  const things: MentionPlan['things'] = [];
  for (const entity of entities) {
    const safe = entity.aliases
      .filter((alias) => alias.safety === 'safe' && !alias.ambiguous)
      .map((alias) => alias.text);
    if (!safe.length) continue;
    if (entity.kind === 'person') {
      const surname =
        entity.aliases.find((alias) => alias.form === 'surname')?.text ?? null;
      people.push({ id: entity.id, full: safe, surname });
    } else {
      things.push({ id: entity.id, names: safe });
    }
  }
  return { people, things };
}

/** Every alias of the dataset, for the comparison libraries. */
export function allAliases(entities: readonly Entity[]): string[] {
  return [
    ...new Set(
      entities.flatMap((entity) => entity.aliases.map((alias) => alias.text)),
    ),
  ];
}

export type GeneratedArticles = {
  html: string;
  /** Visible characters (text nodes outside <style>/<script>), as UTF-8 bytes. */
  textBytes: number;
  /** Mentions planted that the engine should link (one per occurrence, even when split over markup). */
  planted: number;
  /** Near-misses planted that the engine should NOT link. */
  nearMisses: number;
};

export type ArticleOptions = {
  seed: number;
  targetTextBytes: number;
  /** Plant dataset mentions and near-misses; false gives a page with no mention at all. */
  mentions: boolean;
  plan: MentionPlan;
  /** First article number (ids stay unique when appending). */
  firstArticle?: number;
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Generates articles until the visible text reaches the target. */
export function generateArticles(options: ArticleOptions): GeneratedArticles {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const { plan } = options;
  let textBytes = 0;
  let planted = 0;
  let nearMisses = 0;
  const out: string[] = [];
  /** Visible text: counted and escaped. */
  const text = (value: string) => {
    textBytes += Buffer.byteLength(value);
    return escapeHtml(value);
  };

  const word = () => (chance(0.22) ? pick(FUNCTION_WORDS) : pick(FILLER));
  const words = (count: number) =>
    Array.from({ length: count }, word).join(' ');
  const capitalize = (value: string) =>
    value[0]!.toUpperCase() + value.slice(1);

  type Subject = {
    person: MentionPlan['people'][number] | null;
    fictional: string;
  };
  /** Inline markup around a name: plain text, a link, emphasis, rarely split over two elements. */
  const markName = (name: string): string => {
    const roll = random();
    if (roll < 0.55) return text(name);
    if (roll < 0.8)
      return `<a href="/topic/${encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'))}">${text(name)}</a>`;
    if (roll < 0.95) return `<strong>${text(name)}</strong>`;
    const space = name.lastIndexOf(' ');
    if (space <= 0) return `<em>${text(name)}</em>`;
    return `${text(name.slice(0, space + 1))}<b>${text(name.slice(space + 1))}</b>`; // "Jeff <b>Sessions</b>"
  };
  /** A mention the engine should link, or a fictional name on a page without mentions. */
  const fullName = (subject: Subject, plain = false): string => {
    if (!options.mentions || !subject.person) return text(subject.fictional);
    planted += 1;
    const name = pick(subject.person.full);
    return plain ? text(name) : markName(name);
  };
  const thing = (): string => {
    if (!options.mentions || !plan.things.length)
      return text(pick([...FICTIONAL_PLACES, ...FICTIONAL_BODIES]));
    planted += 1;
    return markName(pick(pick(plan.things).names));
  };
  /** Noise: looks like a name of ours, is not one here. */
  const nearMiss = (subject: Subject): string => {
    const others = plan.people.filter(
      (person) => person !== subject.person && person.surname,
    );
    const other = others.length ? pick(others) : null;
    const roll = random();
    nearMisses += 1;
    if (!other || roll < 0.2) return text(pick(COMMON_WORD_NOISE));
    const surname = other.surname!;
    if (roll < 0.55) return markName(`${pick(OTHER_FIRST_NAMES)} ${surname}`);
    if (roll < 0.7) return text(`${other.full[0]} Jr.`);
    if (roll < 0.85) return text(`${surname} ${pick(LONGER_NAME_TAILS)}`);
    return text(`${surname}ville`);
  };

  /** One sentence; `slots` are names inserted between filler words. */
  const sentence = (slots: string[]): string => {
    const parts: string[] = [];
    const length = 8 + Math.floor(random() * 14);
    // Names go after a lower-case word (never the capitalized first one), never two side by side.
    const positions: number[] = [];
    for (const _ of slots) {
      let position = 1 + Math.floor(random() * (length - 1));
      while (positions.includes(position))
        position = 1 + ((position + 1) % (length - 1));
      positions.push(position);
    }
    for (let i = 0; i < length; i += 1) {
      let filler = word();
      if (i === 0) filler = capitalize(filler);
      parts.push(text(filler));
      positions.forEach((position, slot) => {
        if (position === i) parts.push(slots[slot]!);
      });
      if (chance(0.05)) parts.push(`<em>${text(word())}</em>`);
      else if (chance(0.04))
        parts.push(
          `<a href="/n/${Math.floor(random() * 1e5)}">${text(words(2))}</a>`,
        );
    }
    const end = pick(['.', '.', '.', '?', ';']);
    return parts.join(text(' ')) + text(end === ';' ? '.' : end);
  };

  /** A paragraph; `subject` is named in full first, then by surname. */
  const paragraph = (subject: Subject, first: boolean): string => {
    const sentences: string[] = [];
    const count = 2 + Math.floor(random() * 4);
    let named = false;
    for (let i = 0; i < count; i += 1) {
      const slots: string[] = [];
      if ((first && i === 0) || chance(0.12)) {
        slots.push(fullName(subject));
        named = true;
      } else if (
        named &&
        options.mentions &&
        subject.person?.surname &&
        chance(0.45)
      ) {
        planted += 1;
        slots.push(markName(subject.person.surname));
      }
      if (chance(0.15)) slots.push(thing());
      if (options.mentions && chance(0.04)) slots.push(nearMiss(subject));
      if (chance(0.2)) slots.push(text(pick(FICTIONAL_PEOPLE)));
      sentences.push(sentence(slots));
    }
    return `<p>${sentences.join(text(' '))}</p>`;
  };

  let article = options.firstArticle ?? 0;
  while (textBytes < options.targetTextBytes) {
    article += 1;
    const person =
      options.mentions && plan.people.length ? pick(plan.people) : null;
    const subject: Subject = { person, fictional: pick(FICTIONAL_PEOPLE) };
    const parts: string[] = [];
    parts.push(`<article id="story-${article}">`);
    parts.push(
      `<p class="kicker">${text(pick(['Politics', 'Local', 'Analysis', 'Region', 'Courts', 'Budget']))}</p>`,
    );
    parts.push(
      `<h2><a href="/story/${article}">${fullName(subject, true)} ${text(words(3 + Math.floor(random() * 4)))}</a></h2>`,
    );
    parts.push(
      `<p class="byline">${text('By ')}<a href="/by/${article}">${text(pick(FICTIONAL_PEOPLE))}</a>${text(' · ')}<time>${text(
        `${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, 2020`,
      )}</time></p>`,
    );
    const paragraphs = 4 + Math.floor(random() * 6);
    for (let i = 0; i < paragraphs; i += 1) {
      parts.push(paragraph(subject, i === 0));
      const roll = random();
      if (roll < 0.08) {
        const items = 3 + Math.floor(random() * 3);
        parts.push(
          `<ul>${Array.from({ length: items }, () => `<li>${sentence(chance(0.5) ? [thing()] : [])}</li>`).join('')}</ul>`,
        );
      } else if (roll < 0.13) {
        const rows = 3 + Math.floor(random() * 4);
        const body = Array.from(
          { length: rows },
          () =>
            `<tr><td>${chance(0.5) ? fullName(subject) : text(pick(FICTIONAL_PEOPLE))}</td><td>${text(
              `${Math.floor(random() * 100)}%`,
            )}</td><td>${text(String(Math.floor(random() * 90000) + 1000))}</td></tr>`,
        ).join('');
        parts.push(
          `<table><thead><tr><th>${text('Name')}</th><th>${text('Share')}</th><th>${text('Votes')}</th></tr></thead><tbody>${body}</tbody></table>`,
        );
      } else if (roll < 0.18) {
        parts.push(
          `<blockquote>${sentence([])}<footer>${text('— ')}${fullName(subject)}</footer></blockquote>`,
        );
      } else if (roll < 0.22) {
        parts.push(
          `<figure><div class="photo"></div><figcaption>${sentence([thing()])}${text(` (Photo: ${pick(FICTIONAL_PEOPLE)})`)}</figcaption></figure>`,
        );
      }
    }
    parts.push(
      `<p class="tags">${text('Filed under ')}${text(pick(DAYS))}${text(' · ')}<a href="/tag/${article}">${text(words(2))}</a></p>`,
    );
    parts.push('</article>');
    out.push(parts.join('\n'));
  }
  return { html: out.join('\n'), textBytes, planted, nearMisses };
}

export type GeneratedPage = GeneratedArticles & { title: string };

/** A whole page: masthead, navigation, articles, aside, footer; single column so the first viewport is its top. */
export function generatePage(
  options: ArticleOptions & { title: string },
): GeneratedPage {
  const random = prng(options.seed ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)]!;
  let chromeBytes = 0;
  const text = (value: string) => {
    chromeBytes += Buffer.byteLength(value);
    return escapeHtml(value);
  };
  const nav = [
    'Top News',
    'Politics',
    'Region',
    'Courts',
    'Budget',
    'Opinion',
    'Weather',
  ]
    .map(
      (label) =>
        `<a href="/s/${label.toLowerCase().replace(' ', '-')}">${text(label)}</a>`,
    )
    .join(' ');
  const header = `<header class="masthead">${text('THE VELLMONT COURIER')}</header>\n<nav aria-label="Sections">${nav}</nav>`;
  const asideItems = Array.from(
    { length: 6 },
    (_, i) =>
      `<li><a href="/most-read/${i}">${text(`${pick(FICTIONAL_PEOPLE)} on ${pick(FILLER)} ${pick(FILLER)}`)}</a></li>`,
  );
  const aside = `<aside><h3>${text('Most read')}</h3><ol>${asideItems.join('')}</ol></aside>`;
  const footer = `<footer>${text('© 2020 The Vellmont Courier · ')}<a href="/about">${text('About')}</a>${text(' · ')}<a href="/privacy">${text('Privacy')}</a></footer>`;
  const articles = generateArticles({
    ...options,
    targetTextBytes: Math.max(0, options.targetTextBytes - 400),
  });
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 17px/1.55 Georgia, "Times New Roman", serif; margin: 0; color: #1a1a1a; background: #fff; }
  .masthead { background: #1d3557; color: #fff; padding: 12px 24px; font: bold 22px/1 Arial, sans-serif; letter-spacing: 2px; }
  nav { background: #222; padding: 6px 24px; font: 13px Arial, sans-serif; } nav a { color: #eee; margin-right: 12px; }
  main, aside { max-width: 720px; margin: 20px auto; padding: 0 24px; }
  article { border-bottom: 1px solid #ddd; padding-bottom: 12px; }
  .kicker { font: bold 12px Arial, sans-serif; color: #b00000; text-transform: uppercase; margin: 18px 0 0; }
  h2 { font-size: 26px; line-height: 1.2; margin: 4px 0 8px; } h2 a { color: inherit; text-decoration: none; }
  .byline, .tags { font: 13px Arial, sans-serif; color: #555; }
  table { border-collapse: collapse; font: 14px Arial, sans-serif; } td, th { border: 1px solid #ccc; padding: 2px 8px; }
  .photo { background: #ccc; height: 120px; } figcaption { font: 13px Arial, sans-serif; color: #555; }
  footer { background: #222; color: #bbb; font: 12px Arial, sans-serif; padding: 18px 24px; } footer a { color: #ddd; }
</style>
</head>
<body>
${header}
<main id="stories">
${articles.html}
</main>
${aside}
${footer}
</body>
</html>
`;
  return {
    ...articles,
    html,
    textBytes: articles.textBytes + chromeBytes,
    title: options.title,
  };
}
