import { palette } from '../../reports/pdf/palette.js';

const p = palette;

/**
 * /app/assets/app.css: mobile first (360 px), logical properties so one sheet serves rtl and ltr, the report's
 * palette so the page and the PDF look alike. No inline styles anywhere (the CSP forbids them): colours of
 * legends and bars come from classes here or from SVG attributes.
 */
export const APP_CSS = String.raw`@font-face {
  font-family: Vazirmatn;
  src: url(/app/assets/fonts/Vazirmatn-Regular.woff2) format('woff2');
  font-weight: 400;
  font-display: swap;
}
@font-face {
  font-family: Vazirmatn;
  src: url(/app/assets/fonts/Vazirmatn-Bold.woff2) format('woff2');
  font-weight: 700;
  font-display: swap;
}
:root {
  --ink: ${p.ink}; --muted: ${p.muted}; --line: ${p.rule}; --bg: ${p.wash}; --card: ${p.white};
  --brand: ${p.primary}; --brand-dark: ${p.primaryDark}; --brand-soft: ${p.primaryWash};
  --accent: ${p.accent}; --accent-soft: ${p.accentWash};
  --focus: #1a56db; --danger: #b42318; --danger-soft: #fef3f2; --ok: #2e6b3a; --ok-soft: #e8f3ea;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 400 1rem/1.75 Vazirmatn, system-ui, sans-serif; }
h1 { font-size: 1.375rem; line-height: 1.5; margin: 0 0 .5rem; }
h2 { font-size: 1.1875rem; line-height: 1.5; margin: 0 0 .5rem; }
h3 { font-size: 1rem; line-height: 1.5; margin: 0 0 .375rem; }
p { margin: 0 0 .75rem; }
a { color: var(--brand); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, .ltr { direction: ltr; unicode-bidi: isolate; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.top { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; padding: .5rem .75rem; background: var(--brand-dark); color: #fff; }
.top a, .top button { color: #fff; }
.brand { font-weight: 700; font-size: 1.125rem; text-decoration: none; margin-inline-end: auto; }
.brand small { font-weight: 400; font-size: .8125rem; opacity: .85; margin-inline-start: .5rem; }
.who { font-size: .8125rem; opacity: .9; }
.top .tool { display: inline-flex; align-items: center; min-height: 2.5rem; padding: 0 .75rem; border: 1px solid rgba(255,255,255,.5); border-radius: .5rem; background: transparent; font: inherit; font-size: .875rem; font-weight: 700; text-decoration: none; cursor: pointer; }
.top form { margin: 0; }
.page { max-width: 72rem; margin: 0 auto; padding: 1rem .75rem 3rem; }
.crumbs { font-size: .875rem; margin: 0 0 .5rem; color: var(--muted); }
.crumbs a { color: var(--muted); }
.crumbs > * + *::before { content: '/'; display: inline-block; margin: 0 .375rem; color: var(--muted); text-decoration: none; }
.lead { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: .875rem .75rem; margin: 0 0 1rem; min-width: 0; }
.card > h2:first-child, .card > h3:first-child { margin-top: 0; }
section { margin: 0 0 1.5rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
.grid.align-start { align-items: start; }
.facts { display: grid; grid-template-columns: minmax(0, 1fr); gap: .25rem 1.5rem; margin: 0 0 1rem; }
.facts div { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ':'; }
.facts dd { margin: 0; font-weight: 700; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8125rem; font-weight: 700; background: var(--bg); border: 1px solid var(--line); white-space: nowrap; }
.badge.open { background: var(--ok-soft); border-color: var(--ok); color: var(--ok); }
.badge.closed { background: var(--bg); color: var(--muted); }
.badge.high { background: #f9e6e1; border-color: ${p.priority.high}; color: #8a3320; }
.badge.medium { background: #f8efdc; border-color: ${p.priority.medium}; color: #7a5410; }
.badge.low { background: #e9f1e7; border-color: ${p.priority.low}; color: #3c5d38; }
.themes { list-style: none; padding: 0; margin: 0 0 .75rem; display: flex; flex-wrap: wrap; gap: .375rem; }
.comments { list-style: none; padding: 0; margin: 0; }
.comments li { border-top: 1px solid var(--line); padding: .5rem 0; }
.comments li p { margin: 0 0 .25rem; white-space: pre-line; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }

/* Lists of organizations and assessments. */
.list { list-style: none; padding: 0; margin: 0; }
.list > li { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 .75rem; }
.list h3 { margin: 0 0 .25rem; font-size: 1.0625rem; }
.list h3 a { text-decoration: none; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem .75rem; font-size: .875rem; color: var(--muted); margin: 0 0 .5rem; align-items: center; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 0; padding: 0; list-style: none; }
/* A report link being prepared (app.js): dimmed while it works, its status beside it. */
.button[aria-disabled=true] { opacity: .6; cursor: progress; }
.download-status { font-size: .875rem; color: var(--muted); margin-inline-start: .5rem; }
/* Where :has is known, a link with something to say takes a row of its own rather than wrapping its words. */
.actions > li:has(> .download-status[data-state]:not([data-state=""])) { flex-basis: 100%; }
.download-status .detail:not(:empty) { margin-inline-start: .375rem; }
.download-status[data-state=ready] { color: var(--ok); }
.download-status[data-state=failed] { color: var(--danger); font-weight: 700; }
.rate { margin: .25rem 0 .5rem; }
.rate p { margin: 0 0 .25rem; font-size: .9375rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; }
progress { -webkit-appearance: none; appearance: none; display: block; width: 100%; height: .75rem; border: 0; border-radius: 999px; background: #dde3ea; overflow: hidden; }
progress::-webkit-progress-bar { background: #dde3ea; border-radius: 999px; }
progress::-webkit-progress-value { background: var(--brand); border-radius: 999px; }
progress::-moz-progress-bar { background: var(--brand); }

/* Forms. */
form.stack { display: grid; gap: .875rem; max-width: 40rem; }
.field { display: grid; gap: .25rem; min-width: 0; }
.field label, .field legend { font-weight: 700; }
fieldset.field { border: 0; padding: 0; margin: 0; }
.hint { color: var(--muted); font-size: .8125rem; margin: 0; }
input[type=text], input[type=number], input[type=date], input[type=password], select, textarea {
  width: 100%; min-height: 2.75rem; padding: .375rem .625rem; font: inherit; color: var(--ink);
  background: var(--card); border: 1px solid #8c959f; border-radius: .5rem;
}
input[aria-invalid=true], select[aria-invalid=true] { border: 2px solid var(--danger); }
.triple { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .5rem; }
.triple label { font-weight: 400; font-size: .875rem; }
.field-error { color: var(--danger); font-weight: 700; font-size: .875rem; margin: 0; }
.errors { border: 2px solid var(--danger); background: var(--danger-soft); border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.errors h2 { font-size: 1rem; color: var(--danger); margin: 0 0 .25rem; }
.errors ul { margin: 0; padding-inline-start: 1.25rem; }
.flash { border: 1px solid var(--ok); background: var(--ok-soft); border-radius: .75rem; padding: .5rem 1rem; margin: 0 0 1rem; }
button, .button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: .25rem 1rem;
  border-radius: .5rem; font: inherit; font-weight: 700; cursor: pointer; text-decoration: none; text-align: center;
  border: 1px solid var(--line); background: var(--card); color: var(--brand);
}
.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
.danger { background: var(--card); border-color: var(--danger); color: var(--danger); }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; }

/* Tables: scroll sideways inside their card on a phone rather than widen the page. */
.table-wrap { overflow-x: auto; margin: 0 0 .75rem; }
table { border-collapse: collapse; width: 100%; font-size: .9375rem; }
caption { text-align: start; font-weight: 700; padding: 0 0 .25rem; }
th, td { padding: .375rem .3125rem; border-bottom: 1px solid var(--line); text-align: start; vertical-align: top; }
th { color: var(--muted); font-weight: 700; font-size: .8125rem; }
tbody th { color: var(--ink); font-weight: 400; font-size: inherit; min-width: 6rem; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.num.wrap { white-space: normal; min-width: 4.5rem; }
td.suppressed { color: var(--muted); font-style: italic; }
tr.sig > * { background: #fbf7ee; }

/* Results. */
.overall { display: grid; gap: .5rem 1.5rem; align-items: center; grid-template-columns: minmax(0, 1fr); }
.big { font-size: 2.75rem; font-weight: 700; line-height: 1.2; color: var(--brand-dark); margin: 0; }
.big small { font-size: 1rem; font-weight: 400; color: var(--muted); margin-inline-start: .375rem; }
.level-name { font-size: 1.125rem; font-weight: 700; margin: 0 0 .25rem; }
.ladder { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 2px; margin: .5rem 0 0; padding: 0; list-style: none; font-size: .75rem; text-align: center; }
.ladder li { padding: .25rem .125rem; background: ${p.ladder[0]}; color: var(--muted); line-height: 1.4; }
.ladder li:nth-child(2) { background: ${p.ladder[1]}; }
.ladder li:nth-child(3) { background: ${p.ladder[2]}; }
.ladder li:nth-child(4) { background: ${p.ladder[3]}; }
.ladder li:nth-child(5) { background: ${p.ladder[4]}; }
.ladder li.here { background: var(--brand); color: #fff; font-weight: 700; }
.dim { border-top: 6px solid var(--brand); }
.dim.culture { border-top-color: ${p.dimensions.culture}; }
.dim.process { border-top-color: ${p.dimensions.process}; }
.dim.interaction { border-top-color: ${p.dimensions.interaction}; }
.dim .score { font-size: 2rem; font-weight: 700; line-height: 1.3; margin: 0; }
.dim dl { margin: .5rem 0 0; }
.dim dt { font-size: .8125rem; color: var(--muted); margin-top: .5rem; }
.dim dd { margin: 0; }
.dim dd small { display: block; color: var(--muted); font-size: .8125rem; line-height: 1.5; }
.chart { position: relative; height: 20rem; min-width: 0; }
.chart canvas { display: block; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem .875rem; list-style: none; padding: 0; margin: 0 0 .75rem; font-size: .8125rem; }
.legend li { display: inline-flex; align-items: center; gap: .375rem; }
.sw { display: inline-block; width: .875rem; height: .875rem; border-radius: 2px; border: 1px solid rgba(0,0,0,.15); }
.sw-1 { background: ${p.likert[0]}; } .sw-2 { background: ${p.likert[1]}; } .sw-3 { background: ${p.likert[2]}; }
.sw-4 { background: ${p.likert[3]}; } .sw-5 { background: ${p.likert[4]}; } .sw-dk { background: ${p.dontKnow}; }
details { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; margin: 0 0 .5rem; }
summary { cursor: pointer; padding: .5rem 1rem; font-weight: 700; }
details > .items { list-style: none; margin: 0; padding: 0 1rem .5rem; }
.items li { padding: .5rem 0; border-top: 1px solid var(--line); }
.items .text { margin: 0 0 .25rem; }
.items .num { color: var(--muted); margin-inline-end: .25rem; }
svg.dist { display: block; width: 100%; height: .875rem; border-radius: 3px; background: #eef1f4; }
.figures { font-size: .8125rem; color: var(--muted); margin: .125rem 0 0; }
.recs { list-style: none; padding: 0; margin: 0; counter-reset: rec; }
.recs > li { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 .75rem; }
.recs .head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; margin: 0 0 .25rem; }
blockquote { margin: .5rem 0 0; padding: .25rem .75rem; border-inline-start: 3px solid var(--line); color: var(--muted); font-size: .875rem; }
blockquote footer { font-size: .75rem; }
/* Persian list numbers; :where() keeps it weaker than a list's own class (.ladder, .recs). */
:where(ol:lang(fa)) { list-style-type: persian; }
span.figures { display: block; font-size: .8125rem; color: var(--muted); }
.compared { margin: 0 0 .75rem; padding-inline-start: 1.5rem; }
.sentences { margin: 0; padding-inline-start: 1.25rem; }
.sentences li { margin: 0 0 .375rem; }

/* Running an engagement: the Jalali date picker, the department list, batches of links. */
.date-parts { display: grid; grid-template-columns: minmax(0, 4.5rem) minmax(0, 1fr) minmax(0, 5.5rem); gap: .5rem; max-width: 24rem; }
.date-parts select { width: 100%; }
form.inline { display: inline; margin: 0; }
button.small { padding: .125rem .625rem; font-size: .8125rem; min-height: 0; }
.list.departments > li { display: flex; justify-content: space-between; align-items: center; gap: .5rem; padding: .5rem .75rem; }
.batches .buttons form { display: flex; flex-wrap: wrap; gap: .375rem; margin: 0; }
#created-user input { font-family: ui-monospace, monospace; font-size: .8125rem; }

/* Links just created. */
.links td.url { overflow-wrap: anywhere; word-break: break-all; font-size: .8125rem; }
textarea.all-links { min-height: 8rem; font-size: .75rem; line-height: 1.5; direction: ltr; }

@media (max-width: 39.99rem) {
  table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stacked tr { display: block; padding: .375rem 0; border-bottom: 1px solid var(--line); }
  table.stacked th, table.stacked td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .125rem .25rem; text-align: start; white-space: normal; }
  table.stacked td::before { content: attr(data-label); color: var(--muted); font-size: .8125rem; }
  table.stacked tbody th { display: block; min-width: 0; font-weight: 700; }
}
.notice { text-align: center; padding: 2rem 1rem; }
.notice .mark { font-size: 2.5rem; line-height: 1; margin: 0 0 .75rem; color: var(--danger); }
.login { max-width: 28rem; margin: 2rem auto; }

@media (min-width: 40rem) {
  .page { padding: 1.5rem 1.25rem 4rem; }
  .card { padding: 1rem; }
  th, td { padding: .375rem .5rem; }
  h1 { font-size: 1.75rem; }
  .top { padding: .5rem 1.25rem; }
  .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .grid.two { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .grid.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .overall { grid-template-columns: auto minmax(0, 1fr); }
}
@media print {
  .top, .actions, form { display: none; }
}
`;
