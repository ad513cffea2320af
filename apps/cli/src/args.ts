import { parseArgs } from 'node:util';
import { parseFingerprint } from '@commons/event-store';
import { MOMENT_RULE, parseMoment } from '@commons/domain';

/** What a command reads from its command line: `--name value` as a string, a flag as true. */
export type Options = Map<string, string | true>;

export interface CommandSpec {
  /** the command words, `audit verify` */
  words: string;
  /** its usage lines, shown by --help and with every usage error */
  usage: string;
  /** every option it takes: anything else is refused */
  options: Record<string, 'string' | 'boolean'>;
  run(options: Options, out: NodeJS.WritableStream): Promise<number>;
}

/** A command line that cannot run as written: exit 2, with the usage (the command's own, where it is known). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export type CommandLine = { help: string } | { command: CommandSpec; options: Options };

const HELP = ['--help', '-h'];

/**
 * Strict: an unknown command, an unknown option, a flag given a value or an option without one is a
 * UsageError, never ignored. `--help` anywhere asks for the usage of the command it follows.
 */
export function parseCommandLine(argv: string[], commands: CommandSpec[], usage: string): CommandLine {
  const words = argv.slice(0, 2).join(' ');
  const command = commands.find((candidate) => candidate.words === words);
  if (!command) {
    if (argv.length === 0 || argv[0] === 'help' || HELP.includes(argv[0])) return { help: usage };
    const group = commands.filter((candidate) => candidate.words.startsWith(`${argv[0]} `));
    const groupUsage = group.length > 0 ? group.map((c) => c.usage).join('\n') : undefined;
    if (groupUsage && HELP.includes(argv[1])) return { help: groupUsage };
    throw new UsageError(argv.length === 1 && groupUsage ? `${argv[0]} needs a command` : `unknown command: ${argv.slice(0, 2).join(' ')}`, groupUsage);
  }
  const rest = argv.slice(2);
  if (rest.some((arg) => HELP.includes(arg))) return { help: command.usage };
  try {
    const spec = Object.fromEntries(Object.entries(command.options).map(([name, type]) => [name, { type }]));
    const { values } = parseArgs({ args: rest, options: spec, strict: true, allowPositionals: false });
    const options: Options = new Map();
    for (const [name, value] of Object.entries(values)) if (value !== undefined) options.set(name, value === true ? true : String(value));
    return { command, options };
  } catch (error) {
    throw new UsageError((error as Error).message, command.usage);
  }
}

/** `--fingerprint`, checked for its form before anything is read. */
export function fingerprintOption(options: Options): string | undefined {
  const value = options.get('fingerprint');
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !parseFingerprint(value)) throw new UsageError('--fingerprint must be <position>:<sha-256 in 64 hex characters>');
  return value;
}

/** `--as-of`, `--from`, `--to`: a moment in the canonical UTC form, or a usage error. */
export function momentOption(options: Options, name: string): string | undefined {
  const value = options.get(name);
  if (value === undefined) return undefined;
  const moment = typeof value === 'string' ? parseMoment(value) : null;
  if (moment === null) throw new UsageError(`--${name} must be ${MOMENT_RULE}`);
  return moment;
}

/** An option that must be one of `choices`. */
export function choiceOption(options: Options, name: string, choices: readonly string[], fallback?: string): string {
  const value = options.get(name) ?? fallback;
  if (typeof value !== 'string' || !choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}`);
  return value;
}
