import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCommand, helpText, packageVersion, parseCommand, UsageError } from '../../src/cli/args.js';

const spec = defineCommand({
  name: 'report',
  invocation: 'npm run report --',
  usage: ['--assessment <id> --out <file.pdf> [--lang fa|en] [--force]'],
  summary: 'Writes a report.',
  options: {
    assessment: { type: 'string', placeholder: '<id>', required: true, description: 'the assessment' },
    out: { type: 'string', placeholder: '<file.pdf>', short: 'o', description: 'where to write it' },
    lang: { type: 'string', choices: ['fa', 'en'], description: 'the language' },
    force: { type: 'boolean', description: 'overwrite' },
  },
  notes: 'Reads DATABASE_URL.',
});

const run = (...argv: string[]) => parseCommand(spec, argv);
/** The UsageError message parsing argv throws. */
function refusal(...argv: string[]): string {
  try {
    run(...argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads strings with a space or "=", short names and booleans; absent options are undefined or false', () => {
    expect(run('--assessment', 'a1', '-o', 'r.pdf', '--lang=en', '--force')).toEqual({
      kind: 'run',
      values: { assessment: 'a1', out: 'r.pdf', lang: 'en', force: true },
    });
    expect(run('--assessment=a1')).toEqual({ kind: 'run', values: { assessment: 'a1', out: undefined, lang: undefined, force: false } });
  });

  it('keeps a value that contains "=" or starts with a dash when given with "="', () => {
    expect(run('--assessment', 'a=b', '--out=-r.pdf')).toMatchObject({ values: { assessment: 'a=b', out: '-r.pdf' } });
  });

  it('answers --help and --version before anything else, even among bad arguments', () => {
    expect(run('--help')).toEqual({ kind: 'help' });
    expect(run('-h')).toEqual({ kind: 'help' });
    expect(run('--bogus', '--lang', 'de', '--help')).toEqual({ kind: 'help' });
    // Not written to a file named "--help".
    expect(run('--out', '--help')).toEqual({ kind: 'help' });
    expect(run('--version')).toEqual({ kind: 'version' });
    expect(run('--help', '--version')).toEqual({ kind: 'help' });
  });

  it('refuses an unknown option by the name the user typed', () => {
    expect(refusal('--assessment', 'a', '--bogus')).toBe('unknown option --bogus');
    expect(refusal('--assessment', 'a', '-x')).toBe('unknown option -x');
    expect(refusal('--assessment', 'a', '--Force')).toBe('unknown option --Force');
  });

  it('refuses a string option without its value, also when the next argument is another option', () => {
    expect(refusal('--assessment')).toBe('--assessment needs a value (<id>)');
    expect(refusal('--assessment=')).toBe('--assessment needs a value (<id>)');
    expect(refusal('--assessment', 'a', '--out', '--force')).toBe('--out needs a value (<file.pdf>)');
    expect(refusal('--assessment', 'a', '-o')).toBe('-o needs a value (<file.pdf>)');
  });

  it('refuses a value outside the choices, a value given to a boolean, and positional arguments', () => {
    expect(refusal('--assessment', 'a', '--lang', 'de')).toBe('--lang must be fa or en, not "de"');
    expect(refusal('--assessment', 'a', '--force=yes')).toBe('--force takes no value');
    expect(refusal('--assessment', 'a', 'extra')).toBe('unexpected argument "extra"');
    expect(refusal('--assessment', 'a', '--', '--out')).toBe('unexpected argument "--out"');
  });

  it('refuses a missing required option after the others are read', () => {
    expect(refusal('--lang', 'fa')).toBe('missing --assessment <id>');
  });
});

describe('defineCommand', () => {
  it('refuses a command that defines --help or --version itself', () => {
    expect(() => defineCommand({ ...spec, options: { help: { type: 'boolean', description: '' } } })).toThrow('--help is built in');
  });
});

describe('helpText', () => {
  it('shows the usage lines, the summary, every option with its placeholder and description, and the notes', () => {
    const text = helpText(spec);
    expect(text).toContain('Usage:\n  npm run report -- --assessment <id> --out <file.pdf> [--lang fa|en] [--force]\n');
    expect(text).toContain('\nWrites a report.\n');
    expect(text).toMatch(/^ {6}--assessment <id> +the assessment$/m);
    expect(text).toMatch(/^ {2}-o, --out <file\.pdf> +where to write it$/m);
    expect(text).toMatch(/^ {6}--lang fa\|en +the language$/m);
    expect(text).toMatch(/^ {6}--force +overwrite$/m);
    expect(text).toMatch(/^ {2}-h, --help +show this help and exit$/m);
    expect(text).toMatch(/^ {6}--version +print the version and exit$/m);
    expect(text.endsWith('\nReads DATABASE_URL.\n')).toBe(true);
  });

  it('lines the descriptions up in one column', () => {
    const lines = helpText(spec).split('\n');
    const descriptions = ['the assessment', 'where to write it', 'the language', 'overwrite', 'show this help and exit', 'print the version and exit'];
    const columns = descriptions.map((d) => lines.find((l) => l.endsWith(d))!.indexOf(d));
    expect(new Set(columns).size).toBe(1);
  });
});

describe('packageVersion', () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(packageVersion()).toBe(pkg.version);
  });
});
