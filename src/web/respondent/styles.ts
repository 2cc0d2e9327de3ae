/** /assets/respond.css: mobile first (readable at 360 px), large tap targets, visible keyboard focus. */
export const RESPOND_CSS = String.raw`@font-face {
  font-family: Vazirmatn;
  src: url(/assets/fonts/Vazirmatn-Regular.woff2) format('woff2');
  font-weight: 400;
  font-display: swap;
}
@font-face {
  font-family: Vazirmatn;
  src: url(/assets/fonts/Vazirmatn-Bold.woff2) format('woff2');
  font-weight: 700;
  font-display: swap;
}
:root {
  --ink: #1b1f24; --muted: #57606a; --line: #c9d1d9; --bg: #f3f5f7; --card: #fff;
  --brand: #0b6e4f; --brand-soft: #e3f3ec; --focus: #1a56db; --danger: #b42318; --danger-soft: #fef3f2;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 400 1rem/1.75 Vazirmatn, system-ui, sans-serif;
}
h1 { font-size: 1.375rem; line-height: 1.5; margin: 0 0 .5rem; }
h2 { font-size: 1.125rem; line-height: 1.5; margin: 1.25rem 0 .25rem; }
p { margin: 0 0 .75rem; }
a { color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.top {
  display: flex; align-items: center; justify-content: space-between; gap: .75rem;
  padding: .5rem 1rem; background: var(--card); border-bottom: 1px solid var(--line);
}
.context { margin: 0; display: flex; flex-direction: column; align-items: flex-start; line-height: 1.5; min-width: 0; }
.context .org { font-weight: 700; }
.context .assessment { color: var(--muted); font-size: .875rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button.link { background: none; border: 0; padding: 0; min-height: 0; color: var(--focus); text-decoration: underline; font: inherit; cursor: pointer; }
.nav .button.primary { margin-top: 0; width: auto; }
button.lang-switch { background: none; color: inherit; font: inherit; font-weight: 700; cursor: pointer; }
.lang-switch {
  flex: none; display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 .875rem;
  border: 1px solid var(--line); border-radius: .5rem; text-decoration: none; font-weight: 700;
}
.page { max-width: 44rem; margin: 0 auto; padding: 1rem .75rem 3rem; }
.lead { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; margin: 0 0 1rem; }
.card > h2:first-child { margin-top: 0; }
.facts { list-style: none; padding: 0; margin: 1rem 0; }
.facts li { padding: .5rem 0; border-top: 1px solid var(--line); }
.progress { margin: 0 0 1rem; }
.progress-text { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; margin: 0 0 .25rem; font-size: .9375rem; }
.progress-text .pct { color: var(--muted); }
progress {
  -webkit-appearance: none; appearance: none; display: block; width: 100%; height: .625rem;
  border: 0; border-radius: 999px; background: #dde3ea; overflow: hidden;
}
progress::-webkit-progress-bar { background: #dde3ea; border-radius: 999px; }
progress::-webkit-progress-value { background: var(--brand); border-radius: 999px; }
progress::-moz-progress-bar { background: var(--brand); }
.item { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: .75rem; margin: 0 0 1rem; min-width: 0; }
.item legend { float: left; width: 100%; padding: 0; margin: 0 0 .75rem; font-weight: 700; line-height: 1.7; }
.item legend .num { color: var(--muted); font-weight: 400; margin-inline-end: .375rem; }
.item.has-error { border: 2px solid var(--danger); }
.scale { clear: both; display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .3125rem; }
.opt {
  display: flex; flex-direction: column; align-items: center; justify-content: flex-start; gap: .25rem;
  min-height: 3.75rem; padding: .5rem .125rem; border: 1px solid var(--line); border-radius: .5rem;
  text-align: center; font-size: .8125rem; line-height: 1.35; cursor: pointer; overflow-wrap: break-word; hyphens: auto;
}
.opt input { width: 1.375rem; height: 1.375rem; margin: 0; accent-color: var(--brand); flex: none; }
.opt:has(input:checked) { background: var(--brand-soft); border-color: var(--brand); font-weight: 700; }
.opt:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.opt input:focus-visible { outline: none; }
.extra { clear: both; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .3125rem; margin-top: .375rem; }
.extra > :only-child { grid-column: 1 / -1; }
.opt.dk, .opt.na { flex-direction: row; justify-content: flex-start; gap: .5rem; min-height: 2.75rem; padding: .25rem .625rem; color: var(--muted); text-align: start; }
.field-error { clear: both; color: var(--danger); font-weight: 700; margin: 0 0 .5rem; }
.errors { border: 2px solid var(--danger); background: var(--danger-soft); border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.errors h2 { margin-top: 0; color: var(--danger); }
.errors ul { margin: 0; padding-inline-start: 1.25rem; }
.comment label { display: block; font-weight: 700; }
.hint { color: var(--muted); font-size: .875rem; margin: 0 0 .375rem; }
textarea {
  display: block; width: 100%; min-height: 6rem; padding: .5rem .75rem; font: inherit;
  border: 1px solid #8c959f; border-radius: .5rem; background: var(--card); color: var(--ink);
}
.review { background: #fff8e6; border-color: #e3b341; }
.review ul { margin: .25rem 0 0; padding-inline-start: 1.25rem; }
.save-status { min-height: 1.75rem; margin: .5rem 0; font-size: .875rem; color: var(--muted); }
.save-status[data-state=saved] { color: var(--brand); }
.save-status[data-state=error] { color: var(--danger); }
.nav { display: flex; flex-direction: row-reverse; justify-content: space-between; gap: .75rem; margin-top: .5rem; }
button, .button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 3rem; min-width: 7rem;
  padding: 0 1.25rem; border-radius: .5rem; font: inherit; font-weight: 700; cursor: pointer; text-decoration: none;
  border: 1px solid var(--line); background: var(--card); color: var(--ink);
}
.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
.button.primary { width: 100%; margin-top: .5rem; }
.notice { text-align: center; padding: 2rem 1rem; }
.notice .mark { font-size: 2.5rem; line-height: 1; margin: 0 0 .75rem; color: var(--brand); }
.notice.bad .mark { color: var(--danger); }
/* English scale labels ("Completely") do not fit five across a phone: one choice per row there. */
@media (max-width: 29.99rem) {
  .scale:lang(en) { grid-template-columns: 1fr; gap: .375rem; }
  .opt:lang(en) { flex-direction: row; gap: .625rem; min-height: 2.75rem; padding: .25rem .625rem; font-size: .9375rem; text-align: start; }
}
@media (min-width: 40rem) {
  .page { padding: 2rem 1rem 4rem; }
  h1 { font-size: 1.75rem; }
  .item { padding: 1rem 1.25rem 1.25rem; }
  .opt { font-size: .9375rem; }
  .button.primary { width: auto; }
  .context { flex-direction: row; gap: .75rem; align-items: baseline; }
}
`;
