import { isPlainObject } from './values';

/**
 * A template parameter with `AllowedValues` is a known, finite set of values: a `Ref` to it in a
 * client's properties is checked for each allowed value. It is written as a chain of `Fn::If`s on
 * conditions made here, one per value but the last (`Fn::If [P is a, a, Fn::If [P is b, b, c]]`),
 * which the branch checks of conditions.ts explore like the template's own conditions, reading the
 * parameter consistently wherever it is used; `conditionLabel` reads them back for messages
 * ("parameter Stage is "prod""). A parameter without `AllowedValues` is an open set: left as it is.
 * Only plain `String` and `Number` parameters are read (a list, or a value from SSM, is left).
 */

/** Starts the name of a condition made here (a template's condition names are alphanumeric). */
const MARK = '\u0001parameter ';
const MAX_DEPTH = 64;

/** What a made condition says: the parameter, its value when true, and when false (the last one only). */
interface ParameterCondition {
  readonly name: string;
  readonly value: string | number;
  readonly otherwise?: string | number;
}

function parse(condition: string): ParameterCondition | undefined {
  if (!condition.startsWith(MARK)) return undefined;
  try {
    const [name, value, otherwise] = JSON.parse(condition.slice(MARK.length));
    return { name, value, otherwise: otherwise ?? undefined };
  } catch {
    return undefined;
  }
}

/** How one condition's branch reads: a template's condition as `<name> is true|false`; a made one by the parameter's value. */
function conditionLabel(condition: string, value: boolean): { text: string; parameter?: string; not?: string } {
  const p = parse(condition);
  if (!p) return { text: `${condition} is ${value}` };
  if (value) return { text: `parameter ${p.name} is ${JSON.stringify(p.value)}`, parameter: p.name };
  if (p.otherwise !== undefined) return { text: `parameter ${p.name} is ${JSON.stringify(p.otherwise)}`, parameter: p.name };
  return { text: '', parameter: p.name, not: JSON.stringify(p.value) };
}

/**
 * The branches of conditions as a message says them: `A is true and B is false`, a parameter's value
 * once (`parameter Stage is "prod"`), or, where the branch only says what it is not, the values it is
 * not (`parameter Stage is none of "dev", "test"`).
 */
export function describeConditions(when: ReadonlyArray<{ readonly condition: string; readonly value: boolean }>): string {
  const labels = when.map((b) => conditionLabel(b.condition, b.value));
  const known = new Set(labels.filter((l) => l.parameter !== undefined && l.not === undefined).map((l) => l.parameter));
  const parts: string[] = [];
  const nots = new Map<string, string[]>();
  for (const l of labels) {
    if (l.not === undefined) {
      if (!parts.includes(l.text)) parts.push(l.text);
    } else if (!known.has(l.parameter)) {
      const list = nots.get(l.parameter!) ?? [];
      if (list.length === 0) parts.push(`\u0000${l.parameter}`);
      nots.set(l.parameter!, [...list, l.not]);
    }
  }
  return parts.map((t) => (t.startsWith('\u0000') ? `parameter ${t.slice(1)} is none of ${nots.get(t.slice(1))!.join(', ')}` : t)).join(' and ');
}

/** A condition's name as a list of conditions shows it (`parameter Stage`). */
export function conditionName(condition: string): string {
  const p = parse(condition);
  return p ? `parameter ${p.name}` : condition;
}

/** The value each parameter with AllowedValues becomes in a client's properties (see above), or undefined when none has them. */
export function allowedValueChains(template: unknown): Map<string, unknown> | undefined {
  const parameters = isPlainObject(template) ? (template as { [key: string]: unknown }).Parameters : undefined;
  if (!isPlainObject(parameters)) return undefined;
  let out: Map<string, unknown> | undefined;
  for (const name of Object.keys(parameters)) {
    const p = (parameters as { [key: string]: unknown })[name];
    if (!isPlainObject(p)) continue;
    const { Type: type, AllowedValues: allowed } = p as { [key: string]: unknown };
    if ((type !== 'String' && type !== 'Number') || !Array.isArray(allowed) || allowed.length === 0) continue;
    if (!allowed.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) continue;
    // a Number parameter's value is a number where it reads as one (CloudFormation converts it)
    const values = [...new Set(allowed.map((v) => (type === 'Number' && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v)))];
    let chain: unknown = values[values.length - 1];
    for (let i = values.length - 2; i >= 0; i--) {
      const last = i === values.length - 2 ? values[values.length - 1] : null;
      chain = { 'Fn::If': [`${MARK}${JSON.stringify([name, values[i], last])}`, values[i], chain] };
    }
    (out ??= new Map()).set(name, chain);
  }
  return out;
}

/** `properties` with each `Ref` to a parameter of `chains` replaced (other values shared, never modified). */
export function withAllowedValues(properties: unknown, chains: Map<string, unknown> | undefined): unknown {
  if (!chains) return properties;
  const memo = new Map<object, unknown>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return v;
    if (memo.has(v)) return memo.get(v);
    memo.set(v, v); // a cycle reads the value as it is
    let out: unknown = v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = walk(v[i], depth + 1);
        if (x !== v[i]) (copy ??= v.slice())[i] = x;
      }
      out = copy ?? v;
    } else if (isPlainObject(v)) {
      const o = v as { [key: string]: unknown };
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === 'Ref' && typeof o.Ref === 'string' && chains.has(o.Ref)) {
        out = chains.get(o.Ref);
      } else if (keys.length === 1 && keys[0] === 'Fn::Sub') {
        out = subWithChains(o['Fn::Sub'], chains) ?? v;
      } else {
        let copy: { [key: string]: unknown } | undefined;
        for (const key of keys) {
          const x = walk(o[key], depth + 1);
          if (x !== o[key]) (copy ??= { ...o })[key] = x;
        }
        out = copy ?? v;
      }
    }
    memo.set(v, out);
    return out;
  };
  return walk(properties, 0);
}

/**
 * An `Fn::Sub` naming a parameter of `chains` (`${Scheme}://app.example.org`), as the `Fn::Join` it
 * means, with the parameter's chain in its place and each other `${…}` left as an `Fn::Sub` of its
 * own; undefined when it names none (or is not a well-formed Sub).
 */
function subWithChains(sub: unknown, chains: Map<string, unknown>): unknown {
  let text: unknown = sub;
  let vars: { [key: string]: unknown } = {};
  if (Array.isArray(sub)) {
    if (sub.length !== 2 || !isPlainObject(sub[1])) return undefined;
    [text] = sub;
    vars = sub[1] as { [key: string]: unknown };
  }
  if (typeof text !== 'string') return undefined;
  const parts: unknown[] = [];
  let literal = '';
  let named = false;
  const re = /\$\{([^}]*)\}/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    literal += text.slice(at, m.index);
    at = m.index + m[0].length;
    const name = m[1];
    if (name.startsWith('!')) {
      literal += `\${${name.slice(1)}}`; // ${!Literal} is the text ${Literal}
    } else if (!Object.prototype.hasOwnProperty.call(vars, name) && chains.has(name)) {
      named = true;
      if (literal) parts.push(literal);
      literal = '';
      parts.push(chains.get(name));
    } else {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ 'Fn::Sub': Object.prototype.hasOwnProperty.call(vars, name) ? [m[0], { [name]: vars[name] }] : m[0] });
    }
  }
  literal += text.slice(at);
  if (!named) return undefined;
  if (literal) parts.push(literal);
  return { 'Fn::Join': ['', parts] };
}
