import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';

/** One option of a command, as its help describes it. */
export type OptionSpec =
  | { type: 'boolean'; description: string; short?: string }
  | {
      type: 'string';
      description: string;
      /** Shown after the name in the help, e.g. `<file.pdf>`; `fa|en` when there are choices. */
      placeholder?: string;
      short?: string;
      choices?: readonly string[];
      required?: boolean;
    };

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** Prefix of every error line, e.g. `report`. */
  name: string;
  /** How users type it, e.g. `npm run report --`. */
  invocation: string;
  /** The argument patterns shown after the invocation in "Usage". */
  usage: readonly string[];
  summary: string;
  options: O;
  /** Free text after the options (environment, examples). */
  notes?: string;
}

/** Booleans are false unless given; strings are undefined unless given or required. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { required: true } ? string : string | undefined;
};

export type ParseResult<O extends Record<string, OptionSpec>> =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; values: OptionValues<O> };

/** Arguments the command cannot run with: one line on stderr and exit code 2. Commands throw it from their own checks too. */
export class UsageError extends Error {}

const BUILT_IN = {
  help: { type: 'boolean', short: 'h', description: 'show this help and exit' },
  version: { type: 'boolean', description: 'print the version and exit' },
} as const satisfies Record<string, OptionSpec>;

/** Keeps the option names and types literal, so the values come out typed. */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  for (const name of Object.keys(BUILT_IN)) if (Object.hasOwn(spec.options, name)) throw new Error(`--${name} is built in`);
  return spec;
}

/** Pure: what argv asks for. `--help` and `--version` win over everything else, even bad arguments. */
export function parseCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: readonly string[]): ParseResult<O> {
  const end = argv.indexOf('--');
  const own = end === -1 ? argv : argv.slice(0, end);
  // Looked for before parsing, so that `--out --help` shows the help rather than writing to "--help".
  if (own.includes('--help') || own.includes('-h')) return { kind: 'help' };
  if (own.includes('--version')) return { kind: 'version' };

  const all: Record<string, OptionSpec> = { ...spec.options, ...BUILT_IN };
  const { tokens } = parseNodeArgs({
    args: [...argv],
    options: Object.fromEntries(Object.entries(all).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, o] of Object.entries(spec.options)) values[name] = o.type === 'boolean' ? false : undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') throw new UsageError(`unexpected argument "${token.value}"`);
    const option = Object.hasOwn(all, token.name) ? all[token.name] : undefined;
    if (!option) throw new UsageError(`unknown option ${token.rawName}`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    // Without "=", parseArgs takes the next argument whatever it is: `--out --force` means --out lacks its value.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-')))
      throw new UsageError(`${token.rawName} needs a value (${placeholder(token.name, option)})`);
    if (option.choices && !option.choices.includes(value))
      throw new UsageError(`${token.rawName} must be ${option.choices.join(' or ')}, not "${value}"`);
    values[token.name] = value;
  }
  for (const [name, o] of Object.entries(spec.options))
    if (o.type === 'string' && o.required && values[name] === undefined) throw new UsageError(`missing --${name} ${placeholder(name, o)}`);
  return { kind: 'run', values: values as OptionValues<O> };
}

function placeholder(name: string, o: OptionSpec): string {
  if (o.type === 'boolean') return '';
  return o.placeholder ?? o.choices?.join('|') ?? `<${name}>`;
}

export function helpText<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const rows = Object.entries<OptionSpec>({ ...spec.options, ...BUILT_IN }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name} ${placeholder(name, o)}`.trimEnd();
    return [flag, o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    'Usage:',
    ...spec.usage.map((u) => `  ${spec.invocation} ${u}`.trimEnd()),
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
    ...(spec.notes ? ['', spec.notes] : []),
    '',
  ].join('\n');
}

/** The version in package.json, found above this file from src/ (tsx) and from dist/src/ alike. */
export function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error('package.json not found');
  }
}

/**
 * Runs a command: help and version on stdout and exit 0 before `run` is called (so before any
 * configuration or database is touched); a usage error is one line on stderr and exit code 2; any
 * other error is its message on stderr and exit code 1. Only `run`'s result goes to stdout.
 */
export async function runCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  run: (values: OptionValues<O>) => Promise<void>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const fail = (message: string, code: 1 | 2): never => {
    process.stderr.write(`${spec.name}: ${message}\n`);
    process.exit(code);
  };
  const usageFailure = (err: UsageError) => fail(`${err.message}; see ${spec.invocation} --help`, 2);
  let parsed: ParseResult<O>;
  try {
    parsed = parseCommand(spec, argv);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(err);
    throw err;
  }
  if (parsed.kind === 'help') return void process.stdout.write(helpText(spec));
  if (parsed.kind === 'version') return void process.stdout.write(`${packageVersion()}\n`);
  try {
    await run(parsed.values);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(err);
    fail(err instanceof Error ? err.message : String(err), 1);
  }
}
