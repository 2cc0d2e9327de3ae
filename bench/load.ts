import fs from 'node:fs';
import autocannon from 'autocannon';

// Runs in its own process so the load generator does not share the server's event loop.
// argv: <url base> <path template with {token} or a fixed path> <body json file> <tokens file or -> <seconds> <connections>
const [base, pathTemplate, bodyFile, tokensFile, seconds, connections] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile, 'utf8');
const tokens = tokensFile === '-' ? [] : fs.readFileSync(tokensFile, 'utf8').trim().split('\n');
let next = 0;

const result = await autocannon({
  url: base,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // A fresh invitation per request: each one is a real first submission, never an idempotent replay.
      setupRequest: (req) => ({ ...req, path: tokens.length ? pathTemplate.replace('{token}', tokens[next++ % tokens.length]) : pathTemplate }),
    },
  ],
});
const non2xx = result.non2xx;
process.stdout.write(
  JSON.stringify({ requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx, errors: result.errors, used: next }),
);
