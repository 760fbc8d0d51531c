/** The output formats. */
export const FORMATS = ['text', 'json', 'sarif'];

/**
 * The parsed command line.
 */
export interface CliOptions {
  /** Files and directories to check, as given. */
  readonly inputs: string[];
  /** The organisation-policy file (`--policy`). */
  readonly policy?: string;
  /** The previously deployed template (`--previous`). */
  readonly previous?: string;
  /** `text`, `json` or `sarif`. */
  readonly format: string;
  readonly help: boolean;
  /** `--list-rules`: print every rule (id, severity, title) and exit. */
  readonly listRules: boolean;
  readonly version: boolean;
  /** The config file (`--config`); found from the working directory upwards when absent. */
  readonly config?: string;
  /** `--no-config`: read no config file. */
  readonly noConfig: boolean;
  /** `--ignore`: rule ids (each optionally with `[<finding id>]`) whose findings are suppressed. */
  readonly ignore: string[];
  /** `--fail-on error|warning`: the lowest severity that fails the run (the config's, else `error`, when absent). */
  readonly failOn?: string;
  /** `--no-app-suppressions`: refuse every suppression and acknowledgement written in the app. */
  readonly noAppSuppressions: boolean;
  /** `--suppressible`: the only rule ids in-app and config suppressions may suppress. */
  readonly suppressible?: string[];
}

/**
 * Bad usage: an unknown option, a missing or invalid value, no input.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options that take a value, as `--name value` or `--name=value`. */
const VALUE_OPTIONS = ['--policy', '--previous', '--format', '--config', '--fail-on', '--ignore', '--suppressible'];
/** Value options that may be repeated: their lists add up. */
const LIST_OPTIONS = ['--ignore', '--suppressible'];
/** The `--fail-on` values. */
const FAIL_ON = ['error', 'warning'];

/**
 * A comma-separated list of rule ids, each optionally with `[<finding id>]` (a comma inside the
 * brackets does not separate).
 */
export function splitList(name: string, value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of value) {
    if (c === '[') depth++;
    else if (c === ']' && depth > 0) depth--;
    if (c === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current.trim());
  if (items.some((i) => i === '')) throw new UsageError(`${name}: an empty rule id in ${JSON.stringify(value)}.`);
  return items;
}

/**
 * Parses the arguments (without `node` and the script).
 *
 * @param argv the arguments
 * @throws UsageError on bad usage
 */
export function parseArgs(argv: string[]): CliOptions {
  const inputs: string[] = [];
  const values: { [name: string]: string } = {};
  let help = false;
  let version = false;
  let listRules = false;
  let noConfig = false;
  let noAppSuppressions = false;
  const lists: { [name: string]: string[] } = {};
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--version') {
      version = true;
      continue;
    }
    if (arg === '--list-rules') {
      listRules = true;
      continue;
    }
    if (arg === '--no-config') {
      noConfig = true;
      continue;
    }
    if (arg === '--no-app-suppressions') {
      noAppSuppressions = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.includes(name)) {
      throw new UsageError(`unknown option ${JSON.stringify(name)}.`);
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
    if (LIST_OPTIONS.includes(name)) {
      (lists[name] ??= []).push(...splitList(name, value));
      continue;
    }
    if (name in values) throw new UsageError(`${name} is given more than once.`);
    values[name] = value;
  }
  const format = values['--format'] ?? 'text';
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format)}.`);
  }
  const failOn = values['--fail-on'];
  if (failOn !== undefined && !FAIL_ON.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${JSON.stringify(failOn)}.`);
  }
  if (noConfig && values['--config'] !== undefined) throw new UsageError('--config and --no-config cannot be given together.');
  if (!help && !version && !listRules && inputs.length === 0) {
    throw new UsageError('no input: give one or more templates, cdk.out directories, request or Describe JSON files.');
  }
  return {
    inputs,
    policy: values['--policy'],
    previous: values['--previous'],
    format,
    help,
    version,
    listRules,
    config: values['--config'],
    noConfig,
    ignore: lists['--ignore'] ?? [],
    failOn,
    noAppSuppressions,
    suppressible: lists['--suppressible'],
  };
}

/** The `--help` text. */
export const HELP = `Usage: cognito-client-check [options] <file|directory>...

Checks Amazon Cognito user pool app clients against every documented service rule, before you deploy.

Inputs (the kind is detected from the content):
  CloudFormation templates (JSON or YAML, short-form tags such as !Ref and !GetAtt included)
  cdk.out directories (every *.template.json, nested assemblies included)
  CreateUserPoolClient request JSON (the AWS CLI --cli-input-json shape)
  DescribeUserPoolClient output ({"UserPoolClient": {...}})
  any other directory: every *.json, *.yaml, *.yml and *.template file in it that is one of the above

Options:
  --policy FILE          also check the organisation policy in FILE (JSON); wins over the config's policy
  --previous FILE        compare each template with the previously deployed template FILE
  --format text|json|sarif
                         output format (default: text); json and sarif also print a summary line on stderr
  --fail-on error|warning
                         exit 1 when an unsuppressed finding of this severity or higher remains
                         (default: the config's failOn, else error)
  --ignore RULE[,RULE...]
                         suppress these rules' findings (RULE[finding id] for one finding); repeatable
  --config FILE          read the config from FILE (default: .cognito-client-check.json in the working
                         directory or above it, up to the directory holding .git)
  --no-config            read no config file
  --no-app-suppressions  refuse the suppressions written in the app (cdk-nag metadata, acknowledgements)
  --suppressible RULE[,RULE...]
                         only these rules may be suppressed in the app or in the config; repeatable
  --list-rules           list every rule (the documented service rules, then the policy rules):
                         id, severity and title; with --format json, also the source
  -h, --help             show this help
  --version              show the version

Only regular files of at most 64 MiB are read; a directory walk never leaves the directory given.

Suppressions written in the app are honoured and listed with their reasons: cdk-nag 2's
rules_to_suppress (AppClientChecks-<rule>) in template metadata, and acknowledgements recorded in a
cdk.out's manifest (Validations.of(x).acknowledge, AppClient.acknowledge).

Exit status: 0 no failing finding, 1 an unsuppressed finding at or above --fail-on (error by default),
2 bad usage, an invalid config or policy, or unreadable input.
`;
