import * as fs from 'fs';
import * as path from 'path';
import { resolve } from 'path';
import { CliOptions, HELP, UsageError, parseArgs } from './args';
import { AssemblyMetadata, TemplateMetadata } from './assembly';
import { CheckerConfig, findConfig, loadConfig } from './config';
import { CLIENT_TYPE, Document, FileRef, InputError, classify, countClients, expandInput, oneLine, parseDocumentText, parseText, readText } from './inputs';
import { FileResult, Problem, Report, clean, display, formatJson, formatSarif, formatText, resourceLines, stderrSummary } from './report';
import { Enforcement, FindingPlace, RULE_REF, Suppression, acknowledgementsFor, applySuppressions, cdkNagSuppressions, globToRegExp } from './suppressions';
import type { ClientPolicy } from '../policy/client-policy';
import { ClientRules } from '../rules/client-rules';
import { expandLoops } from '../rules/private/foreach';
import type { TemplateFinding } from '../rules/template';
import type { RuleInfo } from '../rules/types';
import { unseenFindings } from '../rules/unseen';

/** The program name, in messages. */
const NAME = 'cognito-client-check';

/**
 * Where the command writes, and whether its standard output is a terminal.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Whether standard output is a terminal (colours are used only then). */
  readonly isTTY: boolean;
  /** The environment (for `NO_COLOR`); `process.env` when absent. */
  readonly env?: { [name: string]: string | undefined };
}

/** File names that say "CloudFormation template". */
const TEMPLATE_NAME = /\.template(\.json)?$/;

/** Exit statuses. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Runs `cognito-client-check` in-process: parses the arguments, checks every input and writes the
 * report. Never throws; every failure becomes a one-line message on standard error.
 *
 * @param argv the arguments (without `node` and the script)
 * @param io where to write
 * @returns the exit status: 0 no error finding, 1 an error finding, 2 bad usage or unreadable input
 */
export function run(argv: string[], io: CliIo): number {
  try {
    return runUnsafe(argv, io);
  } catch (e) {
    io.stderr(`${NAME}: internal error: ${clean(oneLine(e))}; please report this as a bug.\n`);
    return EXIT_BAD_INPUT;
  }
}

function runUnsafe(argv: string[], io: CliIo): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${NAME}: ${clean(e.message)} Run ${NAME} --help for usage.\n`);
    return EXIT_BAD_INPUT;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  if (options.listRules) {
    io.stdout(listRules(options.format));
    return EXIT_OK;
  }

  let policy: ClientPolicy | undefined;
  let previous: { [key: string]: any } | undefined;
  let config: CheckerConfig | undefined;
  let settings: Settings;
  try {
    config = readConfig(options);
    settings = resolveSettings(options, config);
    if (settings.policy !== undefined) policy = loadPolicy(settings.policy.file);
    if (options.previous !== undefined) previous = loadPrevious(options.previous);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${NAME}: ${clean(e.message)} Run ${NAME} --help for usage.\n`);
      return EXIT_BAD_INPUT;
    }
    if (!(e instanceof InputError)) throw e;
    io.stderr(`${NAME}: ${clean(e.message)}\n`);
    return EXIT_BAD_INPUT;
  }

  const checker = new Checker(options.format !== 'json', settings, policy, previous);
  // A baseline rule the policy turns off or weakens is listed in every report, with its reason.
  for (const a of policy?.acknowledged ?? []) {
    checker.notes.push({ file: settings.policy!.file, reason: acknowledgementText(a) });
  }
  // Every input is expanded first, so that a nested stack's template is known to be checked too.
  const expanded = options.inputs.map((input) => ({ input, expansion: tryExpand(input) }));
  for (const { expansion } of expanded) for (const f of expansion.files ?? []) checker.planned.add(resolve(f.path));
  for (const { input, expansion } of expanded) checker.checkInput(input, expansion);

  const report: Report = {
    files: checker.files,
    problems: checker.problems,
    notes: checker.notes,
    rules: ruleList(policy),
    version: version(),
    root: process.cwd(),
    policy: settings.policy,
    config: config?.file,
    acknowledged: (policy?.acknowledged ?? []).map(acknowledgementText),
  };
  switch (options.format) {
    case 'json':
      io.stdout(formatJson(report));
      break;
    case 'sarif':
      io.stdout(formatSarif(report));
      break;
    default:
      io.stdout(formatText(report, io.isTTY && !noColour(io.env ?? process.env)));
  }
  for (const p of checker.problems) io.stderr(`${NAME}: ${display(p.file)}: ${clean(p.reason)}\n`);
  // notes (a file read in a way CloudFormation may not accept) do not change the exit status
  for (const n of checker.notes) io.stderr(`${NAME}: ${display(n.file)}: ${clean(n.reason)}\n`);
  if (options.format !== 'text') io.stderr(stderrSummary(report));
  if (checker.problems.length > 0) return EXIT_BAD_INPUT;
  const threshold = RANK[settings.failOn];
  return checker.files.some((f) => f.findings.some((x) => RANK[x.severity] >= threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

/** Severities by rank, for `--fail-on`. */
const RANK: { [severity: string]: number } = { warning: 1, error: 2 };

/** What the command line and the config decide together. */
interface Settings {
  /** The policy file and where it was named. */
  readonly policy?: { readonly file: string; readonly from: string };
  readonly failOn: string;
  readonly enforcement: Enforcement;
  /** The config's ignores, then `--ignore`'s. */
  readonly ignores: ReadonlyArray<Suppression>;
}

/** Every rule id: the documented rules and the policy rules (aws-cdk-lib is loaded for the latter). */
function knownRules(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../policy/client-policy') as typeof import('../policy/client-policy');
  return new Set([...ClientRules.rules(), ...mod.ClientPolicy.rules()].map((r) => r.id));
}

/** The config file: `--config`, else the one found from the working directory up (none with `--no-config`). */
function readConfig(options: CliOptions): CheckerConfig | undefined {
  if (options.noConfig) return undefined;
  const file = options.config ?? findConfig(process.cwd());
  if (file === undefined) return undefined;
  return loadConfig(file, knownRules());
}

/**
 * The settings of the run: the command line wins over the config for the policy and `--fail-on`;
 * for what may be suppressed, the stricter of the two applies (the config cannot loosen the command line).
 */
function resolveSettings(options: CliOptions, config: CheckerConfig | undefined): Settings {
  const needRules = options.ignore.length > 0 || options.suppressible !== undefined;
  const known = needRules ? knownRules() : new Set<string>();
  const ruleOf = (name: string, ref: string) => {
    const m = RULE_REF.exec(ref);
    if (!m || !known.has(m[1])) throw new UsageError(`${name}: ${JSON.stringify(ref)} is not a rule id${m ? '' : ', optionally with [<finding id>]'} (${NAME} --list-rules lists them).`);
    return { ruleId: m[1], findingId: m[2] };
  };
  const cliIgnores: Suppression[] = options.ignore.map((id) => ({ source: 'command-line', id, ...ruleOf('--ignore', id), reason: '--ignore on the command line' }));
  const cliSuppressible = options.suppressible?.map((id) => {
    const r = ruleOf('--suppressible', id);
    if (r.findingId !== undefined) throw new UsageError(`--suppressible: ${JSON.stringify(id)}: give rule ids only, without a finding id.`);
    return r.ruleId;
  });
  const configIgnores: Suppression[] = (config?.ignore ?? []).map((i) => ({
    source: 'config',
    id: i.id,
    ruleId: i.ruleId,
    findingId: i.findingId,
    reason: i.reason,
    at: config!.file,
    paths: i.paths?.map(globToRegExp),
  }));
  let suppressible: Set<string> | undefined;
  let suppressibleBy: string | undefined;
  if (cliSuppressible && config?.suppressible) {
    suppressible = new Set(cliSuppressible.filter((id) => config.suppressible!.includes(id)));
    suppressibleBy = `--suppressible and suppressible in ${config.file}`;
  } else if (cliSuppressible) {
    suppressible = new Set(cliSuppressible);
    suppressibleBy = '--suppressible';
  } else if (config?.suppressible) {
    suppressible = new Set(config.suppressible);
    suppressibleBy = `suppressible in ${config.file}`;
  }
  const appOff = options.noAppSuppressions ? '--no-app-suppressions' : config?.appSuppressions === false ? `appSuppressions: false in ${config.file}` : undefined;
  let policy: Settings['policy'];
  if (options.policy !== undefined) policy = { file: options.policy, from: '--policy' };
  else if (config?.policy !== undefined) policy = { file: config.policy, from: `policy in ${config.file}` };
  return {
    policy,
    failOn: options.failOn ?? config?.failOn ?? 'error',
    enforcement: { appSuppressions: appOff === undefined, appSuppressionsOffBy: appOff, suppressible, suppressibleBy },
    ignores: [...configIgnores, ...cliIgnores],
  };
}

/** https://no-color.org: any non-empty NO_COLOR turns colours off. */
function noColour(env: { [name: string]: string | undefined }): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

/**
 * Checks files one by one, collecting results and problems; one bad file never stops the others.
 */
/** An input expanded into its files, or the error that stopped it (reported when the input is checked). */
function tryExpand(input: string): { files?: ReadonlyArray<FileRef>; problems: ReadonlyArray<Problem>; error?: unknown } {
  try {
    return expandInput(input);
  } catch (e) {
    return { problems: [], error: e };
  }
}

class Checker {
  public readonly files: FileResult[] = [];
  public readonly problems: Problem[] = [];
  /** What a file's reading needs the user to know (merged YAML merge keys), one line each. */
  public readonly notes: Problem[] = [];
  /** Every file the run checks (a nested stack's template among them is seen). */
  public readonly planned = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly assemblies = new AssemblyMetadata();

  constructor(
    private readonly keepLines: boolean,
    private readonly settings: Settings,
    private readonly policy?: ClientPolicy,
    private readonly previous?: { [key: string]: any },
  ) {}

  /** Checks one command-line input (a file or a directory), expanded by `tryExpand`. */
  public checkInput(input: string, expansion: { files?: ReadonlyArray<FileRef>; problems: ReadonlyArray<Problem>; error?: unknown }): void {
    if (expansion.error !== undefined || !expansion.files) {
      this.problems.push({ file: input, reason: reason(expansion.error) });
      return;
    }
    const refs = expansion.files;
    this.problems.push(...expansion.problems);
    for (const ref of refs) {
      const key = resolve(ref.path);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      try {
        this.checkFile(ref);
      } catch (e) {
        this.problems.push({ file: ref.display, reason: reason(e) });
      }
    }
  }

  private checkFile(ref: FileRef): void {
    const text = readText(ref.path);
    let value: unknown;
    let json: boolean;
    try {
      const notes: string[] = [];
      ({ value, json } = parseDocumentText(text, ref.path, notes));
      for (const note of notes) this.notes.push({ file: ref.display, reason: note });
    } catch (e) {
      // In a directory walk, a file that fails to parse is skipped unless it is meant to be a template.
      if (ref.origin === 'directory' && !text.includes(CLIENT_TYPE) && !TEMPLATE_NAME.test(ref.path)) return;
      throw e;
    }
    // A template with a broken Resources section is reported wherever it was found.
    const doc: Document | undefined = classify(value);
    if (doc === undefined) {
      if (ref.origin !== 'explicit') return;
      throw new InputError(
        'not a CloudFormation template (no Resources), DescribeUserPoolClient output (no UserPoolClient) '
        + 'or CreateUserPoolClient request (no UserPoolId or ClientName).');
    }
    const file = relativeName(ref.display);
    if (doc.kind === 'template') {
      // what the template holds unseen: a nested stack is seen when its template (CDK's asset file) is checked too
      const dir = path.dirname(resolve(ref.path));
      // Fn::ForEach (AWS::LanguageExtensions) as CloudFormation makes it: clients counted, suppressions read, lines at their loop
      const loops = expandLoops(doc.template);
      const all = [...this.checkTemplate(doc.template), ...unseenFindings(doc.template, (id) => {
        const asset = doc.template.Resources?.[id]?.Metadata?.['aws:asset:path'];
        return typeof asset === 'string' && this.planned.has(resolve(dir, asset));
      })];
      // Construct paths and acknowledgements come from the cloud assembly's manifest only, never from the template.
      const meta = all.length > 0 ? this.assemblies.forTemplate(ref.path) : undefined;
      const resources: { [id: string]: any } = loops.template.Resources;
      const stackWide = cdkNagSuppressions(doc.template.Metadata, 'cdk-nag-stack', 'template');
      const outcome = applySuppressions(all, (f) => [
        ...cdkNagSuppressions(resources[f.resource]?.Metadata, 'cdk-nag-resource', f.resource),
        ...stackWide,
        ...acknowledgementsFor(meta?.acknowledgements ?? [], meta?.paths.get(f.resource)),
        ...this.settings.ignores,
      ], (f) => ({ file, constructPath: meta?.paths.get(f.resource) }), this.settings.enforcement);
      // Lines are found only for text and SARIF, and only when there is a finding to place (the text is not kept).
      const found = this.keepLines && all.length > 0 ? resourceLines(text, json) : undefined;
      for (const [id, loop] of loops.origins) if (found?.has(loop) && !found.has(id)) found.set(id, found.get(loop)!);
      const lines = found ? () => found : undefined;
      const paths = constructPaths(doc.template, all, meta);
      const sources = meta && this.keepLines ? sourceLocations(ref, meta, all) : undefined;
      this.files.push({
        file: ref.display,
        clients: countClients(loops.template),
        findings: outcome.findings,
        suppressed: outcome.suppressed,
        refused: outcome.refused,
        lines,
        constructPaths: paths,
        sources,
      });
    } else {
      const resource = doc.resource;
      const all = ClientRules.check(doc.properties, this.policy).map((f) => ({ ...f, resource }));
      const place = (): FindingPlace => ({ file });
      const outcome = applySuppressions(all, () => this.settings.ignores, place, this.settings.enforcement);
      this.files.push({ file: ref.display, clients: 1, findings: outcome.findings, suppressed: outcome.suppressed, refused: outcome.refused });
    }
  }

  private checkTemplate(template: { [key: string]: any }): TemplateFinding[] {
    try {
      return ClientRules.checkTemplate(template, { policy: this.policy, previous: this.previous });
    } catch (e) {
      if (e instanceof Error && e.name === 'InvalidTemplateError') throw new InputError(oneLine(e) + '.');
      throw new InputError(`the checker failed on this template (${oneLine(e)}); please report this as a bug.`);
    }
  }
}

/**
 * The construct path of each resource with a finding (for the report and SARIF's logical locations):
 * from the cloud assembly's manifest, else the template's `aws:cdk:path` (shown, never trusted).
 */
function constructPaths(template: { [key: string]: any }, findings: TemplateFinding[], meta?: TemplateMetadata): Map<string, string> | undefined {
  let paths: Map<string, string> | undefined;
  for (const f of findings) {
    const p = meta?.paths.get(f.resource) ?? template.Resources?.[f.resource]?.Metadata?.['aws:cdk:path'];
    if (typeof p === 'string') (paths ??= new Map()).set(f.resource, p);
  }
  return paths;
}

/** A path relative to the working directory, with `/` separators (what config `paths` globs match). */
function relativeName(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

/**
 * Where each resource with a finding was created, from the cloud assembly: the first frame of user
 * code, when it is inside the assembly's project (the directory above the outermost cloud assembly),
 * shown relative to that directory as the template's path is shown.
 */
function sourceLocations(ref: FileRef, meta: TemplateMetadata, findings: TemplateFinding[]): Map<string, { file: string; line: number }> | undefined {
  if (meta.sources.size === 0) return undefined;
  // the project directory: up from the template's directory while it holds a manifest.json
  let dir = path.resolve(path.dirname(ref.path));
  let shown = path.dirname(ref.display);
  while (fs.existsSync(path.join(dir, 'manifest.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
    shown = path.dirname(shown);
  }
  let project: string;
  try {
    project = fs.realpathSync(dir);
  } catch {
    return undefined;
  }
  let out: Map<string, { file: string; line: number }> | undefined;
  for (const f of findings) {
    const frame = meta.sources.get(f.resource);
    if (!frame) continue;
    let file = path.resolve(frame.file);
    try {
      file = fs.realpathSync(file);
    } catch {
      // a file that is not here any more: compared as recorded
    }
    const rel = path.relative(project, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    (out ??= new Map()).set(f.resource, { file: path.join(shown, rel), line: frame.line });
  }
  return out;
}

function reason(e: unknown): string {
  if (e instanceof InputError) return e.message;
  return `cannot check it (${oneLine(e)}).`;
}

/** `--list-rules`: every rule, documented service rules first, as text or JSON. */
function listRules(format: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../policy/client-policy') as typeof import('../policy/client-policy');
  const rules = [
    ...ClientRules.rules().map((r) => ({ kind: 'service', ...r })),
    ...mod.ClientPolicy.rules().map((r) => ({ kind: 'policy', ...r })),
  ];
  if (format !== 'text') return `${JSON.stringify(rules, null, 2)}\n`;
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.kind === 'policy' ? '(policy) ' : ''}${r.title}`).join('\n') + '\n';
}

/** Loads the policy file; aws-cdk-lib (which the policy module needs) is loaded only here. */
function loadPolicy(file: string): ClientPolicy {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../policy/client-policy') as typeof import('../policy/client-policy');
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    throw new InputError(`${display(file)}: invalid client policy: ${e instanceof InputError ? e.message.replace(/\.$/, '') : `the policy file is not valid JSON (${oneLine(e)})`}.`);
  }
  try {
    return mod.ClientPolicy.fromJson(json, file);
  } catch (e) {
    const problems = (e as { problems?: unknown }).problems;
    if (Array.isArray(problems) && problems.length > 0) {
      throw new InputError(`${display(file)}: invalid client policy: ${problems.map((p) => oneLine(p)).join('; ')}.`);
    }
    throw new InputError(`${display(file)}: invalid client policy: ${oneLine(e)}.`);
  }
}

/** Loads the previously deployed template (JSON or YAML). */
function loadPrevious(file: string): { [key: string]: any } {
  try {
    const doc = classify(parseText(readText(file), file));
    if (doc === undefined || doc.kind !== 'template') throw new InputError('not a CloudFormation template (no Resources).');
    return doc.template;
  } catch (e) {
    throw new InputError(`${display(file)} (--previous): ${reason(e)}`);
  }
}

/** The rules of the run, for SARIF: the catalog, plus the policy rules the policy turns on. */
function ruleList(policy?: ClientPolicy): RuleInfo[] {
  const rules = ClientRules.rules();
  if (!policy) return rules;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../policy/client-policy') as typeof import('../policy/client-policy');
  const enabled = policy.enabledRuleIds;
  for (const r of mod.ClientPolicy.rules()) {
    if (enabled.includes(r.id)) rules.push({ ...r, severity: policy.severityOf(r.id) });
  }
  return rules;
}

let cachedVersion: string | undefined;

/** The package version (from package.json, two levels up from both src/cli and lib/cli). */
function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cachedVersion ??= String(require('../../package.json').version);
  return cachedVersion;
}

/** How a report lists a baseline rule the policy turns off or weakens. */
export function acknowledgementText(a: { readonly baseline: string; readonly ruleId: string; readonly change: string; readonly reason: string }):
string {
  return `the policy extends ${a.baseline} and turns off or weakens ${a.ruleId} (${a.change}), acknowledged: ${a.reason}`;
}
