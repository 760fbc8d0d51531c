import { ResourceLookup, Shaped, getAttArgs, shapedAttribute } from './shapes';
import { OPEN, isSingleValuedForm, reduceSingleValued } from './single-valued';

/**
 * Reading CloudFormation-shaped values.
 *
 * Every property of a client is reduced once, before any rule runs, to one of:
 * - `undefined`: absent (also `{ "Ref": "AWS::NoValue" }`);
 * - a literal (`string`, `number`, `boolean`, a `List` or a `Fields` object);
 * - `UNKNOWN`: present, but its value is decided at deploy time (an intrinsic, a CDK token),
 *   or ill-typed (reported once as `property-type`, then treated as unknown, never as absent);
 * - `MAYBE`: unknown, and possibly absent (`Fn::If`, which may yield `AWS::NoValue`);
 * - a `PartialString` string: literal fragments with unknown gaps (`Fn::Join`, `Fn::Sub`, a string
 *   with CDK tokens), so literal parts that already decide a check can be checked; a gap may be a
 *   `Shaped` part, an attribute whose shape CloudFormation documents (see shapes.ts).
 *
 * Rules only ever fail on what is certain, and skip whatever a resolution could satisfy.
 */

/** Present, value unknown. */
export const UNKNOWN: unique symbol = Symbol('unknown');
/** Value unknown, and may be absent. */
export const MAYBE: unique symbol = Symbol('maybe');
export type Unknown = typeof UNKNOWN | typeof MAYBE;

/** One part of a partial string: a literal fragment, an unknown gap (`null`), or a gap with a documented shape. */
export type Part = string | null | Shaped;

/** A string with unresolved gaps: `parts` holds literal fragments, `null` for each gap, a `Shaped` part for a documented attribute. */
export class PartialString {
  constructor(public readonly parts: ReadonlyArray<Part>) {}

  /** The literal text before the first gap. */
  public prefix(): string {
    const first = this.parts[0];
    return typeof first === 'string' ? first : '';
  }

  /** Every literal fragment. */
  public literals(): string[] {
    return this.parts.filter((p): p is string => typeof p === 'string');
  }

  /** The number of characters the literal fragments alone contribute. */
  public literalLength(): number {
    let n = 0;
    for (const p of this.parts) if (typeof p === 'string') n += p.length;
    return n;
  }

  /** A readable form, with `${…}` for each gap and `${Resource.Attribute}` for a shaped one. */
  public toString(): string {
    return this.parts.map((p) => (p === null ? '${…}' : p.toString())).join('');
  }
}

export type Str = string | PartialString | Unknown;
export type Int = number | Unknown;
export type Bool = boolean | Unknown;

/** A list of strings. `items` are in order; `certain` counts the items that surely exist. */
export interface List {
  readonly items: ReadonlyArray<Str>;
  /** The position of each item in the raw list (`AWS::NoValue` items are dropped). */
  readonly indexes: ReadonlyArray<number>;
  /** Items that surely exist (not an `Fn::If`, which may vanish). */
  readonly certain: number;
  /** Every item is a literal string. */
  readonly complete: boolean;
}

/** The JSON kinds of CloudFormation properties. */
export type Kind = 'string' | 'integer' | 'boolean' | 'list' | 'object';

/** A problem with a value's JSON type, reported as `property-type`. */
export interface TypeProblem {
  readonly path: string;
  readonly value: unknown;
  readonly expected: Kind;
}

/** 0, 1, 2, ...: the positions of list items when none was dropped (shared, never modified). */
const POSITIONS: ReadonlyArray<number> = Array.from({ length: 1024 }, (_, i) => i);

const STRING_TOKEN = /\$\{Token\[[a-zA-Z0-9:._-]+\]\}|-1\.\d{10,16}e\+289/g;
const LIST_TOKEN = /^#\{Token\[[a-zA-Z0-9:._-]+\]\}$/;
const INTEGER_STRING = /^-?\d+$/;
const DOUBLE_TOKEN_MARKER_BITS = -67174400; // 0xFBFF0000 as int32, aws-cdk-lib's number token marker
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** aws-cdk-lib encodes a number token as a NaN-like double with these marker bits. */
function isNumberToken(n: number): boolean {
  f64[0] = n;
  // eslint-disable-next-line no-bitwise
  return (u32[1] & 0xffff0000) === DOUBLE_TOKEN_MARKER_BITS;
}

export function isPlainObject(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ "Ref": … }` or `{ "Fn::…": … }`: the name of the intrinsic, or undefined. */
export function intrinsicName(v: unknown): string | undefined {
  if (!isPlainObject(v)) return undefined;
  let name: string | undefined;
  for (const key in v) {
    if (name !== undefined) return undefined; // more than one key
    name = key;
  }
  if (name === 'Ref' || (name !== undefined && name.startsWith('Fn::'))) return name;
  return undefined;
}

/** An object CDK would resolve (`IResolvable`). */
function isResolvable(v: unknown): boolean {
  return isPlainObjectLike(v) && typeof (v as { resolve?: unknown }).resolve === 'function';
}

function isPlainObjectLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/** `{ "Ref": "AWS::NoValue" }`: the property is absent. */
export function isNoValue(v: unknown): boolean {
  return isPlainObject(v) && v.Ref === 'AWS::NoValue';
}

/**
 * Whether a string holds a CDK token marker (`${Token[…]}`, or a number token's `…e+289`). Every
 * string value of every client is asked, so the rare characters `[` and `+` are looked for first
 * (a one-character search is much cheaper than a search for a word).
 */
function hasTokenMarker(s: string): boolean {
  return (s.indexOf('[') >= 0 && s.includes('Token[')) || (s.indexOf('+') >= 0 && s.includes('e+289'));
}

/** A string without CDK token markers. */
function isPlainString(s: unknown): boolean {
  return typeof s === 'string' && !hasTokenMarker(s);
}

/** Splits a string holding CDK tokens into literal fragments and gaps. */
function tokenizedString(s: string): Str {
  if (!hasTokenMarker(s)) return s;
  STRING_TOKEN.lastIndex = 0;
  if (!STRING_TOKEN.test(s)) return s;
  const parts: Array<string | null> = [];
  let rest = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let m = STRING_TOKEN.exec(s); m; m = STRING_TOKEN.exec(s)) {
    if (m.index > rest) parts.push(s.slice(rest, m.index));
    parts.push(null);
    rest = STRING_TOKEN.lastIndex;
  }
  if (rest < s.length) parts.push(s.slice(rest));
  return new PartialString(parts);
}

/** Joins fragments into the simplest form: a literal string when there is no gap. */
function fromParts(parts: Part[], env: Env): Str {
  const merged: Part[] = [];
  let length = 0;
  for (const p of parts) {
    const last = merged.length ? merged[merged.length - 1] : undefined;
    if (p === null) {
      if (last !== null || merged.length === 0) merged.push(null);
    } else if (p instanceof Shaped) {
      merged.push(p);
    } else if (p === '') {
      continue;
    } else if (typeof last === 'string') {
      length += p.length;
      merged[merged.length - 1] = last + p;
    } else {
      length += p.length;
      merged.push(p);
    }
  }
  // Every string built counts against the value's budget (a value that repeats itself doubles at each level).
  env.chars -= length;
  if (env.chars < 0) return overBudget(env);
  if (merged.every((p) => typeof p === 'string')) return merged.length ? (merged[0] as string) : '';
  return new PartialString(merged);
}

function pushStr(parts: Part[], s: Str): void {
  if (typeof s === 'string') parts.push(s);
  else if (s instanceof PartialString) parts.push(...s.parts);
  else parts.push(null);
}

/**
 * `Fn::Sub` with `${Var}` gaps (`${!Literal}` stays literal); variables given literally are
 * substituted, and `${Resource.Attribute}` of a documented attribute is read as its shape.
 */
function subString(v: unknown, depth: number, env: Env): Str {
  let template: unknown = v;
  let vars: { [key: string]: unknown } = {};
  if (Array.isArray(v)) {
    template = v[0];
    if (isPlainObject(v[1])) vars = v[1];
  }
  if (typeof template !== 'string') return UNKNOWN;
  const parts: Part[] = [];
  const re = /\$\{([^}]*)\}/g;
  let rest = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > rest) parts.push(template.slice(rest, m.index));
    const name = m[1];
    if (name.startsWith('!')) {
      parts.push('${' + name.slice(1) + '}');
    } else if (Object.prototype.hasOwnProperty.call(vars, name)) {
      const value = vars[name];
      pushStr(parts, typeof value === 'string' ? tokenizedString(value) : intrinsicString(value, depth + 1, env));
    } else {
      const dot = name.indexOf('.');
      parts.push((dot > 0 ? shapedAttribute(name.slice(0, dot), name.slice(dot + 1), env.lookup) : undefined) ?? null);
    }
    rest = re.lastIndex;
  }
  if (rest < template.length) parts.push(template.slice(rest));
  return fromParts(parts, env);
}

/** `Fn::Join` of literal and unresolved items (the list may itself be an intrinsic with one value, such as `Fn::Split`). */
function joinString(v: unknown, depth: number, env: Env): Str {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string') return UNKNOWN;
  const delimiter = v[0];
  const items = Array.isArray(v[1]) ? v[1] : intrinsicName(v[1]) !== undefined ? rawList(v[1], depth + 1, env) : undefined;
  if (items === undefined) return UNKNOWN;
  env.work -= items.length;
  if (env.work < 0) return overBudget(env);
  const parts: Part[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const name = intrinsicName(item);
    // An item that may vanish also takes its delimiter with it.
    if ((name === 'Fn::If' || name === 'Fn::Split' || isNoValue(item)) && delimiter !== '') return UNKNOWN;
    if (i > 0) parts.push(delimiter);
    if (typeof item === 'string') pushStr(parts, tokenizedString(item));
    else pushStr(parts, intrinsicString(item, depth + 1, env));
  }
  return fromParts(parts, env);
}

/** Intrinsics nested deeper than this (the outermost is at 0, so 17 levels are read) are not read into (no real template comes close): said in a `client-not-checkable` finding. */
const MAX_DEPTH = 16;
/** The intrinsics and list items one value may take to read (a real value takes a few dozen). */
const MAX_WORK = 20_000;
/** The characters one value's intrinsics may build: CloudFormation reads templates of at most 1 MB. */
const MAX_CHARS = 1_048_576;

/**
 * The reading of one value's intrinsics: the template it may look into, and the work it may still
 * take. Made only for a value that is an intrinsic (never for a literal).
 */
interface Env {
  readonly lookup: ResourceLookup | undefined;
  work: number;
  chars: number;
  /** Why the value was not read to the end, when a bound was reached (reported, never silent). */
  bound: 'deep' | 'large' | undefined;
}

function overBudget(env: Env): typeof UNKNOWN {
  env.bound ??= 'large';
  return UNKNOWN;
}

/**
 * What an intrinsic (or a raw value inside one) yields, as far as it is known: a string value, or a
 * raw list (`Fn::Split`, a list in a mapping, a literal list).
 */
function intrinsicValue(v: unknown, depth: number, env: Env): Str | ReadonlyArray<unknown> {
  if (typeof v === 'string') return tokenizedString(v);
  if (typeof v === 'number') return isNumberToken(v) ? UNKNOWN : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v;
  const name = intrinsicName(v);
  if (name === undefined) return UNKNOWN;
  if (depth > MAX_DEPTH) {
    env.bound ??= 'deep';
    return UNKNOWN;
  }
  if (--env.work < 0) return overBudget(env);
  const arg = (v as { [key: string]: unknown })[name];
  if (name === 'Fn::Join') return joinString(arg, depth, env);
  if (name === 'Fn::Sub') return subString(arg, depth, env);
  if (name === 'Fn::If') return MAYBE;
  if (name === 'Fn::GetAtt') {
    const a = getAttArgs(arg);
    const shaped = a && shapedAttribute(a[0], a[1], env.lookup);
    if (shaped) return new PartialString([shaped]);
    return UNKNOWN;
  }
  if (isSingleValuedForm(name)) {
    const raw = reduceSingleValued(name, arg, {
      mappings: env.lookup?.mappings,
      text: (x) => {
        const r = intrinsicValue(x, depth + 1, env);
        return typeof r === 'string' ? r : undefined;
      },
      list: (x) => rawList(x, depth + 1, env),
    });
    return raw === OPEN ? UNKNOWN : intrinsicValue(raw, depth + 1, env);
  }
  return UNKNOWN;
}

/** The raw list a value surely is (not a CDK list token), or undefined. */
function rawList(v: unknown, depth: number, env: Env): ReadonlyArray<unknown> | undefined {
  const r = Array.isArray(v) ? v : intrinsicValue(v, depth, env);
  if (!Array.isArray(r)) return undefined;
  return isListToken(r) ? undefined : r;
}

/** The string an intrinsic yields, as far as it is known (a list where a string belongs is left unresolved). */
function intrinsicString(v: unknown, depth: number, env: Env): Str {
  const r = intrinsicValue(v, depth, env);
  return Array.isArray(r) ? UNKNOWN : r as Str;
}

/** A CDK list token: `["#{Token[…]}"]` (its first character is looked at before the pattern runs). */
function isListToken(v: ReadonlyArray<unknown>): boolean {
  return v.length === 1 && typeof v[0] === 'string' && v[0].charCodeAt(0) === 0x23 && LIST_TOKEN.test(v[0]);
}

/** A value of the client that was not read to the end, with why: reported as `client-not-checkable`. */
export interface Unchecked {
  readonly path: string;
  readonly value: unknown;
  readonly why: string;
}

const BOUND_WHY = {
  deep: `its intrinsic functions are nested more than ${MAX_DEPTH + 1} deep (or refer to themselves), so it was not read to the end; the rules that need its value were skipped.`,
  large: `reading its intrinsic functions would take more than ${MAX_WORK} steps or build more than ${MAX_CHARS} characters (a value that repeats or refers to itself), so it was not read to the end; the rules that need its value were skipped.`,
};

/**
 * Reads the properties of one client. Collects `property-type` problems as it goes;
 * everything else is left to the rules.
 */
export class Reader {
  // One Reader is made per client: fields declared only, set by the constructor (see Context in template-index.ts).
  /** The problems found (none is the common case: no array is allocated then). */
  declare public problems: TypeProblem[] | undefined;
  /** The values not read to the end (a bound was reached): none is the common case. */
  declare public unchecked: Unchecked[] | undefined;
  declare private readonly lookup: ResourceLookup | undefined;

  /** @param lookup the template's resources (and Mappings), for attributes whose shape is documented (none: all unknown) */
  constructor(lookup?: ResourceLookup) {
    this.problems = undefined;
    this.unchecked = undefined;
    this.lookup = lookup;
  }

  private problem(path: string, value: unknown, expected: Kind): typeof UNKNOWN {
    (this.problems ??= []).push({ path, value, expected });
    return UNKNOWN;
  }

  /**
   * What an intrinsic yields (a string value or a raw list), read within the bounds; a bound that is
   * reached is recorded for `client-not-checkable`. Only intrinsics come here, never literals.
   */
  private evaluate(v: unknown, path: string, index?: number): Str | ReadonlyArray<unknown> {
    const env: Env = { lookup: this.lookup, work: MAX_WORK, chars: MAX_CHARS, bound: undefined };
    const r = intrinsicValue(v, 0, env);
    if (env.bound !== undefined) {
      (this.unchecked ??= []).push({ path: index === undefined ? path : `${path}[${index}]`, value: v, why: BOUND_WHY[env.bound] });
      return UNKNOWN;
    }
    return r;
  }

  /** An unresolved value: MAYBE for a value that may vanish, UNKNOWN otherwise; undefined if resolved. */
  private unresolved(v: unknown): Unknown | undefined {
    if (typeof v === 'number') return isNumberToken(v) ? UNKNOWN : undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const name = intrinsicName(v);
    if (name === 'Fn::If') return MAYBE;
    if (name !== undefined) return UNKNOWN;
    if (isResolvable(v)) return UNKNOWN;
    return undefined;
  }

  /** `index` is the position in a list at `path`: the path string is only built for a problem. */
  public str(v: unknown, path: string, index?: number): Str | undefined {
    if (typeof v === 'string') return tokenizedString(v);
    if (v === undefined || isNoValue(v)) return undefined;
    const name = intrinsicName(v);
    if (name !== undefined) {
      if (name === 'Ref') return UNKNOWN; // the common case (UserPoolId): nothing to read, nothing allocated
      const r = this.evaluate(v, path, index);
      return Array.isArray(r) ? UNKNOWN : r as Str;
    }
    if (isResolvable(v)) return UNKNOWN;
    return this.problem(index === undefined ? path : `${path}[${index}]`, v, 'string');
  }

  public int(v: unknown, path: string): Int | undefined {
    if (v === undefined || isNoValue(v)) return undefined;
    if (typeof v === 'number') {
      if (isNumberToken(v)) return UNKNOWN;
      if (Number.isInteger(v)) return v;
      return this.problem(path, v, 'integer');
    }
    if (typeof v === 'string') {
      if (INTEGER_STRING.test(v)) return Number(v);
      if (tokenizedString(v) instanceof PartialString) return UNKNOWN;
      return this.problem(path, v, 'integer');
    }
    const single = this.singleValue(v, path);
    if (single !== undefined) return this.int(single, path);
    return this.unresolved(v) ?? this.problem(path, v, 'integer');
  }

  public bool(v: unknown, path: string): Bool | undefined {
    if (v === undefined || isNoValue(v)) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    if (typeof v === 'string' && tokenizedString(v) instanceof PartialString) return UNKNOWN;
    const single = this.singleValue(v, path);
    if (single !== undefined) return this.bool(single, path);
    return this.unresolved(v) ?? this.problem(path, v, 'boolean');
  }

  /** The literal string a single-valued intrinsic (`Fn::Select`, `Fn::FindInMap`, …) surely yields, or undefined. */
  private singleValue(v: unknown, path: string): string | undefined {
    const name = intrinsicName(v);
    if (name === undefined || name === 'Fn::If' || name === 'Ref') return undefined;
    const r = this.evaluate(v, path);
    return typeof r === 'string' ? r : undefined;
  }

  public list(v: unknown, path: string): List | Unknown | undefined {
    if (v === undefined || isNoValue(v)) return undefined;
    if (!Array.isArray(v)) {
      const name = intrinsicName(v);
      // A whole list given by an intrinsic with one value (`Fn::Split` of a literal, `Fn::FindInMap`): read as that list.
      if (name !== undefined && name !== 'Fn::If' && name !== 'Ref') {
        const r = this.evaluate(v, path);
        if (Array.isArray(r)) return this.list(r, path);
      }
      return this.unresolved(v) ?? this.problem(path, v, 'list');
    }
    // A list token is "#{Token[…]}": its first character is looked at before the pattern runs.
    if (v.length === 1 && typeof v[0] === 'string' && v[0].charCodeAt(0) === 0x23 && LIST_TOKEN.test(v[0])) return UNKNOWN;
    // The common case: plain literal strings. The raw array is used as it is (rules never modify it).
    let plain = v.length <= POSITIONS.length;
    for (let i = 0; plain && i < v.length; i++) plain = isPlainString(v[i]);
    if (plain) return { items: v, indexes: POSITIONS, certain: v.length, complete: true };
    const items: Str[] = [];
    // Positions are the identity unless an item is dropped: share one array for the common case.
    let indexes: number[] | undefined = v.length <= POSITIONS.length ? undefined : [];
    let certain = 0;
    let complete = true;
    for (let i = 0; i < v.length; i++) {
      const raw = v[i];
      const item = isNoValue(raw) ? undefined
        : raw === undefined || raw === null ? this.problem(`${path}[${i}]`, raw, 'string') : this.str(raw, path, i);
      if (item === undefined) {
        indexes ??= POSITIONS.slice(0, items.length);
        continue;
      }
      if (item !== MAYBE) certain++;
      if (typeof item !== 'string') complete = false;
      items.push(item);
      indexes?.push(i);
    }
    return { items, indexes: indexes ?? POSITIONS, certain, complete };
  }

  /** A nested object: the plain object, or UNKNOWN/MAYBE when unresolved or ill-typed. */
  public object(v: unknown, path: string): { [key: string]: unknown } | Unknown | undefined {
    if (v === undefined || isNoValue(v)) return undefined;
    const u = this.unresolved(v);
    if (u !== undefined) return u;
    // A macro (Fn::Transform) beside literal fields writes the object at deploy time.
    if (isPlainObject(v)) return Object.prototype.hasOwnProperty.call(v, 'Fn::Transform') ? UNKNOWN : v;
    return this.problem(path, v, 'object');
  }
}

// ----- small predicates the rules share -----

export function isUnknown(v: unknown): v is Unknown {
  return v === UNKNOWN || v === MAYBE;
}

/** The literal string, or undefined. */
export function literal(v: Str | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function isList(v: List | Unknown | undefined): v is List {
  return typeof v === 'object';
}

/** present(P) for a list: surely set and not empty. */
export function listPresent(v: List | Unknown | undefined): boolean {
  return isList(v) && v.certain > 0;
}

/** Surely absent or empty. */
export function listEmpty(v: List | Unknown | undefined): boolean {
  return v === undefined || (isList(v) && v.items.length === 0);
}

/** The list surely contains this literal value. */
export function listHas(v: List | Unknown | undefined, value: string): boolean {
  return isList(v) && v.items.includes(value);
}

/** The list surely does not contain this value (absent, or every item literal and none equal). */
export function listLacks(v: List | Unknown | undefined, value: string): boolean {
  return v === undefined || (isList(v) && v.complete && !v.items.includes(value));
}

/** Present, whatever its value (an unresolved value that cannot vanish counts). */
export function present(v: unknown): boolean {
  return v !== undefined && v !== MAYBE;
}

/** Values are shown up to this many characters; longer ones are cut, saying how long they are. */
const SHOW_MAX = 256;

/**
 * Characters that must never reach a terminal or a CI log raw: the C0 controls (a newline starts
 * a `::error` workflow command, ESC an escape sequence), DEL and the C1 controls (U+0085 is a
 * newline for some readers, U+009B starts an escape sequence), the line and paragraph separators,
 * the byte-order mark and the bidirectional controls (which reorder text).
 */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/**
 * Text with every control character (see CONTROL) written as a `\uXXXX` escape.
 *
 * @param text the text
 */
export function escapeControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/**
 * A string as a JSON string literal, with every control character escaped (C0 by JSON itself; DEL,
 * C1, separators, bidirectional controls and the byte-order mark as `\uXXXX` too): safe on one line
 * of a terminal or a CI log.
 *
 * @param s the string
 */
export function quote(s: string): string {
  return escapeControls(JSON.stringify(s));
}

/** A string shown in full, or its first SHOW_MAX characters with its true length. */
function showString(s: string): string {
  if (s.length <= SHOW_MAX) return quote(s);
  return `${quote(s.slice(0, SHOW_MAX))}... (${s.length} characters)`;
}

/**
 * A short, safe rendering of a value for messages: JSON (with `(unresolved)` for unknown values),
 * cut after 256 characters, saying so: a string states its length, a list its number of items.
 * The cost is bounded by what is shown, however large the value (only the items shown are read),
 * and it never throws, whatever the value (a getter or Proxy trap that throws shows as
 * `(unreadable)`).
 */
export function show(v: unknown): string {
  if (v === UNKNOWN || v === MAYBE) return '(unresolved)';
  if (v === undefined) return '(absent)';
  if (typeof v === 'string') return showString(v);
  try {
    if (v instanceof PartialString) return showPartial(v);
    if (isReadList(v)) return show(v.items);
    const out = new Shown();
    if (!out.value(v, '')) return `(${typeof v})`;
    const text = out.text.join('');
    if (!out.cut) return text;
    return `${text.slice(0, SHOW_MAX)}...${Array.isArray(v) ? ` (${v.length} items)` : ''}`;
  } catch {
    return '(unreadable)';
  }
}

/** A list read by `Reader.list` (not a raw array). */
function isReadList(v: unknown): v is List {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'items' in v && 'certain' in v && 'indexes' in v;
}

/** The text of a partial string (`${…}` for each gap), read only as far as it can be shown, and its true length. */
function partialText(p: PartialString): { text: string; length: number } {
  let text = '';
  let length = 0;
  for (const part of p.parts) {
    const s = part === null ? '${…}' : part.toString();
    length += s.length;
    if (text.length <= SHOW_MAX) text += s.slice(0, SHOW_MAX + 1 - text.length);
  }
  return { text, length };
}

/** A partial string, shown as a string is. */
function showPartial(p: PartialString): string {
  const { text, length } = partialText(p);
  return length <= SHOW_MAX ? quote(text) : `${quote(text.slice(0, SHOW_MAX))}... (${length} characters)`;
}

/**
 * JSON.stringify (with the value model's symbols and partial strings), stopping once more than
 * SHOW_MAX characters are written: a list of a million items costs what its first items cost.
 */
class Shown {
  public readonly text: string[] = [];
  public cut = false;
  private length = 0;

  private write(s: string): boolean {
    this.text.push(s);
    this.length += s.length;
    if (this.length > SHOW_MAX) this.cut = true;
    return !this.cut;
  }

  /** Writes one value; false when it is skipped (undefined, a function, a symbol), as JSON.stringify does. */
  public value(v: unknown, key: string): boolean {
    if (this.cut) return true;
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
    }
    if (v === UNKNOWN || v === MAYBE) {
      this.write('"(unresolved)"');
      return true;
    }
    if (v instanceof PartialString) {
      this.write(quote(partialText(v).text));
      return true;
    }
    switch (typeof v) {
      case 'string':
        // Only as much of the string as can still be shown is escaped.
        this.write(quote(v.length > SHOW_MAX ? v.slice(0, SHOW_MAX + 1) : v));
        return true;
      case 'number':
        this.write(Number.isFinite(v) ? String(v) : 'null');
        return true;
      case 'boolean':
        this.write(v ? 'true' : 'false');
        return true;
      case 'bigint':
        this.write(String(v));
        return true;
      case 'object':
        if (v === null) this.write('null');
        else if (Array.isArray(v)) this.list(v);
        else this.object(v as { [key: string]: unknown });
        return true;
      default:
        return false; // undefined, function, symbol
    }
  }

  private list(v: unknown[]): void {
    if (!this.write('[')) return;
    for (let i = 0; i < v.length; i++) {
      if (i > 0 && !this.write(',')) return;
      if (!this.value(v[i], String(i))) this.write('null');
      if (this.cut) return;
    }
    this.write(']');
  }

  private object(v: { [key: string]: unknown }): void {
    if (!this.write('{')) return;
    let first = true;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      const item = v[key];
      if (item === undefined || typeof item === 'function' || (typeof item === 'symbol' && item !== UNKNOWN && item !== MAYBE)) continue;
      if (!first && !this.write(',')) return;
      first = false;
      if (!this.write(`${quote(key.length > SHOW_MAX ? key.slice(0, SHOW_MAX + 1) : key)}:`)) return;
      this.value(item, key);
      if (this.cut) return;
    }
    this.write('}');
  }
}

/**
 * Length in Unicode code points, as the service's length constraints count: every UTF-16 unit but
 * the high surrogates. Always the true length, so that a message about a value past a limit states
 * how long the value really is.
 *
 * @param s the string
 */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * The length of `s` in code points (`codePoints`) when it is outside `min`..`max`; undefined when it
 * is within. The common case is decided without counting: a string of at most `max` units has at
 * most `max` code points, and one whose last unit is not a high surrogate has at least one.
 *
 * @param s the string
 * @param min the least length allowed
 * @param max the greatest length allowed
 */
export function lengthOutside(s: string, min: number, max: number): number | undefined {
  const units = s.length;
  if (units <= max && min <= 1 && units >= 1) {
    const last = s.charCodeAt(units - 1);
    if (last < 0xd800 || last > 0xdbff) return undefined;
  }
  const n = codePoints(s);
  return n < min || n > max ? n : undefined;
}

/** A value's JSON type, as a message says it ("a list", "an integer", "nothing"). */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number with a fraction';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
