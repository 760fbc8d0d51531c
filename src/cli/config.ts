import * as fs from 'fs';
import * as path from 'path';
import { InputError, oneLine, readText } from './inputs';
import { display } from './report';
import { RULE_REF } from './suppressions';

/** The config file's name, searched from the working directory upwards. */
export const CONFIG_NAME = '.cognito-client-check.json';

/** The keys of the config file (schema/cognito-client-check.schema.json names the same). */
export const CONFIG_KEYS = ['$schema', 'policy', 'failOn', 'appSuppressions', 'suppressible', 'ignore'];
/** The keys of one `ignore` entry. */
export const IGNORE_KEYS = ['id', 'reason', 'paths'];
/** The `failOn` (and `--fail-on`) values. */
export const FAIL_ON = ['error', 'warning'];

/** One `ignore` entry, checked. */
export interface ConfigIgnore {
  /** As written: a rule id, optionally with `[<finding id>]`. */
  readonly id: string;
  readonly ruleId: string;
  readonly findingId?: string;
  readonly reason: string;
  readonly paths?: ReadonlyArray<string>;
}

/** The config file, checked. */
export interface CheckerConfig {
  /** The file, as found or given. */
  readonly file: string;
  /** The policy file, relative to the working directory (resolved from the config file's directory). */
  readonly policy?: string;
  readonly failOn?: string;
  readonly appSuppressions?: boolean;
  readonly suppressible?: ReadonlyArray<string>;
  readonly ignore: ReadonlyArray<ConfigIgnore>;
}

/**
 * The config file that applies in `cwd`: `.cognito-client-check.json` in `cwd` or the nearest
 * directory above it, stopping at a directory that holds `.git` (included) or at the root.
 *
 * @param cwd the working directory
 * @returns the path of the file found, relative to `cwd` when it is in or below it
 */
export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return path.relative(cwd, candidate) || candidate;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isObject(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Reads and checks the config file, as strictly as a policy file: an unknown key, a value of the
 * wrong type, an unknown rule id or an ignore without a reason is an error naming the key path.
 *
 * @param file the config file
 * @param knownRules every rule id (documented and policy rules)
 * @throws InputError with every problem, naming the file
 */
export function loadConfig(file: string, knownRules: ReadonlySet<string>): CheckerConfig {
  const fail = (problems: string[]) => new InputError(`${display(file)}: invalid config: ${problems.join('; ')}.`);
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    throw fail([e instanceof InputError ? e.message.replace(/\.$/, '') : `not valid JSON (${oneLine(e)})`]);
  }
  const problems: string[] = [];
  if (!isObject(json)) throw fail([`the config must be a JSON object, not ${kind(json)}`]);
  for (const key of Object.keys(json)) {
    if (!CONFIG_KEYS.includes(key)) problems.push(`${key}: unknown key (the keys are ${CONFIG_KEYS.join(', ')})`);
  }
  const knownRule = (where: string, id: string) => {
    if (!knownRules.has(id)) problems.push(`${where}: ${JSON.stringify(id)} is not a rule id (cognito-client-check --list-rules lists them)`);
  };
  if (json.$schema !== undefined && typeof json.$schema !== 'string') problems.push(`$schema: must be a string, not ${kind(json.$schema)}`);
  let policy: string | undefined;
  if (json.policy !== undefined) {
    if (typeof json.policy !== 'string' || json.policy === '') problems.push(`policy: must be the path of a policy file (a non-empty string), not ${kind(json.policy)}`);
    else policy = path.isAbsolute(json.policy) ? json.policy : path.join(path.dirname(file), json.policy);
  }
  if (json.failOn !== undefined && !FAIL_ON.includes(json.failOn)) problems.push(`failOn: must be one of ${FAIL_ON.join(', ')}, not ${JSON.stringify(json.failOn)}`);
  if (json.appSuppressions !== undefined && typeof json.appSuppressions !== 'boolean') problems.push(`appSuppressions: must be true or false, not ${kind(json.appSuppressions)}`);
  if (json.suppressible !== undefined) {
    if (!Array.isArray(json.suppressible)) {
      problems.push(`suppressible: must be a list of rule ids, not ${kind(json.suppressible)}`);
    } else {
      json.suppressible.forEach((id: unknown, i: number) => {
        if (typeof id !== 'string') problems.push(`suppressible[${i}]: must be a rule id (a string), not ${kind(id)}`);
        else knownRule(`suppressible[${i}]`, id);
      });
    }
  }
  const ignore: ConfigIgnore[] = [];
  if (json.ignore !== undefined) {
    if (!Array.isArray(json.ignore)) {
      problems.push(`ignore: must be a list of { id, reason, paths? }, not ${kind(json.ignore)}`);
    } else {
      json.ignore.forEach((entry: unknown, i: number) => {
        const at = `ignore[${i}]`;
        if (!isObject(entry)) {
          problems.push(`${at}: must be an object { id, reason, paths? }, not ${kind(entry)}`);
          return;
        }
        const before = problems.length;
        for (const key of Object.keys(entry)) {
          if (!IGNORE_KEYS.includes(key)) problems.push(`${at}.${key}: unknown key (the keys are ${IGNORE_KEYS.join(', ')})`);
        }
        let ruleId = '';
        let findingId: string | undefined;
        if (typeof entry.id !== 'string') {
          problems.push(`${at}.id: required: a rule id, optionally with [<finding id>] (a string), not ${kind(entry.id)}`);
        } else {
          const m = RULE_REF.exec(entry.id);
          if (!m) {
            problems.push(`${at}.id: ${JSON.stringify(entry.id)} is not a rule id, optionally with [<finding id>]`);
          } else {
            ruleId = m[1];
            findingId = m[2];
            knownRule(`${at}.id`, ruleId);
          }
        }
        if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
          problems.push(`${at}.reason: required: why the finding is acceptable (a non-empty string)${entry.reason === undefined ? '' : `, not ${typeof entry.reason === 'string' ? 'an empty string' : kind(entry.reason)}`}`);
        }
        if (entry.paths !== undefined) {
          if (!Array.isArray(entry.paths) || entry.paths.length === 0) {
            problems.push(`${at}.paths: must be a non-empty list of globs, not ${Array.isArray(entry.paths) ? 'an empty list' : kind(entry.paths)}`);
          } else {
            entry.paths.forEach((p: unknown, j: number) => {
              if (typeof p !== 'string' || p === '') problems.push(`${at}.paths[${j}]: must be a glob (a non-empty string), not ${typeof p === 'string' ? 'an empty string' : kind(p)}`);
            });
          }
        }
        if (problems.length === before) ignore.push({ id: entry.id, ruleId, findingId, reason: entry.reason.trim(), paths: entry.paths });
      });
    }
  }
  if (problems.length > 0) throw fail(problems);
  return { file, policy, failOn: json.failOn, appSuppressions: json.appSuppressions, suppressible: json.suppressible, ignore };
}
