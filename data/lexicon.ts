/**
 * The matcher's word lists: what English news text says around a name or an
 * event. Data, not code: the US-specific parts (states, offices, parties,
 * titles) live here, so another country's politics is a new list, not a new
 * rule. Each list says what it is for; lib/ decides with them.
 */

/** The fifty states, as written in running text. */
export const US_STATES = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
] as const;

/**
 * Other countries and their adjectives: before a legislature or a party
 * ("the Nigerian Senate", "South Korea's Democratic Party") they say it is
 * not the American one. Not exhaustive: the countries news names most.
 */
export const OTHER_COUNTRIES = [
  'Afghan',
  'Afghanistan',
  'Argentina',
  'Argentine',
  'Australia',
  'Australian',
  'Austria',
  'Austrian',
  'Belgian',
  'Belgium',
  'Bolivia',
  'Bolivian',
  'Brazil',
  'Brazilian',
  'Britain',
  'British',
  'Canada',
  'Canadian',
  'Chile',
  'Chilean',
  'Chinese',
  'Colombia',
  'Colombian',
  'Czech',
  'Danish',
  'Denmark',
  'Dutch',
  'Egypt',
  'Egyptian',
  'France',
  'French',
  'German',
  'Germany',
  'Ghana',
  'Ghanaian',
  'Greece',
  'Greek',
  'Haiti',
  'Haitian',
  'Hungarian',
  'Hungary',
  'India',
  'Indian',
  'Indonesia',
  'Indonesian',
  'Iran',
  'Iranian',
  'Iraq',
  'Iraqi',
  'Ireland',
  'Irish',
  'Israel',
  'Israeli',
  'Italian',
  'Italy',
  'Japan',
  'Japanese',
  'Kenya',
  'Kenyan',
  'Korea',
  'Korean',
  'Liberia',
  'Liberian',
  'Mexican',
  'Mexico',
  'Nigeria',
  'Nigerian',
  'Pakistan',
  'Pakistani',
  'Philippine',
  'Philippines',
  'Poland',
  'Polish',
  'Portugal',
  'Portuguese',
  'Romania',
  'Romanian',
  'Russian',
  'Spain',
  'Spanish',
  'Sweden',
  'Swedish',
  'Swiss',
  'Taiwan',
  'Taiwanese',
  'Thai',
  'Thailand',
  'Turkey',
  'Turkish',
  'Uganda',
  'Ugandan',
  'Ukraine',
  'Ukrainian',
  'Vietnam',
  'Vietnamese',
  'Zimbabwe',
  'Zimbabwean',
  'Peoples',
  "People's",
  'Liberal',
  'Kenyan',
  'European',
] as const;

/**
 * Title words that mean the same office or form of address: a title before a
 * surname fits a person when the person's curated titles use a word of the
 * same class ("Sen." and "Senator"), and a title of another class says it is
 * someone else ("Rep. Sessions" is not the senator).
 */
export const TITLE_CLASSES: ReadonlyArray<readonly string[]> = [
  ['Sen.', 'Sen', 'Senator', 'Senators'],
  ['Rep.', 'Rep', 'Representative', 'Congressman', 'Congresswoman'],
  ['President', 'Pres.', 'President-elect'],
  ['Vice', 'Vice-President'],
  ['Speaker'],
  ['Coach'],
  ['Attorney', 'General', 'AG', 'A.G.'],
  ['Special', 'Counsel', 'Director'],
  ['Gov.', 'Governor'],
  ['Judge', 'Justice'],
  ['Dr.', 'Doctor'],
  ['Rev.', 'Reverend'],
  ['Gen.', 'Lt.', 'Col.', 'Sgt.', 'Capt.', 'Maj.', 'Adm.'],
  ['Mayor'],
  ['Sheriff'],
  ['Minority', 'Majority', 'Leader'],
  ['Secretary'],
  ['Mr.', 'Mr'],
  ['Mrs.', 'Mrs', 'Ms.', 'Ms', 'Miss'],
  ['Candidate', 'Nominee'],
];

/** Honorifics that fit anyone. */
export const NEUTRAL_TITLES = ['Mx.', 'Former', 'Ex-', 'former', 'then-'];

/**
 * Capitalized words that start sentences or clauses rather than names. A word
 * here before a surname ("Once Trump took office", "Despite Trump's") is not a
 * first name.
 */
export const FUNCTION_WORDS =
  `A An And As At About Above Across After Afterward Again Against Ago Ahead
  Also Although Among Amid Anyway Around Asked Because Before Behind Below Beside Besides Between Beyond
  Both But By Can Could Despite Did Do Does Down During Each Earlier Either Else Even Ever Every Except
  For From Had Has Have He Hence Her Here Hers Him His How However If In Including Indeed Inside Instead
  Into Is It Its Just Last Lately Later Less Let Like Many Maybe Meanwhile Might More Moreover Most Much
  Must Neither Never Nevertheless Next No Nobody Nor Not Nothing Now Of Off Often On Once One Only Onto Or
  Other Otherwise Our Out Outside Over Past Per Perhaps Plus Rather Regardless Said Same Says Several She
  Should Since So Some Someday Soon Still Such Than That The Their Them Then There Therefore These They
  This Those Though Through Throughout Thus To Today Together Told Tomorrow Tonight Too Toward Towards Under
  Unless Unlike Until Up Upon Us Very Via Was We Well Were What Whatever When Whenever Where Whereas
  Whether Which While Who Whoever Whom Whose Why Will With Within Without Would Yes Yesterday Yet You Your
  Thanks Dear Vs Update Updated Monday Tuesday Wednesday Thursday Friday Saturday Sunday Breaking Analysis
  Opinion Photo Video Watch Read Make Made Let Get Got Give Gave Keep Kept Call Called Ask Tell Take Took
  Blame Thank Elect Re-elect Reelect Defeat Beat Vote Support Oppose Stop Fire Impeach Remove Trust
  Expect Imagine Consider Remember Forget Welcome Meet Believe Note Enter Where's What's Here's That's
  There's It's Who's Why Is Are Am Be Been Being Sorry Please Oh Ok Okay Yeah Nope Unfortunately Sadly
  Clearly Obviously Apparently Frankly Honestly Finally First Second Third Eventually Initially Recently
  Currently Previously Originally Ultimately Hours Days Weeks Months Years Minutes Moments Shortly`
    .split(/\s+/)
    .filter(Boolean);

/** Party and institution words that may stand before a politician's surname ("GOP Sessions"). */
export const AFFILIATION_WORDS =
  `Republican Republicans Democrat Democratic Democrats GOP Independent
  Conservative Liberal Senate House U.S. US American Federal Former Alabama Texas State Incumbent`
    .split(/\s+/)
    .filter(Boolean);

/**
 * Occupations that identify someone; before a name ("actor Doug Jones") they
 * say who is meant, and they must fit the entity's own description.
 */
export const ROLE_NOUNS =
  `actor actress comedian comic singer rapper musician songwriter drummer
  guitarist artist painter author novelist poet chef baker host anchor presenter model dancer director
  producer filmmaker designer photographer quarterback receiver linebacker pitcher shortstop striker
  goalkeeper midfielder golfer boxer wrestler driver jockey swimmer sprinter skater
  rookie star defendant plaintiff suspect victim teacher professor student doctor nurse pastor priest
  rabbi bishop sheriff deputy officer detective firefighter mayor councilman councilwoman judge
  congressman congresswoman representative rep. youtuber influencer broadcaster reliever catcher
  outfielder infielder hitter slugger coach`
    .split(/\s+/)
    .filter(Boolean);

/**
 * Words of domains a political story is not about. Several of them on a page
 * that names none of an entity's related people, places or events say that a
 * full name there is someone else (a pitcher, an actor) and a place is a
 * team. Counted per page, so one stray word changes nothing.
 */
export const OFF_TOPIC_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  sports:
    `inning innings pitcher pitchers pitched bullpen strikeout strikeouts saves changeup fastball
    batter batters hitter hitters mound dugout shortstop outfielder touchdown touchdowns quarterback
    linebacker halftime kickoff goalkeeper striker midfielder penalty playoff playoffs postseason
    preseason roster rookie scored scoring season seasons standings tournament league championship
    futsal stadium coach coaches coached football baseball basketball soccer hockey tennis golf rugby
    wrestling boxing Olympics medal medals semifinal semifinals quarterfinal quarterfinals final finals
    squad teammates teammate offense defense defensive offensive yards rushing passing receiver receivers
    innings ERA`
      .split(/\s+/)
      .filter(Boolean),
  screen:
    `film films movie movies actor actress actors cast casting role roles director directed
    screenplay premiere premiered starring stars trailer sequel franchise Netflix streaming episode
    episodes series season makeup prosthetics creature creatures monster horror box-office Oscar Oscars
    Emmy studio studios cinema theater theatre comedy comedian stand-up special specials audience
    convention autograph autographs fans cosplay`
      .split(/\s+/)
      .filter(Boolean),
  cards:
    `euchre bridge trick tricks dealer deal dealt bid bidding bids partner partners spades hearts
    clubs diamonds deck suit suits jack jacks bower bowers declarer defender defenders rubber contract
    no-trump notrump canasta pinochle rummy poker`
      .split(/\s+/)
      .filter(Boolean),
};

/** How many distinct off-topic words a page needs before they count against a name. */
export const OFF_TOPIC_MIN_WORDS = 4;

/**
 * Qualifier words an event phrase may carry ("the July 14 GOP Senate runoff in
 * Alabama"), by slot. A qualifier of a slot the event fills with another value
 * makes the phrase another event ("the Texas runoff", "a second impeachment").
 */
export const OFFICE_WORDS: Readonly<Record<string, readonly string[]>> = {
  senate: ['Senate', 'senatorial', 'Senatorial', 'U.S. Senate', 'US Senate'],
  house: ['House', 'congressional', 'Congressional', 'U.S. House'],
  governor: ['gubernatorial', 'Gubernatorial', 'governor', "governor's"],
  president: ['presidential', 'Presidential', 'White House'],
  mayor: ['mayoral', 'Mayoral', 'mayor', "mayor's", 'city'],
  legislature: [
    'legislative',
    'Legislative',
    'state Senate',
    'State Senate',
    'state House',
    'legislature',
  ],
  local: [
    'school board',
    'county',
    'municipal',
    'council',
    'sheriff',
    'judicial',
    'district',
    'District',
  ],
};

export const PARTY_WORDS: Readonly<Record<string, readonly string[]>> = {
  republican: ['GOP', 'Republican', 'Republicans', "Republicans'"],
  democratic: ['Democratic', 'Democrat', 'Democrats', "Democrats'"],
  libertarian: ['Libertarian'],
  green: ['Green Party'],
};

/** Ordinal words: "the second impeachment" is another one than the first. */
export const ORDINAL_WORDS: Readonly<Record<string, readonly string[]>> = {
  first: ['first', '1st', 'First'],
  second: [
    'second',
    '2nd',
    'Second',
    'another',
    'Another',
    'new',
    'latest',
    'next',
  ],
  third: ['third', '3rd', 'Third'],
};

/** Stages of an election: "primary runoff" is still a runoff; "general election" is not the primary. */
export const STAGE_WORDS: Readonly<Record<string, readonly string[]>> = {
  primary: ['primary', 'Primary', 'primaries', 'nominating'],
  runoff: ['runoff', 'Runoff', 'run-off', 'runoffs'],
  general: ['general', 'General', 'November'],
  special: ['special', 'Special'],
};

export const MONTHS = [
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
] as const;
/** Abbreviations as AP style writes them. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  'Jan.': 1,
  'Feb.': 2,
  'Aug.': 8,
  'Sept.': 9,
  'Sep.': 9,
  'Oct.': 10,
  'Nov.': 11,
  'Dec.': 12,
};

/**
 * Words that may sit inside an event phrase between its determiner and its
 * head without changing which event it is ("the closely watched runoff").
 */
export const EVENT_PHRASE_FILLERS =
  `the a an this that its his her their our state's nation's
  upcoming delayed postponed rescheduled crucial bitter heated decisive closely watched hotly contested
  contested high-profile tight close final key expected looming coming pending scheduled planned
  long-awaited much-anticipated all-important one-on-one head-to-head primary runoff Tuesday's
  Tuesday Saturday's statewide party party's nomination seat open fall spring summer summer's fall's
  November's March's July's election election's race race's`
    .split(/\s+/)
    .filter(Boolean);

/**
 * Call-to-action phrases of share and follow bars: the platform named after
 * them is page chrome, not a mention ("Share on Twitter", "Follow us on
 * Twitter").
 */
export const SHARE_CALLS = [
  'share on',
  'share to',
  'share via',
  'follow us on',
  'follow on',
  'find us on',
  'like us on',
  'join us on',
  'connect with us on',
  'subscribe on',
  'tweet this',
  'post to',
  'send to',
  'follow',
  'share this on',
  'discuss on',
  'watch on',
  'listen on',
] as const;

/**
 * Capitalized words that may follow a place's name and keep it the place:
 * its offices, institutions and people ("Alabama Secretary of State",
 * "Alabama Republicans", "China Daily" is not among them).
 */
export const PLACE_CONTINUATIONS =
  `Secretary Governor Gov Legislature Department Attorney Supreme Court
  House Senate Senator Senators Sen Rep Representative Republicans Democrats Republican Democratic GOP
  Party State Capitol Congress Congressional Delegation Voters Election Elections Primary Runoff Race
  Tuberville Sessions Jones Trump Mueller Pelosi Schumer Twitter Tigers Football Coach University
  Government Ministry Foreign Embassy Consulate Officials Leaders President Premier Prime Minister
  Judiciary Committee Committees Intelligence Finance Armed Appropriations Banking Ethics Rules Majority
  Minority Leader Leaders Floor Chamber Republicans Democrats Tigers Trial Race Seat Seats Runoff Primary
  January February March April May June July August September October November December Jan Feb Aug
  Sept Oct Nov Dec`
    .split(/\s+/)
    .filter(Boolean);

/**
 * Words of team sports: next to a country or state they make it a team
 * ("Russia's keeper", "the Crimson Tide", "a win over Alabama").
 */
export const TEAM_SPORT_WORDS =
  `win over|wins over|victory over|receiver|quarterback|linebacker|running back
  |touchdown|touchdowns|Iron Bowl|Crimson Tide|recruit|recruiting|Recruiting|five-star|four-star|bowl game
  |playoff|SEC|yards|national team|men's team|women's team|keeper|goalkeeper|futsal|World Cup|qualifier
  |qualifiers|semifinal|semifinals|quarterfinal|quarterfinals|tournament|invitational|striker|midfielder
  |men's side|women's side|squad|kickoff|halftime|coach's`
    .split('|')
    .map((word) => word.trim())
    .filter(Boolean);

/** Directions and regions that may stand before a place and keep it the place ("Central Alabama", "North Alabama"). */
export const PLACE_REGIONS =
  `North South East West Central Northern Southern Eastern Western Northeast
  Northwest Southeast Southwest Rural Coastal Downstate Upstate Greater`
    .split(/\s+/)
    .filter(Boolean);

/** Nouns of institutions named after a place: "University of South Alabama", "Bank of China", "Sea of Japan". */
export const NAMED_AFTER_PLACE =
  `University College School Bank Port Diocese Archdiocese Church Museum
  Hospital Library Club Society Association Institute Academy Republic Kingdom Sea Gulf Bay Court
  Supreme Symphony Orchestra Theatre Theater Council Chamber`
    .split(/\s+/)
    .filter(Boolean);
