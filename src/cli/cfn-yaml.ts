import type * as YAML from 'yaml';

/**
 * The CloudFormation short-form tags and the long form each one stands for.
 * `!GetAtt A.B` is special: its scalar form is split at the first dot.
 */
const SHORT_FORMS: ReadonlyArray<[string, string]> = [
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ['GetAtt', 'Fn::GetAtt'],
  ['Sub', 'Fn::Sub'],
  ['Join', 'Fn::Join'],
  ['If', 'Fn::If'],
  ['Select', 'Fn::Select'],
  ['Split', 'Fn::Split'],
  ['ImportValue', 'Fn::ImportValue'],
  ['FindInMap', 'Fn::FindInMap'],
  ['Base64', 'Fn::Base64'],
  ['Cidr', 'Fn::Cidr'],
  ['GetAZs', 'Fn::GetAZs'],
  ['Equals', 'Fn::Equals'],
  ['And', 'Fn::And'],
  ['Or', 'Fn::Or'],
  ['Not', 'Fn::Not'],
  ['Transform', 'Fn::Transform'],
  ['ToJsonString', 'Fn::ToJsonString'],
  ['Length', 'Fn::Length'],
];

let yamlModule: typeof YAML | undefined;
let customTags: YAML.Tags | undefined;

/** The `yaml` package, loaded on first use so that JSON-only runs never pay for it. */
function yaml(): typeof YAML {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require('yaml') as typeof YAML;
  return yamlModule;
}

/** Builds the custom tags once: a scalar, a sequence and a mapping form for each short form. */
function tags(): YAML.Tags {
  if (customTags) return customTags;
  const { Pair, Scalar, YAMLMap } = yaml();
  const wrap = (key: string, value: unknown): YAML.YAMLMap => {
    const map = new YAMLMap();
    map.items.push(new Pair(new Scalar(key), value));
    return map;
  };
  const result: YAML.Tags = [];
  for (const [short, long] of SHORT_FORMS) {
    const tag = `!${short}`;
    result.push({
      tag,
      resolve: (str: string) => {
        if (short === 'GetAtt') {
          const dot = str.indexOf('.');
          return { [long]: dot < 0 ? [str] : [str.slice(0, dot), str.slice(dot + 1)] };
        }
        return { [long]: str };
      },
    });
    result.push({ tag, collection: 'seq', resolve: (seq: unknown) => wrap(long, seq) });
    result.push({ tag, collection: 'map', resolve: (map: unknown) => wrap(long, map) });
  }
  customTags = result;
  return result;
}

/**
 * A YAML parse failure, with a one-line message (`line L, column C: what is wrong`).
 */
export class YamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlError';
  }
}

/**
 * Parses one YAML document (a CloudFormation template, typically), turning the short-form
 * intrinsic tags (`!Ref X`, `!GetAtt A.B`, `!Sub [...]`, ...) into their JSON form
 * (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`, `{"Fn::Sub": [...]}`, ...).
 *
 * @param text the YAML source
 * @returns the plain JSON-like value
 * @throws YamlError with a one-line message when the text is not valid YAML
 */
export function parseCfnYaml(text: string): unknown {
  const doc = yaml().parseDocument(text, { customTags: tags(), prettyErrors: false, strict: false });
  if (doc.errors.length > 0) {
    throw new YamlError(describeYamlError(doc.errors[0], text));
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new YamlError(e instanceof Error ? firstLine(e.message) : String(e));
  }
}

function describeYamlError(e: YAML.YAMLError, text: string): string {
  const message = firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '');
  const offset = e.pos ? e.pos[0] : -1;
  if (offset < 0) return message;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}: ${message}`;
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl < 0 ? s : s.slice(0, nl)).trim();
}
