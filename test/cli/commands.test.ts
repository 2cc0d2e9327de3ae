import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, it } from 'vitest';

// Every command as `npm run <script>` runs it: the built file named in package.json, in its own process.
const ROOT = path.join(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

const COMMANDS = [
  { script: 'demo', options: [] },
  { script: 'report', options: ['--assessment', '--organization', '--lang', '--out', '--out-dir'] },
  { script: 'report:trend', options: ['--organization', '--assessments', '--lang', '--out'] },
  { script: 'db:copy', options: ['--from', '--to', '--force'] },
  { script: 'backup', options: ['--out'] },
  { script: 'restore', options: ['--from', '--force'] },
];

/** `node dist/src/cli/x.js [fixed args]` from the script's command line. */
function entry(script: string): { file: string; fixed: string[] } {
  const [node, file, ...fixed] = pkg.scripts[script].split(' ');
  if (node !== 'node') throw new Error(`npm run ${script} is not "node <file>"`);
  return { file: path.join(ROOT, file), fixed };
}

const exec = promisify(execFile);

/**
 * Runs the command with DATABASE_URL in a fresh directory; resolves with its exit code, output and
 * whatever it left in that directory.
 */
async function run(script: string, ...args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-cli-'));
  const { file, fixed } = entry(script);
  const env = { ...process.env, DATABASE_URL: path.join(dir, 'mehvar.sqlite'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  // Ends a demo that started serving instead of answering, well before the test's own timeout.
  const options = { cwd: ROOT, env, timeout: 8_000, killSignal: 'SIGKILL' as const };
  try {
    const { stdout, stderr } = await exec(process.execPath, [file, ...fixed, ...args], options);
    return { code: 0, stdout, stderr, files: fs.readdirSync(dir) };
  } catch (err) {
    const e = err as { code: number | string; signal?: string; stdout: string; stderr: string };
    return { code: e.signal ?? e.code, stdout: e.stdout, stderr: e.stderr, files: fs.readdirSync(dir) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  // Built files older than their sources would test yesterday's commands.
  const sources = [path.join(ROOT, 'src/cli/args.ts')];
  for (const { script } of COMMANDS) {
    const { file } = entry(script);
    const source = path.join(ROOT, path.relative(path.join(ROOT, 'dist'), file).replace(/\.js$/, '.ts'));
    const built = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    for (const s of [...sources, source])
      if (built < fs.statSync(s).mtimeMs) throw new Error(`${path.relative(ROOT, file)} is older than ${path.relative(ROOT, s)}: run npm run build first`);
  }
});

describe('the command-line tools', { timeout: 15_000 }, () => {
  describe.each(COMMANDS)('npm run $script', ({ script, options }) => {
    it.concurrent('--help: usage on stdout naming every option, exit 0, no database', async ({ expect }) => {
      const r = await run(script, '--help');
      expect(r).toMatchObject({ code: 0, stderr: '', files: [] });
      expect(r.stdout).toMatch(new RegExp(`^Usage:\\n  npm run ${script} --`));
      for (const option of [...options, '--help', '--version']) expect(r.stdout).toMatch(new RegExp(`^ +(-\\w, )?${option}\\b`, 'm'));
      expect((await run(script, '-h')).stdout).toBe(r.stdout);
    });

    it.concurrent("--version: package.json's version, exit 0", async ({ expect }) => {
      expect(await run(script, '--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '', files: [] });
    });

    it.concurrent('an unknown option: one line on stderr naming it and --help, exit 2, nothing on stdout, no database', async ({ expect }) => {
      const r = await run(script, '--no-such-option');
      expect(r).toMatchObject({ code: 2, stdout: '', files: [] });
      expect(r.stderr).toBe(`${script}: unknown option --no-such-option; see npm run ${script} -- --help\n`);
    });
  });

  describe('usage and run-time errors', () => {
    it.concurrent("npm run demo -- --help with DATABASE_URL in an empty directory creates nothing there", async ({ expect }) => {
      expect(await run('demo', '--help')).toMatchObject({ code: 0, files: [] });
    });

    it.concurrent("a command's own check of its options is a usage error too", async ({ expect }) => {
      const r = await run('report', '--assessment', 'a1');
      expect(r).toMatchObject({ code: 2, stdout: '', files: [] });
      expect(r.stderr).toBe('report: --assessment needs --out <file.pdf>; see npm run report -- --help\n');
      const lang = await run('report:trend', '--organization', 'o1', '--out', 'x.pdf', '--lang', 'de');
      expect(lang).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--lang must be fa or en, not "de"') });
    });

    it.concurrent('a failure at run time: the message on stderr, exit 1, nothing on stdout', async ({ expect }) => {
      const r = await run('db:copy', '--from', path.join(os.tmpdir(), 'mehvar-no-such-file.sqlite'), '--to', 'postgres://u:p@127.0.0.1:1/x');
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(/^db:copy: Cannot open .*mehvar-no-such-file\.sqlite/);
    });
  });
});
