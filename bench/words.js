/**
 * The word lists behind the synthetic text: invented sentences about invented policy news, assembled
 * from a few hundred words. Nothing here is quoted from any article.
 */

/** @typedef {import('./random.js').Random} Random */

const ACTORS = [
  'The finance ministry', 'The central bank', 'Regional governors', 'Opposition deputies', 'The defence ministry',
  'State energy companies', 'Independent economists', 'The prosecutor general', 'The upper house', 'Municipal councils',
  'The foreign ministry', 'Grain exporters', 'The election commission', 'Human rights groups', 'The audit chamber',
  'Port operators', 'The customs service', 'Railway officials', 'The labour ministry', 'Local journalists',
];

const VERBS = [
  'announced', 'proposed', 'rejected', 'postponed', 'expanded', 'reviewed', 'criticised', 'approved',
  'questioned', 'extended', 'tightened', 'softened', 'defended', 'published', 'suspended', 'revived',
];

const OBJECTS = [
  'a new budget rule', 'the transit agreement', 'export quotas for fertiliser', 'the draft law on media registration',
  'limits on foreign currency deposits', 'a plan to merge two regions', 'the list of strategic enterprises',
  'subsidies for rural clinics', 'the schedule of autumn exercises', 'a tariff on imported machinery',
  'rules for online voting', 'the register of non-profit groups', 'a loan to the northern railway',
  'the pipeline maintenance programme', 'quotas for seasonal workers', 'a review of court fees',
  'the ceiling on regional borrowing', 'the agreement on river shipping', 'a census of military reservists',
  'licences for satellite internet', 'new reporting duties for banks', 'the price index for fuel',
];

const TAILS = [
  'after weeks of talks', 'despite objections from industry', 'according to officials familiar with the plan',
  'in the northern regions', 'ahead of the autumn session', 'for the third year in a row', 'without a public debate',
  'at a closed meeting', 'under pressure from exporters', 'following a court ruling', 'before the end of the quarter',
  'in a statement on its website', 'as revenues fell short', 'amid complaints from small businesses',
  'in the border districts', 'with little notice to the regions',
];

const FIGURES = [
  'Spending on the programme rose by {n} percent', 'About {n} thousand people are affected',
  'Revenues were {n} percent below the plan', 'The measure covers {n} regions', 'Imports fell by {n} percent',
  'Some {n} companies applied for relief', 'The deficit reached {n} billion roubles', 'Turnout stood at {n} percent',
];

const COMMENTS = [
  'Analysts expect further changes next year', 'Critics say the rules leave too much to officials',
  'Supporters describe the step as overdue', 'Several deputies abstained in the vote',
  'The decision surprised most observers', 'Neighbouring states are watching the outcome closely',
  'No timetable for implementation was given', 'Business associations asked for a transition period',
  'The ministry declined to comment further', 'Similar proposals failed twice before',
];

const HEADLINE_SUBJECTS = [
  'Finance ministry', 'Central bank', 'Budget committee', 'Defence ministry', 'Energy regulator', 'Supreme court',
  'Export board', 'Election commission', 'Competition watchdog', 'Customs service', 'Railway operator',
  'Port authority', 'Labour ministry', 'Upper house', 'Prosecutor general', 'Audit chamber', 'Farm lobby',
  'Border service', 'Cabinet', 'Regional assembly',
];

const HEADLINE_VERBS = [
  'weighs', 'backs', 'blocks', 'delays', 'widens', 'trims', 'revives', 'drops', 'tests', 'questions', 'extends', 'eases',
];

const HEADLINE_OBJECTS = [
  'budget rule', 'transit deal', 'export quotas', 'media law', 'currency limits', 'regional merger', 'clinic subsidies',
  'autumn drills', 'machinery tariff', 'online voting', 'registry of groups', 'railway loan', 'pipeline repairs',
  'worker quotas', 'court fees', 'borrowing ceiling', 'river shipping pact', 'reservist census', 'satellite licences',
  'bank reporting', 'fuel prices', 'grain corridor', 'gas swap', 'border checks',
];

const HEADLINE_PLACES = [
  '', '', '', ' in the north', ' in the Far East', ' in the Urals', ' on the Volga', ' in Siberia', ' in the Caucasus',
  ' near the border', ' in the capital', ' on the Baltic coast',
];

/**
 * @param {Random} random
 * @returns {string} a headline in normal case, letters and spaces only (safe as plain YAML)
 */
export function headline(random) {
  const place = random.pick(HEADLINE_PLACES);
  return `${random.pick(HEADLINE_SUBJECTS)} ${random.pick(HEADLINE_VERBS)} ${random.pick(HEADLINE_OBJECTS)}${place}`;
}

/**
 * @param {Random} random
 * @returns {string} one sentence ending in a full stop
 */
export function sentence(random) {
  const kind = random.int(0, 5);
  if (kind === 0) return `${random.pick(FIGURES).replace('{n}', String(random.int(3, 97)))}.`;
  if (kind === 1) return `${random.pick(COMMENTS)}.`;
  return `${random.pick(ACTORS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TAILS)}.`;
}

/**
 * @param {Random} random
 * @param {number} sentences how many sentences
 * @returns {string} one paragraph on a single line
 */
export function paragraph(random, sentences) {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/**
 * Break a paragraph into lines of at most `width` characters, as an editor's Markdown file would be.
 * @param {string} text
 * @param {number} [width]
 * @returns {string}
 */
export function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const SLUG_STOP_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'near', 'of']);

/**
 * @param {string} text
 * @returns {string} lower-case words without small words, joined by dashes, at most five words
 */
export function slugify(text) {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  return words.filter((word) => !SLUG_STOP_WORDS.has(word)).slice(0, 5).join('-');
}
