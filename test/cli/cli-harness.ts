import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/run';

/** The fixtures directory, relative to the working directory (jest runs from the project root). */
export const FIXTURES = path.relative(process.cwd(), path.join(__dirname, 'fixtures'));

/**
 * The path of a fixture, as a user would type it.
 */
export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** What one in-process run printed and returned. */
export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the checker in-process.
 */
export function cli(args: string[], options: { isTTY?: boolean; env?: { [name: string]: string | undefined }; cwd?: string } = {}): CliResult {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const status = run(args, {
      stdout: (t) => { stdout += t; },
      stderr: (t) => { stderr += t; },
      isTTY: options.isTTY ?? false,
      env: options.env ?? {},
    });
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** A suppressed finding in `--format json` output. */
export interface Suppressed {
  readonly ruleId: string;
  readonly findingId?: string;
  readonly severity: string;
  readonly resource: string;
  readonly file: string;
  readonly constructPath?: string;
  readonly reason: string;
  readonly source: string;
  readonly suppressionId: string;
  readonly at?: string;
}

/** The `--format json` output, parsed. */
export interface JsonReport {
  readonly findings: Array<{
    file: string; resource: string; ruleId: string; findingId?: string; severity: string; property: string; message: string; fix: string;
  }>;
  readonly checked: { files: number; clients: number };
  readonly suppressed: Suppressed[];
  readonly refusedSuppressions: Array<Suppressed & { refused: string }>;
  readonly policy?: { file: string; from: string };
  readonly config?: string;
}

/**
 * Runs the checker with `--format json` and parses its output.
 */
export function cliJson(args: string[], options: { cwd?: string } = {}): CliResult & { report: JsonReport } {
  const result = cli(['--format', 'json', ...args], options);
  return { ...result, report: JSON.parse(result.stdout) };
}

/**
 * A fresh temporary directory, removed by `cleanTemp`.
 */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-client-check-'));
}

/**
 * Removes a temporary directory.
 */
export function cleanTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The one-line summary `--format json` and `--format sarif` print on stderr. */
export const SUMMARY_LINE = /^cognito-client-check: \d+ clients? checked: \d+ errors?, \d+ warnings?, \d+ suppressed(, \d+ suppressions? refused)?$/;

/** The lines of stderr before the summary line (which must be the last). */
export function beforeSummary(stderr: string): string[] {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[lines.length - 1]).toMatch(SUMMARY_LINE);
  return lines.slice(0, -1);
}

/** A stack-trace line, as node prints them. */
export const STACK_LINE = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

/** Writes `value` (text, or JSON) to `name` under `dir`, making its directories; returns the path. */
export function writeIn(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, undefined, 2));
  return file;
}
