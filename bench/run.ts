import fs from 'node:fs';
import os from 'node:os';
import { benchBackup } from './backupBench.js';
import { benchOverload } from './overloadBench.js';
import { benchReports } from './reportsBench.js';
import { benchReportsHttp } from './reportsHttpBench.js';
import { benchPeers } from './peersBench.js';
import { benchResults } from './resultsBench.js';
import { benchStartup } from './startupBench.js';
import { benchSubmit } from './submitBench.js';

// `npm run bench`: measures what users feel. Not part of the test suite; figures vary with the machine,
// so compare ratios taken within one run.
const only = process.argv[2];
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, memGiB: Math.round(os.totalmem() / 2 ** 30) },
};

if (!only || only === 'results') {
  const rows = await benchResults([1_000, 10_000, 100_000]);
  console.log('\nResults: one GET /results computation (read + score), median of 5');
  console.log('respondents  items   median ms   growth per 10×');
  rows.forEach((r, i) =>
    console.log(`${String(r.respondents).padStart(11)}  ${String(r.items).padStart(5)}  ${r.medianMs.toFixed(1).padStart(10)}   ${i ? (r.medianMs / rows[i - 1].medianMs).toFixed(1) + '×' : ''}`),
  );
  report.results = rows;
}

if (!only || only === 'submit' || only === 'submit-only') {
  const s = await benchSubmit({ seconds: 10, connections: 50, tokens: 150_000, reportsDuringLoad: only === 'submit-only' ? 0 : 8 });
  console.log('\nSubmit: autocannon from a separate process, 50 connections, 10 s, 45 answers per submission');
  console.log('route                      req/s     p50 ms  p99 ms  non-2xx');
  for (const [name, r] of [['echo (ceiling)', s.echo], ['submit', s.submit]] as const)
    console.log(`${name.padEnd(22)} ${r.rps.toFixed(0).padStart(9)}  ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)}  ${String(r.non2xx).padStart(7)}`);
  console.log(`submit / ceiling: ${s.ratio.toFixed(2)}×   (goal ≥ 0.3×, p99 ≤ 25 ms)`);
  if (s.duringReports)
    console.log(`while ${s.duringReports.reports} reports (1,000 respondents each) were built in ${s.duringReports.allReportsMs.toFixed(0)} ms (${s.duringReports.refusedAndRetried} refusals with 503 + Retry-After, asked again): submit ${s.duringReports.submit.rps.toFixed(0)} req/s, p99 ${s.duringReports.submit.p99} ms (goal ≤ 50 ms)`);
  report.submit = s;
}

if (!only || only === 'reports') {
  const rows = await benchReports([10, 100, 1_000, 10_000], ['fa', 'en']);
  console.log('\nReports: model + PDF in one thread, median of 5 after a warm-up, each size in its own process');
  console.log('respondents  lang  median ms  peak RSS MB  file KB   (goal at 1,000: ≤ 500 ms, ≤ 300 MB, ≤ 1,536 KB)');
  for (const r of rows)
    console.log(`${String(r.respondents).padStart(11)}  ${r.lang.padEnd(4)}  ${r.medianMs.toFixed(0).padStart(9)}  ${r.peakRssMB.toFixed(0).padStart(11)}  ${(r.bytes / 1024).toFixed(0).padStart(7)}`);
  report.reports = rows;
}

if (!only || only === 'reports-http') {
  const r = await benchReportsHttp();
  console.log(`\nReports over HTTP on the running service (${r.respondents} respondents, fa, each report of another assessment)`);
  console.log(`first report asked for the moment /healthz answers: ${r.coldAtStartMs.toFixed(0)} ms (waits behind the warm-up)`);
  console.log(`/readyz answered ${r.readyAfterMs.toFixed(0)} ms after start; first report after it ${r.coldMs.toFixed(0)} ms (goal ≤ 800)`);
  console.log(`warm median ${r.warmMs.toFixed(0)} ms (goal ≤ 300; runs ${r.warmRuns.map((x) => x.toFixed(0)).join(', ')}), cached ${r.cachedMs.toFixed(1)} ms`);
  console.log('page                                   plain KB  compressed KB');
  for (const p of r.pages) console.log(`${p.url.padEnd(38)} ${p.plainKB.toFixed(1).padStart(9)}  ${p.compressedKB.toFixed(1).padStart(13)} (${p.encoding ?? 'none'})`);
  report.reportsHttp = r;
}

if (!only || only === 'peers') {
  const rows = await benchPeers();
  console.log('\nPeers: a consultant\'s repeated downloads as other organizations accumulate (in-process, 200 own respondents), median of 20');
  console.log('peer orgs  GET /benchmark ms  cached report.pdf ms  first report.pdf ms   (goal: flat)');
  for (const r of rows)
    console.log(`${String(r.peers).padStart(9)}  ${r.benchmarkMs.toFixed(1).padStart(17)}  ${r.cachedReportMs.toFixed(1).padStart(20)}  ${r.firstReportMs.toFixed(0).padStart(19)}`);
  report.peers = rows;
}

if (!only || only === 'startup') {
  const s = await benchStartup(10_000);
  console.log(`\nStart-up: process start → /healthz answering, existing database with ${s.responses} responses: median ${s.medianMs.toFixed(0)} ms (runs: ${s.runs.map((x) => x.toFixed(0)).join(', ')})`);
  report.startup = s;
}

// BENCH_BACKUP_RESPONSES and BENCH_BACKUP_RATES (e.g. 100,300) change the database size and the write rates.
if (!only || only === 'backup') {
  const seedResponses = Number(process.env.BENCH_BACKUP_RESPONSES ?? 500_000);
  const rows = await benchBackup({ seedResponses, rates: (process.env.BENCH_BACKUP_RATES ?? '100,300').split(',').map(Number), capMs: 60_000 });
  console.log(`\nBackup: \`npm run backup\` while the service takes submissions at a steady rate (evenly spaced), database seeded with ${seedResponses} responses`);
  console.log('target/s  committed/s during backup  finished  backup ms  database MB  responses in backup  submit p99 ms  failed');
  for (const r of rows)
    console.log(
      `${String(r.targetPerSecond).padStart(8)}  ${r.achievedPerSecond.toFixed(0).padStart(25)}  ${String(r.finished).padStart(8)}  ${r.backupMs.toFixed(0).padStart(9)}  ${r.databaseMB.toFixed(1).padStart(11)}  ${String(r.responsesInBackup).padStart(19)}  ${String(r.submitP99Ms).padStart(13)}  ${String(r.failed).padStart(6)}`,
    );
  report.backup = rows;
}

if (!only || only === 'overload') {
  const o = await benchOverload({ burst: 38, abandoned: 30, respondents: 200 });
  console.log(`\nOverload: ${o.burst} different reports (200 respondents each) requested at once on the real service, then ${o.abandoned} abandoned after 200 ms, then one more 100 ms later`);
  console.log(`burst: ${o.ok} × 200 (last after ${o.lastOkMs?.toFixed(0)} ms), ${o.refused} × 503 (all within ${o.refusedWithinMs?.toFixed(0) ?? '-'} ms, Retry-After ${o.retryAfterSeconds?.join('-') ?? '-'} s), ${o.other} other`);
  console.log(`/healthz every 50 ms during the burst: ${o.healthDuringBurst.probes} answers, p50 ${o.healthDuringBurst.p50Ms.toFixed(1)} ms, max ${o.healthDuringBurst.maxMs.toFixed(1)} ms`);
  console.log(`the report after ${o.abandoned} abandoned requests: ${o.nextReport.status} in ${o.nextReport.ms.toFixed(0)} ms; /healthz max ${o.healthAfter.maxMs.toFixed(1)} ms meanwhile`);
  report.overload = o;
}

fs.mkdirSync('bench', { recursive: true });
fs.writeFileSync('bench/results.json', JSON.stringify(report, null, 2));
console.log('\nwritten: bench/results.json');
