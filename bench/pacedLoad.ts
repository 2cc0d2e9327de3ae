import fs from 'node:fs';
import http from 'node:http';

// A steady stream of submissions, evenly spaced, until SIGTERM; prints what was acknowledged. autocannon's
// rate limit sends each second's quota in a burst and then waits, which leaves quiet gaps a backup slips
// through; an operator's service sees writes spread over the second.
// argv: <url base> <path template with {token}> <body json file> <tokens file> <requests/s>
const [base, pathTemplate, bodyFile, tokensFile, rate] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const tokens = fs.readFileSync(tokensFile, 'utf8').trim().split('\n');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const latencies: number[] = [];
let sent = 0;
let acknowledged = 0;
let failed = 0;

function submit(token: string) {
  const t0 = performance.now();
  const req = http.request(`${base}${pathTemplate.replace('{token}', token)}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
    res.resume();
    res.on('end', () => {
      latencies.push(performance.now() - t0);
      if (res.statusCode === 200) acknowledged++;
      else failed++;
    });
  });
  req.on('error', () => failed++);
  req.end(body);
}

const start = performance.now();
const tick = setInterval(() => {
  const due = Math.min(tokens.length, Math.floor(((performance.now() - start) * Number(rate)) / 1000));
  while (sent < due) submit(tokens[sent++]);
}, 2);

process.on('SIGTERM', () => {
  clearInterval(tick);
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ sent, acknowledged, failed, perSecond: acknowledged / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 }));
  process.exit(0);
});
