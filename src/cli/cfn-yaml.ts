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
 * A YAML file that stands for too much once its aliases are expanded, with a one-line message.
 */
export class YamlLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlLimitError';
  }
}

/**
 * The most text a YAML document may stand for once each alias is replaced by the text of the node
 * it names (nested aliases included): the same bound as the size of a file that is read.
 */
export const MAX_EXPANDED_CHARACTERS = 64 * 1024 * 1024;

type Node = YAML.Node | YAML.Pair;

/**
 * The length of the text a document stands for with every alias expanded, or Infinity as soon
 * as it passes `limit`. One iterative pass over the nodes (deep nesting cannot overflow the stack);
 * an alias inside the node it names (a cycle) counts as itself.
 */
function expandedLength(doc: YAML.Document, textLength: number, limit: number): number {
  // doc.contents is the root; anchors are collected on the way, in document order.
  const { isAlias, isCollection, isPair, isScalar } = yaml();
  const span = (n: unknown): number => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? range[1] - range[0] : 0;
  };
  /** For each finished node: what its aliases add to its own text. */
  const added = new Map<unknown, number>();
  const stack: Array<{ node: Node; children: unknown[]; next: number; extra: number }> = [];
  // The node each anchor names so far, in document order (Alias.resolve would search the whole document each time).
  const anchors = new Map<string, unknown>();
  const open = (node: unknown): void => {
    const anchor = (node as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor === 'string') anchors.set(anchor, node);
    if (isPair(node)) {
      stack.push({ node, children: [node.key, node.value], next: 0, extra: 0 });
    } else if (isCollection(node)) {
      stack.push({ node, children: node.items, next: 0, extra: 0 });
    } else if (isAlias(node) && stack.length > 0) {
      const target = anchors.get(node.source);
      // A scalar adds its own text; a collection its text and what its aliases add.
      const inner = target === undefined ? undefined : isScalar(target) ? 0 : added.get(target);
      // A target still open contains this alias: a cycle, which toJS keeps as a reference.
      if (inner !== undefined) stack[stack.length - 1].extra += Math.max(0, span(target) + inner - span(node));
    }
  };
  open(doc.contents);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      open(top.children[top.next++]);
      continue;
    }
    stack.pop();
    added.set(top.node, top.extra);
    if (stack.length > 0) stack[stack.length - 1].extra += top.extra;
    if (textLength + top.extra > limit) return Infinity;
  }
  return textLength + (added.get(doc.contents) ?? 0);
}

/**
 * Parses one YAML document (a CloudFormation template, typically), turning the short-form
 * intrinsic tags (`!Ref X`, `!GetAtt A.B`, `!Sub [...]`, ...) into their JSON form
 * (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`, `{"Fn::Sub": [...]}`, ...).
 *
 * YAML 1.1 merge keys (`<<: *defaults`) are merged, as `aws cloudformation package` and `sam deploy`
 * do (keys written beside the merge win; of several merged maps the earlier wins), and a note says
 * so: CloudFormation itself may refuse a template that uses them.
 *
 * @param text the YAML source
 * @param notes where a note on merge keys is added, when the document has them
 * @returns the plain JSON-like value
 * @throws YamlError with a one-line message when the text is not valid YAML
 * @throws YamlLimitError when its aliases expand it past MAX_EXPANDED_CHARACTERS
 */
export function parseCfnYaml(text: string, notes?: string[]): unknown {
  const doc = yaml().parseDocument(text, { customTags: tags(), prettyErrors: false, strict: false, merge: true });
  if (doc.errors.length > 0) {
    throw new YamlError(describeYamlError(doc.errors[0], text));
  }
  // Aliases (`*name`) can make a small file stand for gigabytes: bound what it expands to.
  if (text.includes('*') && text.includes('&') && expandedLength(doc, text.length, MAX_EXPANDED_CHARACTERS) > MAX_EXPANDED_CHARACTERS) {
    throw new YamlLimitError(`its YAML aliases expand it to more than ${MAX_EXPANDED_CHARACTERS / 1024 / 1024} Mi characters `
      + '(each alias counted as the text it names), more than the checker reads.');
  }
  if (notes && text.includes('<<') && hasMergeKey(doc)) {
    notes.push('YAML merge keys (<<) were merged, as aws cloudformation package and sam deploy do; a direct CloudFormation deploy may refuse them.');
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new YamlError(e instanceof Error ? firstLine(e.message) : String(e));
  }
}

/** Whether a document has a merge key (`<<`) anywhere. */
function hasMergeKey(doc: YAML.Document): boolean {
  const { isScalar, visit } = yaml();
  let found = false;
  visit(doc, {
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.source === '<<') {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The offset of each logical id under the top-level `Resources` of a YAML template (block or flow
 * style), from the parsed document: a `Resources` key nested anywhere else (in `Metadata`, say)
 * is not the template's.
 *
 * @param text the YAML source (already known to parse)
 */
export function yamlResourceOffsets(text: string): Map<string, number> {
  const { isMap, isScalar } = yaml();
  const offsets = new Map<string, number>();
  const doc = yaml().parseDocument(text, { customTags: tags(), prettyErrors: false, strict: false });
  const root = doc.contents;
  if (!isMap(root)) return offsets;
  const resources = root.items.find((p) => isScalar(p.key) && p.key.value === 'Resources')?.value;
  if (!isMap(resources)) return offsets;
  for (const item of resources.items) {
    if (isScalar(item.key) && item.key.range) offsets.set(String(item.key.value), item.key.range[0]);
  }
  return offsets;
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
