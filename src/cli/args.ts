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
const VALUE_OPTIONS = ['--policy', '--previous', '--format'];

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
    if (name in values) throw new UsageError(`${name} is given more than once.`);
    values[name] = value;
  }
  const format = values['--format'] ?? 'text';
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format)}.`);
  }
  if (!help && !version && !listRules && inputs.length === 0) {
    throw new UsageError('no input: give one or more templates, cdk.out directories, request or Describe JSON files.');
  }
  return { inputs, policy: values['--policy'], previous: values['--previous'], format, help, version, listRules };
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
  --policy FILE          also check the organisation policy in FILE (JSON)
  --previous FILE        compare each template with the previously deployed template FILE
  --format text|json|sarif
                         output format (default: text)
  --list-rules           list every rule (the documented service rules, then the policy rules):
                         id, severity and title; with --format json, also the source
  -h, --help             show this help
  --version              show the version

Only regular files of at most 64 MiB are read; a directory walk never leaves the directory given.

Exit status: 0 no error finding, 1 at least one error finding, 2 bad usage or unreadable input.
`;
