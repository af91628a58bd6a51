// The bench's measuring code, kept apart from the driver (bench.mjs) so that
// tests/e2e/bench-harness.spec.ts can check it: statistics, the generated reports, the plain-form
// floor, the phone profile's first load and budgets, and the functions that run inside the page.
//
// Functions marked "in page" are passed to Playwright (`addInitScript`, `evaluate`): they must
// not use anything from this module's scope.

// ---------------------------------------------------------------------------------------------
// Statistics

/** The median of a list of numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values) {
  return percentile(values, 50);
}

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks (the "type 7"
 * definition used by numpy and spreadsheets); null when the list is empty.
 */
export function percentile(values, p) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

// ---------------------------------------------------------------------------------------------
// Generated reports

/** A small deterministic generator (mulberry32), so every run benches the same report. */
export function randomSource(seed = 1) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'community dialogue session participants youth women leaders local council water access ' +
  'school health clinic project partners discussed agreed needs priorities district village ' +
  'return displaced families livelihoods training cohesion trust services municipality ' +
  'committee follow up meeting proposals budget accountability transparency volunteers ' +
  'organization facilitator presented questions concerns recommendations conflict resolution ' +
  'mediation peace building representatives tribal religious civil society media monitoring ' +
  'evaluation outcomes activities planning coordination electricity roads housing employment ' +
  'agriculture market small grants psychosocial support protection children elderly ' +
  'disability inclusion awareness campaign workshop session shared experiences challenges'
).split(' ');

const NAMES = ['Ahmed Ali', 'Sara Hassan', 'Huda Kareem', 'Omar Saleh', 'Layla Mahmoud', 'Karwan Aziz',
  'Shilan Omer', 'Yousif Jabbar', 'Noor Abbas', 'Dilan Rasul'];

/** `count` words of plausible report prose, with sentences and paragraphs. */
export function prose(random, count) {
  const words = [];
  let sentence = 0;
  for (let i = 0; i < count; i++) {
    let word = VOCABULARY[Math.floor(random() * VOCABULARY.length)];
    if (sentence === 0) word = word[0].toUpperCase() + word.slice(1);
    sentence++;
    const last = i === count - 1;
    if (last || (sentence > 8 && random() < 0.15)) {
      word += '.';
      sentence = 0;
      if (!last && random() < 0.12) word += '\n\n';
    }
    words.push(word);
  }
  return words.join(' ').replace(/\n\n /g, '\n\n');
}

/** Words in a text, counted as runs of non-space characters. */
export function countWords(text) {
  const matches = String(text ?? '').match(/\S+/g);
  return matches ? matches.length : 0;
}

function time(minutes) {
  const m = minutes % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The LARGE report the budgets speak of: 200 agenda items, 100 discussion points, 50
 * recommendations and about 20,000 words of narrative over introduction, aim, conclusion and the
 * discussion points' details. Field names follow src/core/report.rs; counts are JSON numbers.
 */
export function makeLargeReport(options = {}) {
  const {
    agenda = 200,
    discussionPoints = 100,
    recommendations = 50,
    narrativeWords = 20_000,
    seed = 20240501,
    title = 'Community dialogue on services and social cohesion — bench report',
  } = options;
  const random = randomSource(seed);
  // Narrative split: introduction 15 %, aim 5 %, conclusion 10 %, discussion details 70 %.
  const introWords = Math.round(narrativeWords * 0.15);
  const aimWords = Math.round(narrativeWords * 0.05);
  const conclusionWords = Math.round(narrativeWords * 0.1);
  const detailWords = narrativeWords - introWords - aimWords - conclusionWords;
  const perPoint = discussionPoints > 0 ? Math.floor(detailWords / discussionPoints) : 0;
  const extraWords = discussionPoints > 0 ? detailWords - perPoint * discussionPoints : 0;

  return {
    title,
    activity_type: 'dialogue_session',
    session_number: 7,
    project_name: 'Strengthening social cohesion in returnee areas',
    programme: 'Peacebuilding',
    organizing_organization: 'Bench Civil Society Network',
    partner_organizations: 'Local Council; Youth Forum',
    donor: 'Bench Foundation',
    language: 'en',
    date: '2024-05-01',
    start_time: '09:00',
    end_time: '16:30',
    venue: 'Community hall',
    city: 'Mosul',
    governorate: 'Nineveh',
    country: 'Iraq',
    introduction: prose(random, introWords),
    aim: prose(random, aimWords),
    session_topic: 'Access to services and trust between communities',
    conclusion: prose(random, conclusionWords),
    next_steps: 'Share the recommendations with the local council and meet again in one month.',
    extra_sections: [],
    facilitators: [{ name: NAMES[0], role: 'Lead facilitator' }, { name: NAMES[1], role: 'Co-facilitator' }],
    speakers: [{ name: NAMES[2], position: 'Council member', organization: 'Local Council', summary: prose(random, 40) }],
    moderator: NAMES[3],
    participants: {
      total: 64, male: 30, female: 34, sex_not_recorded: null,
      under_18: 4, age_18_to_24: 20, age_25_to_59: 34, age_60_and_over: 6, with_disabilities: 5, guests: 3,
      governorates: [{ name: 'Nineveh', count: 50 }, { name: 'Erbil', count: 14 }],
      categories: [],
    },
    objectives: [1, 2, 3].map(() => ({ text: prose(random, 12) })),
    agenda: Array.from({ length: agenda }, (_, i) => ({
      start: time(9 * 60 + i * 2),
      end: time(9 * 60 + i * 2 + 2),
      item: prose(random, 8),
      presenter: NAMES[i % NAMES.length],
    })),
    discussion_points: Array.from({ length: discussionPoints }, (_, i) => ({
      heading: `Point ${i + 1}: ${prose(random, 4).replace(/\.$/, '')}`,
      details: prose(random, perPoint + (i === 0 ? extraWords : 0)),
    })),
    results: [1, 2, 3].map(() => ({ text: prose(random, 15) })),
    recommendations: Array.from({ length: recommendations }, () => ({ text: prose(random, 15) })),
    attachments: [{ description: 'Attendance sheet' }, { description: 'Photos' }],
    working_groups: [],
  };
}

/** The same report with nothing filled in beyond what a new draft has. */
export function makeEmptyReport() {
  return { title: '', activity_type: 'dialogue_session', language: 'en' };
}

/** A report wrapped in the stored/exported document envelope (src/core/document.rs). */
export function makeDocument(report) {
  return { format: 'taqrir-report', schema_version: 1, report };
}

/** Narrative words of a report: introduction, aim, conclusion and discussion details. */
export function narrativeWordCount(report) {
  return (
    countWords(report.introduction) + countWords(report.aim) + countWords(report.conclusion) +
    (report.discussion_points ?? []).reduce((sum, point) => sum + countWords(point.details), 0)
  );
}

/**
 * localStorage entries for a library of drafts, as the app stores them (src/core/drafts.rs): one
 * `taqrir.draft.<id>` per draft and the `taqrir.index`. `lastOpen` is the id reopened on load.
 */
export function libraryEntries(drafts, lastOpen = drafts.length ? drafts[drafts.length - 1].id : null) {
  const entries = {};
  for (const { id, report } of drafts) entries[`taqrir.draft.${id}`] = JSON.stringify(makeDocument(report));
  // The index as the app writes it: revision and stored size (UTF-16 code units) per draft.
  entries['taqrir.index'] = JSON.stringify({
    drafts: drafts.map(({ id, report }, i) => ({
      id, title: report.title ?? '', date: report.date ?? '', updated_ms: 1_714_000_000_000 + i * 60_000,
      rev: 1, size: entries[`taqrir.draft.${id}`].length,
    })),
    last_open: lastOpen,
  });
  return entries;
}

/** `count` ordinary drafts (a few hundred words each) for the library bench. */
export function makeLibraryDrafts(count = 200) {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${String(i + 1).padStart(3, '0')}`,
    report: makeLargeReport({
      agenda: 6, discussionPoints: 4, recommendations: 3, narrativeWords: 400, seed: 1000 + i,
      title: `Bench draft ${i + 1}`,
    }),
  }));
}

// ---------------------------------------------------------------------------------------------
// The floor: the same form as plain HTML, no framework.

const escapeHtml = (value) =>
  String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const ACTIVITY_TYPES = [['dialogue_session', 'Dialogue session'], ['workshop', 'Workshop'], ['training', 'Training'],
  ['closing_session', 'Closing / lessons-learned session'], ['meeting', 'Coordination meeting'], ['other', 'Other']];
const LANGUAGES = [['en', 'English'], ['ar', 'العربية'], ['ckb', 'کوردی']];

/**
 * The editor's form as a hand-written HTML page: the same sections, labels, ids, inputs and
 * textareas, one fieldset per row with the same name, columns and commands, and the values of
 * `report` filled in.
 * `cssHref` links the app's stylesheet so that style and layout cost the same.
 */
export function plainFormHtml(report, { cssHref = null, title = 'Plain form' } = {}) {
  const r = report ?? {};
  const lang = escapeHtml(r.language ?? 'en');
  const value = (v) => (v === null || v === undefined ? '' : String(v));
  const line = (id, label, v, type = 'text') =>
    `<div class="field"><label for="${id}">${label}</label><input id="${id}" type="${type}"` +
    (type === 'text' ? ` dir="auto" lang="${lang}" spellcheck="true"` : '') + ` value="${escapeHtml(value(v))}"></div>`;
  const number = (id, label, v) =>
    `<div class="field field--number"><label for="${id}">${label}</label><input id="${id}" type="text" ` +
    `inputmode="numeric" autocomplete="off" value="${escapeHtml(value(v))}"></div>`;
  const para = (id, label, v) =>
    `<div class="field field--wide"><label for="${id}">${label}</label><textarea id="${id}" rows="3" dir="auto" ` +
    `lang="${lang}" spellcheck="true">${escapeHtml(value(v))}</textarea></div>`;
  const choice = (id, label, options, selected) =>
    `<div class="field"><label for="${id}">${label}</label><select id="${id}">` +
    options.map(([v, text]) => `<option value="${v}"${v === selected ? ' selected' : ''}>${escapeHtml(text)}</option>`).join('') +
    '</select></div>';
  const section = (name, heading, body) =>
    `<section class="card" aria-labelledby="section-${name}"><h2 id="section-${name}">${heading}</h2>${body}</section>`;
  // A textarea one line high that grows, in a column of its row (an agenda item, a recommendation).
  const shortPara = (id, label, v) =>
    `<div class="field"><label for="${id}">${label}</label><textarea id="${id}" rows="1" class="textarea--short" ` +
    `dir="auto" lang="${lang}" spellcheck="true">${escapeHtml(value(v))}</textarea></div>`;
  const command = (name, icon, attributes = '') =>
    `<button type="button" class="button row__command${name === 'Remove' ? ' row__command--remove' : ''}" title="${name}"` +
    `${attributes}><span aria-hidden="true">${icon}</span><span class="visually-hidden">${name}</span></button>`;
  const rows = (name, list, legend, add, fields) => {
    const items = list ?? [];
    const body = items.map((row, i) =>
      `<fieldset class="row"><legend class="visually-hidden">${legend} ${i + 1}</legend>` +
      `<div class="row__head" aria-hidden="true"><span class="row__name">${legend} ${i + 1}</span>` +
      `<span class="row__number">${i + 1}</span></div><div class="row__fields">${fields(row, i)}</div>` +
      '<div class="row__actions">' +
      command('Move up', '↑', ` data-move="up"${i === 0 ? ' disabled' : ''}`) +
      command('Move down', '↓', ` data-move="down"${i === items.length - 1 ? ' disabled' : ''}`) +
      command('Remove', '✕') + '</div></fieldset>').join('');
    return `<div class="row-list"><div class="rows rows--${name}">${body}</div>` +
      '<p class="rows__removed" aria-live="polite" aria-atomic="true"></p>' +
      `<button type="button" class="button button--add"><span aria-hidden="true" class="icon">+ </span>${add}</button></div>`;
  };
  const textItems = (list, name, legend, add) =>
    rows(name, list, legend, add, (row, i) => shortPara(`field-${name}-${i}-text`, 'Text', row.text));
  const p = r.participants ?? {};

  const form = [
    section('identity', 'Report', '<div class="grid">' +
      line('field-title', 'Report title', r.title) +
      choice('field-activity_type', 'Activity type', ACTIVITY_TYPES, r.activity_type ?? 'dialogue_session') +
      number('field-session_number', 'Session number', r.session_number) +
      line('field-project_name', 'Project name', r.project_name) +
      line('field-programme', 'Programme', r.programme) +
      line('field-organizing_organization', 'Organizing organization', r.organizing_organization) +
      line('field-partner_organizations', 'Partner organizations', r.partner_organizations) +
      line('field-donor', 'Donor', r.donor) +
      choice('field-language', 'Report language', LANGUAGES, r.language ?? 'en') + '</div>'),
    section('when-where', 'When and where', '<div class="grid">' +
      line('field-date', 'Date', r.date, 'date') +
      line('field-start_time', 'Start time', r.start_time, 'time') +
      line('field-end_time', 'End time', r.end_time, 'time') +
      line('field-venue', 'Venue', r.venue) + line('field-city', 'City', r.city) +
      line('field-governorate', 'Governorate', r.governorate) + line('field-country', 'Country', r.country) + '</div>'),
    section('narrative', 'Introduction and aim', '<div class="stack">' +
      para('field-introduction', 'Introduction', r.introduction) + para('field-aim', 'Aim', r.aim) +
      para('field-session_topic', 'Session topic', r.session_topic) + '</div>'),
    section('objectives', 'Objectives', textItems(r.objectives, 'objectives', 'Objective', 'Add objective')),
    section('people', 'Facilitators and speakers', '<div class="stack">' +
      rows('facilitators', r.facilitators, 'Facilitator', 'Add facilitator', (row, i) =>
        line(`field-facilitators-${i}-name`, 'Name', row.name) + line(`field-facilitators-${i}-role`, 'Role', row.role)) +
      '<div class="grid">' + line('field-moderator', 'Moderator', r.moderator) + '</div>' +
      rows('speakers', r.speakers, 'Speaker', 'Add speaker', (row, i) =>
        line(`field-speakers-${i}-name`, 'Name', row.name) + line(`field-speakers-${i}-position`, 'Position', row.position) +
        line(`field-speakers-${i}-organization`, 'Organization', row.organization) +
        para(`field-speakers-${i}-summary`, 'Summary', row.summary)) + '</div>'),
    section('participants', 'Participants',
      '<div class="grid">' + number('field-participants-total', 'Total participants', p.total) +
      number('field-participants-guests', 'Guests', p.guests) + '</div><h3>By sex</h3><div class="grid grid--numbers">' +
      number('field-participants-male', 'Male', p.male) + number('field-participants-female', 'Female', p.female) +
      number('field-participants-sex_not_recorded', 'Sex not recorded', p.sex_not_recorded) +
      '</div><h3>By age (optional)</h3><div class="grid grid--numbers">' +
      number('field-participants-under_18', 'Under 18', p.under_18) +
      number('field-participants-age_18_to_24', '18–24', p.age_18_to_24) +
      number('field-participants-age_25_to_59', '25–59', p.age_25_to_59) +
      number('field-participants-age_60_and_over', '60 and over', p.age_60_and_over) +
      number('field-participants-with_disabilities', 'Persons with disabilities', p.with_disabilities) +
      '</div><h3>Governorate</h3>' +
      rows('participants-governorates', p.governorates, 'Governorate', 'Add governorate', (row, i) =>
        line(`field-participants-governorates-${i}-name`, 'Name', row.name) +
        number(`field-participants-governorates-${i}-count`, 'Count', row.count)) +
      '<h3>Participant category</h3>' +
      rows('participants-categories', p.categories, 'Participant category', 'Add participant category', (row, i) =>
        line(`field-participants-categories-${i}-label`, 'Label', row.label) +
        number(`field-participants-categories-${i}-count`, 'Count', row.count))),
    section('agenda', 'Agenda', rows('agenda', r.agenda, 'Agenda item', 'Add agenda item', (row, i) =>
      '<div class="grid grid--times">' + line(`field-agenda-${i}-start`, 'Start', row.start, 'time') +
      line(`field-agenda-${i}-end`, 'End', row.end, 'time') + '</div>' +
      shortPara(`field-agenda-${i}-item`, 'Item', row.item) + line(`field-agenda-${i}-presenter`, 'Presenter', row.presenter))),
    section('discussion', 'Key discussion points', rows('discussion_points', r.discussion_points, 'Discussion point', 'Add discussion point',
      (row, i) => line(`field-discussion_points-${i}-heading`, 'Heading', row.heading) +
        para(`field-discussion_points-${i}-details`, 'Details', row.details))),
    section('working-groups', 'Working groups', rows('working_groups', r.working_groups, 'Working group', 'Add working group', (row, i) =>
      line(`field-working_groups-${i}-topic`, 'Topic', row.topic) +
      line(`field-working_groups-${i}-facilitator`, 'Facilitator', row.facilitator) +
      para(`field-working_groups-${i}-members`, 'Members', row.members) +
      number(`field-working_groups-${i}-member_count`, 'Number of members', row.member_count) +
      para(`field-working_groups-${i}-outcomes`, 'Outcomes', row.outcomes))),
    section('results', 'Results and impact', textItems(r.results, 'results', 'Result', 'Add result')),
    section('recommendations', 'Recommendations',
      textItems(r.recommendations, 'recommendations', 'Recommendation', 'Add recommendation')),
    section('attachments', 'Attachments', rows('attachments', r.attachments, 'Attachment', 'Add attachment', (row, i) =>
      line(`field-attachments-${i}-description`, 'Description', row.description))),
    section('closing', 'Conclusion and next steps', '<div class="stack">' +
      para('field-conclusion', 'Conclusion', r.conclusion) + para('field-next_steps', 'Next steps', r.next_steps) + '</div>'),
    section('extra', 'Additional sections', rows('extra_sections', r.extra_sections, 'Section', 'Add section', (row, i) =>
      line(`field-extra_sections-${i}-heading`, 'Heading', row.heading) +
      para(`field-extra_sections-${i}-text`, 'Text', row.text))),
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${cssHref ? `<link rel="stylesheet" href="${escapeHtml(cssHref)}">` : ''}
</head>
<body>
<header class="app-bar"><div class="app-bar__inner"><p class="app-bar__brand"><span class="app-bar__name">Taqrir</span>
<span class="app-bar__tagline">Activity reports</span></p><p class="save-status save-status--saved" role="status">Saved</p></div></header>
<main id="main" class="page">
<form class="editor" novalidate>
${form}
</form>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// In page

/**
 * In page, from the start of the document (`addInitScript`). Records in `window.__benchReady`, as
 * `performance.now()` values (milliseconds from the start of navigation):
 * - `found`: the element `#<id>` is in the document, enabled and writable;
 * - `firstFrame`: the end of the first frame after that in which it is also visible and focusable
 *   (a rAF callback followed by a MessageChannel message, which runs once that frame's style,
 *   layout and paint are done);
 * - `ready`: the same, for the first such frame once the document is also parsed (readyState is no
 *   longer "loading"). A page that Chromium happens to paint half-parsed is not ready yet: without
 *   this the plain form's figure jumps between two values from run to run.
 */
export function installReadyProbe(id) {
  if (window.__benchReady) return;
  const state = { found: null, firstFrame: null, ready: null };
  window.__benchReady = state;
  const usable = (el) => !!el && el.isConnected && !el.disabled && !el.readOnly;
  const afterThisFrame = (key) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (state[key] === null) state[key] = performance.now();
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  const frame = () => {
    const el = document.getElementById(id);
    const shown = usable(el) && (typeof el.checkVisibility !== 'function' || el.checkVisibility()) && el.tabIndex >= 0;
    if (shown && state.firstFrame === null) afterThisFrame('firstFrame');
    if (shown && document.readyState !== 'loading') {
      afterThisFrame('ready');
      return;
    }
    requestAnimationFrame(frame);
  };
  let observer = null;
  const check = () => {
    if (state.found !== null || !usable(document.getElementById(id))) return false;
    state.found = performance.now();
    if (observer) observer.disconnect();
    requestAnimationFrame(frame);
    return true;
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // In case the element comes without a mutation being observed (it never should).
  const poll = () => {
    if (!check() && state.found === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * In page: for every event of `type` ("keydown" unless told) from now on, records in
 * `window.__benchLatency` the time from the event's timestamp to the end of the next frame (rAF
 * callback, then a MessageChannel message, so after that frame's style, layout and paint).
 * Milliseconds. Calling it again clears the samples.
 */
export function installLatencyProbe(type = 'keydown') {
  window.__benchLatency = [];
  const installed = (window.__benchLatencyTypes ??= new Set());
  if (installed.has(type)) return;
  installed.add(type);
  document.addEventListener(
    type,
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__benchLatency.push(performance.now() - start);
          channel.port1.close();
        };
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/** In page: the durations (ms) of the User Timing measures called `name`, oldest first. */
export function readMeasures(name) {
  return performance.getEntriesByName(name, 'measure').map((entry) => ({ start: entry.startTime, duration: entry.duration }));
}

/** In page: writes `entries` (key → string) into localStorage, after clearing it. */
export function seedStorage(entries) {
  localStorage.clear();
  for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  return localStorage.length;
}

// ---------------------------------------------------------------------------------------------
// The phone profile (issue 18): a new user on a cheap phone over a slow mobile network.

/** CPU 4× slower, 1.6 Mbit/s down (750 kbit/s up), 150 ms round trip, files gzipped at level 6. */
export const PHONE = { cpuThrottle: 4, downloadKbit: 1600, uploadKbit: 750, latencyMs: 150, gzipLevel: 6 };

/** Its budgets: times in ms, the first load in KB of 1024 bytes as sent (gzip level 6). */
export const PHONE_BUDGETS = { firstVisitMs: 2500, firstPaintMs: 600, nextVisitVsPlain: 1.2, firstLoadGzipKB: 360 };

/**
 * The files a visit fetched before `readyAt` (ms from navigation start): the page itself and every
 * resource requested before then, each path counted once, with the bytes sent (`encodedBodySize`:
 * compressed as the host sent it) and their size unpacked. `entries` are navigation and resource
 * timing entries as `readLoadEntries` returns them. Returns { gzip, raw, files } sorted by size.
 */
export function filesBeforeReady(entries, readyAt) {
  const seen = new Map();
  for (const entry of entries) {
    if (!(entry.startTime <= readyAt)) continue;
    const path = new URL(entry.name).pathname;
    if (!seen.has(path)) seen.set(path, { path, gzip: entry.encodedBodySize, raw: entry.decodedBodySize });
  }
  const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  return {
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    files,
  };
}

/**
 * The phone profile's budget checks from its medians: { firstVisit, firstPaint, nextVisit } each
 * { app, plain } in ms, and `firstLoadGzip` in bytes. A figure that is missing is "not measured".
 */
export function phoneChecks({ firstVisit, firstPaint, nextVisit, firstLoadGzip }, budgets = PHONE_BUDGETS) {
  const check = (name, value, limit, budget) => ({
    name, value, limit, budget,
    status: value === null || value === undefined || limit === null ? 'not measured' : value <= limit ? 'pass' : 'FAIL',
  });
  return [
    check('phone: first visit', firstVisit.app, budgets.firstVisitMs, `≤ ${budgets.firstVisitMs} ms`),
    check('phone: first contentful paint', firstPaint.app, budgets.firstPaintMs, `≤ ${budgets.firstPaintMs} ms`),
    check('phone: next visit', nextVisit.app, nextVisit.plain ? nextVisit.plain * budgets.nextVisitVsPlain : null,
      `≤ ${budgets.nextVisitVsPlain}× plain`),
    check('phone: first load (as sent)', firstLoadGzip, budgets.firstLoadGzipKB * 1024, `≤ ${budgets.firstLoadGzipKB} KB`),
  ];
}

/**
 * In page: the navigation and resource timing entries (name, startTime, encodedBodySize,
 * decodedBodySize) and the first contentful paint (ms from navigation start, or null).
 */
export function readLoadEntries() {
  const pick = (entry) => ({
    name: entry.name, startTime: entry.startTime, encodedBodySize: entry.encodedBodySize, decodedBodySize: entry.decodedBodySize,
  });
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    entries: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(pick),
    firstContentfulPaint: paint ? paint.startTime : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The Summary (issue 14): an M&E officer's received reports.

const RECEIVED_TYPES = ['dialogue_session', 'workshop', 'training', 'closing_session', 'meeting'];
const RECEIVED_GOVERNORATES = ['Nineveh', 'Erbil', 'Basra', 'Duhok', 'Anbar', 'Baghdad'];

/**
 * `count` received reports as report files (schema 2, each with its own report id), about the
 * size of the sample report (a few hundred words), spread over a year, five activity types and six
 * governorates, with counts that add up. Report `i` (from 0) has `7 + (i % 30)` participants.
 */
export function makeReceivedDocuments(count, seed = 14) {
  return Array.from({ length: count }, (_, i) => {
    const report = makeLargeReport({
      agenda: 6, discussionPoints: 4, recommendations: 3, narrativeWords: 400, seed: seed * 100_000 + i,
      title: `Received report ${i + 1}`,
    });
    const total = 7 + (i % 30);
    const female = Math.floor(total / 2);
    const governorate = RECEIVED_GOVERNORATES[i % RECEIVED_GOVERNORATES.length];
    Object.assign(report, {
      activity_type: RECEIVED_TYPES[i % RECEIVED_TYPES.length],
      governorate,
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
    report.participants = {
      ...report.participants,
      total, male: total - female, female, sex_not_recorded: null,
      under_18: 0, age_18_to_24: total - female, age_25_to_59: female, age_60_and_over: 0,
      with_disabilities: i % 3, guests: i % 2, governorates: [{ name: governorate, count: total }],
    };
    return {
      format: 'taqrir-report', schema_version: 2, report_id: `bench-received-${i + 1}`,
      edited_ms: 1_764_000_000_000 + i * 60_000, report,
    };
  });
}

/**
 * In page: from now on, records in `window.__benchResponsive` how well the page answers — the
 * longest gap between the ticks of a `interval` ms timer (what a click waits at worst) and the
 * longest task the browser reports (Long Tasks API, tasks over 50 ms). Milliseconds.
 */
export function installResponsivenessProbe(interval = 20) {
  const state = { longestGap: 0, longestTask: 0, ticks: 0 };
  window.__benchResponsive = state;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    state.longestGap = Math.max(state.longestGap, now - last);
    state.ticks += 1;
    last = now;
  }, interval);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longestTask = Math.max(state.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  } catch {
    state.longestTask = null; // no Long Tasks API
  }
}

/**
 * In page: records in `window.__benchEventAt[type]` the time stamp of the next event of `type`
 * (captured before the page's own listeners), so that a measure can start when the person acts
 * rather than when the test driver began to act (which, on a busy machine, is much earlier).
 */
export function installEventTimeProbe(type) {
  const at = (window.__benchEventAt ??= {});
  at[type] = null;
  document.addEventListener(type, (event) => { at[type] ??= event.timeStamp; }, { capture: true, once: true });
}
