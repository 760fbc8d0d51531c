import * as fs from 'fs';
import * as path from 'path';
import { Migration, migrate } from './codemod';
import { unifiedDiff } from './edits';
import { NoTypeScriptError, TypeScript, loadTypeScript } from './typescript';

/** The program name, in messages. */
const NAME = 'cognito-client-migrate';

/** Exit statuses. */
export const EXIT_OK = 0;
export const EXIT_NOT_MIGRATED = 1;
export const EXIT_USAGE = 2;

export const HELP = `Usage: ${NAME} [--write] [--adopt-secure-defaults] <files or directories>

Migrates aws-cdk-lib's UserPoolClient to cdk-cognito-app-client's AppClient, keeping every
client's logical id. Without --write it prints a unified diff; with it, it rewrites the files.

By default each client keeps what is deployed: the props that keep the L2's behaviour (README,
"Migrating from UserPoolClient") are written, and each secure default not adopted is printed.

Options:
  --write                  rewrite the files instead of printing a diff
  --adopt-secure-defaults  leave those props out: AppClient's secure defaults apply
  --help                   print this help

Directories are searched for .ts, .tsx, .mts, .cts, .js, .jsx, .mjs and .cjs files (not .d.ts,
node_modules, cdk.out or hidden directories). It uses your project's own typescript package.

Exit status: 0 done (or nothing to change), 1 some client was not migrated (each is reported
with its file, line and what to do), 2 bad usage, an unreadable input or no typescript package.
`;

/** Where the command writes, and its working directory. */
export interface MigrateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The working directory; `process.cwd()` when absent. */
  readonly cwd?: string;
  /** Loads TypeScript (tests replace it); the project's own from `cwd` when absent. */
  readonly loadTypeScript?: (dir: string) => TypeScript;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out']);

/** Runs `cognito-client-migrate`; never throws. */
export function run(argv: string[], io: MigrateIo): number {
  try {
    return runUnsafe(argv, io);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    io.stderr(`${NAME}: internal error: ${text.split('\n')[0]}; please report this as a bug.\n`);
    return EXIT_USAGE;
  }
}

function runUnsafe(argv: string[], io: MigrateIo): number {
  const cwd = io.cwd ?? process.cwd();
  let write = false;
  let adoptSecureDefaults = false;
  const inputs: string[] = [];
  let options = true;
  for (const arg of argv) {
    if (options && arg === '--') {options = false;} else if (options && arg === '--write') {write = true;} else if (options && arg === '--adopt-secure-defaults') {adoptSecureDefaults = true;} else if (options && (arg === '--help' || arg === '-h')) {
      io.stdout(HELP);
      return EXIT_OK;
    } else if (options && arg.startsWith('-')) {return usage(io, `unknown option ${arg}.`);} else {inputs.push(arg);}
  }
  if (inputs.length === 0) return usage(io, 'no files or directories given.');

  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      io.stderr(`${NAME}: ${input}: no such file or directory.\n`);
      return EXIT_USAGE;
    }
    if (stat.isDirectory()) files.push(...walk(full));
    else files.push(full);
  }

  let ts: TypeScript;
  try {
    ts = (io.loadTypeScript ?? loadTypeScript)(cwd);
  } catch (e) {
    if (!(e instanceof NoTypeScriptError)) throw e;
    io.stderr(`${NAME}: ${e.message}\n`);
    return EXIT_USAGE;
  }

  const result: Migration = migrate(ts, [...new Set(files)], { adoptSecureDefaults }, cwd);
  for (const file of result.files) {
    if (write) fs.writeFileSync(path.resolve(cwd, file.file), file.after);
    else io.stdout(unifiedDiff(file.file.split(path.sep).join('/'), file.before, file.edits));
  }
  for (const m of result.messages) io.stderr(`${m.file}:${m.line}: ${m.text}\n`);
  const verb = write ? 'migrated' : 'to migrate';
  io.stderr(`${NAME}: ${result.migrated} client${result.migrated === 1 ? '' : 's'} ${verb} in ${result.files.length} file${result.files.length === 1 ? '' : 's'}`
    + `${result.notMigrated ? `, ${result.notMigrated} not migrated (see above)` : ''}${write || result.files.length === 0 ? '' : '; run with --write to apply'}.\n`);
  return result.notMigrated > 0 ? EXIT_NOT_MIGRATED : EXIT_OK;
}

function usage(io: MigrateIo, text: string): number {
  io.stderr(`${NAME}: ${text} Run ${NAME} --help for usage.\n`);
  return EXIT_USAGE;
}

/** The source files under a directory, sorted. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...walk(full));
    } else if (EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {out.push(full);}
  }
  return out;
}
