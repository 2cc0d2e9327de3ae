import fs from 'node:fs';
import os from 'node:os';
import { benchResults } from './resultsBench.js';

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

fs.mkdirSync('bench', { recursive: true });
fs.writeFileSync('bench/results.json', JSON.stringify(report, null, 2));
console.log('\nwritten: bench/results.json');
