import { Client, readClient } from './client';
import { describeConditions } from './parameters';
import { ResourceLookup } from './shapes';
import { intrinsicName, isPlainObject } from './values';

/**
 * The branches of `Fn::If` conditions.
 *
 * `Fn::If [Cond, A, B]` with literal branches is checked branch by branch: the properties are
 * checked once with every condition unresolved (what holds whatever the conditions are), then once
 * per condition and branch, with that condition's `Fn::If`s replaced by the branch (everywhere in
 * the properties, so one condition is always read consistently) and the other conditions still
 * unresolved. A finding of such a variant holds whenever the condition has that value. Conditions
 * nested in a branch are explored under that branch ("when A is true and B is false").
 *
 * A variant re-reads only the top-level properties that hold the condition, and re-runs only the
 * rules that read one of them (the engine records what each rule reads), so its cost is that of
 * those properties, not of the whole client. The bounds below are the engine's; each one, when
 * reached, is reported as a `client-not-checkable` finding naming what was not checked.
 */

/** One condition with the value it is given. */
export interface Branch {
  readonly condition: string;
  readonly value: boolean;
}

/** Values nested deeper than this are not looked into for `Fn::If` (reported when reached). */
export const MAX_DEPTH = 128;
/** Conditions nested in branches are explored this deep (reported when reached). */
export const MAX_NESTING = 16;
/**
 * The work a client's branches may take, in values read: this many times the size of its
 * properties (counted in values: every object, list, string, number and boolean, a string one more
 * per 16 characters), plus `BRANCH_WORK_BASE`. Each branch of a condition costs the size of the
 * top-level properties that hold the condition (read again, with the rules that read them), one
 * per top-level property, and `BRANCH_COST`; when a rule that reads every property runs again, the
 * size of all of them. Branches are checked cheapest condition first; those past the bound are
 * reported.
 */
export const BRANCH_WORK_FACTOR = 4;
export const BRANCH_WORK_BASE = 1_000_000;
export const BRANCH_COST = 64;

/**
 * The walks below remember the objects they met (a value shared by YAML aliases, or a cycle in
 * objects given in code, is then walked once), but only at every `REMEMBER_EVERY`th level: a shared
 * value then costs at most its fan-out over that many levels again, and a cycle still meets a
 * remembered level, while the common template, a tree, pays for few set operations. On the
 * 100,000-item benchmark row (bench/conditions.js), remembering every object cost 161 ms of a 910 ms
 * check (profiled, machine under load); see docs/performance.md.
 */
const REMEMBER_EVERY = 4;
const remembered = (depth: number) => depth % REMEMBER_EVERY === 0;

/** Set when a walk met a value nested deeper than MAX_DEPTH (the caller reports it). */
export interface DepthFlag {
  tooDeep: boolean;
}

/** `[condition, a, b]` when `v` is a well-formed `Fn::If`. */
function ifArgs(v: unknown): [string, unknown, unknown] | undefined {
  if (intrinsicName(v) !== 'Fn::If') return undefined;
  const a = (v as { [key: string]: unknown })['Fn::If'];
  return Array.isArray(a) && a.length === 3 && typeof a[0] === 'string' ? [a[0], a[1], a[2]] : undefined;
}

/** Whether `v` is an object or list with something in it (what a depth bound leaves unread). */
function hasContent(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  for (const _key in v) return true;
  return false;
}

/** The conditions of the `Fn::If`s not inside a branch of another `Fn::If`, in order of appearance. */
export function outerConditions(v: unknown, into: string[] = [], depth = 0, flag?: DepthFlag, seen = new Set<string>(),
  visited = new Set<object>()): string[] {
  if (typeof v !== 'object' || v === null) return into;
  if (depth > MAX_DEPTH) {
    if (flag && hasContent(v)) flag.tooDeep = true;
    return into;
  }
  // each object once: a value reached twice (shared, or a cycle in objects given in code) adds nothing
  if (remembered(depth)) {
    if (visited.has(v)) return into;
    visited.add(v);
  }
  if (Array.isArray(v)) {
    for (const x of v) outerConditions(x, into, depth + 1, flag, seen, visited);
    return into;
  }
  const args = ifArgs(v);
  if (args) {
    if (!seen.has(args[0])) {
      seen.add(args[0]);
      into.push(args[0]);
    }
    return into;
  }
  if (!isPlainObject(v)) return into;
  for (const key in v) outerConditions(v[key], into, depth + 1, flag, seen, visited);
  return into;
}

/**
 * Whether `v` holds an `Fn::If` (the walk of `outerConditions`, stopping at the first), or a value
 * nested deeper than MAX_DEPTH (whose `Fn::If`s would go unseen: the caller reports it): one scan
 * without allocation, so properties without conditions skip the branch checks.
 */
export function hasConditions(v: unknown, depth = 0, seen?: Set<object>): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (depth > MAX_DEPTH) return hasContent(v);
  if (Array.isArray(v)) return itemsHaveConditions(v, depth, seen);
  if ((v as { [key: string]: unknown })['Fn::If'] !== undefined && ifArgs(v)) return true;
  for (const key in v) {
    const x = (v as { [key: string]: unknown })[key];
    if (typeof x !== 'object' || x === null) continue;
    // Below the top level, each object is looked into once (a set only then: most clients are flat),
    // so a value shared, or reached again through a cycle in objects given in code, costs nothing more.
    if (remembered(depth + 1)) {
      seen ??= new Set<object>();
      if (seen.has(x)) continue;
      seen.add(x);
    }
    if (Array.isArray(x) ? itemsHaveConditions(x, depth + 1, seen) : hasConditions(x, depth + 1, seen)) return true;
  }
  return false;
}

/** `hasConditions` of a list at `depth`: only its object items are looked into, each once. */
function itemsHaveConditions(a: unknown[], depth: number, seen?: Set<object>): boolean {
  if (depth > MAX_DEPTH) return a.length > 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'object' || x === null) continue;
    if (remembered(depth + 1)) {
      seen ??= new Set<object>();
      if (seen.has(x)) continue;
      seen.add(x);
    }
    if (hasConditions(x, depth + 1, seen)) return true;
  }
  return false;
}

/**
 * What one value holds: every condition of its `Fn::If`s (nested ones too), and its size in values
 * (a string counts one more per 16 characters: the rules read URLs character by character).
 */
export interface ValueScan {
  readonly conditions: ReadonlySet<string>;
  /** The conditions of the `Fn::If`s not inside a branch of another, in order of appearance (`outerConditions`). */
  readonly outer: ReadonlyArray<string>;
  readonly size: number;
  readonly tooDeep: boolean;
}

/** Scans one value (a top-level property at `depth` 1) once. */
export function scanValue(v: unknown, depth = 1): ValueScan {
  const conditions = new Set<string>();
  const outer: string[] = [];
  const flag: DepthFlag = { tooDeep: false };
  // Each object is walked once (twice at most: in a branch, then outside one), and its size is
  // counted every time it is reached (a value shared by YAML aliases is read that often by the
  // rules; a cycle in objects given in code counts once).
  const sizes = new Map<object, number>();
  const outside = new Set<object>();
  const walk = (x: unknown, d: number, inBranch: boolean): number => {
    if (typeof x !== 'object' || x === null) return typeof x === 'string' ? 1 + Math.floor(x.length / 16) : 1;
    if (d > MAX_DEPTH) {
      if (hasContent(x)) flag.tooDeep = true;
      return 1;
    }
    const remember = remembered(d);
    const known = remember ? sizes.get(x) : undefined;
    if (known !== undefined && (inBranch || outside.has(x))) return known;
    if (remember) {
      sizes.set(x, known ?? 1); // reached again through a cycle: counted once
      if (!inBranch) outside.add(x);
    }
    let size = 1;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) size += walk(x[i], d + 1, inBranch);
    } else if (isPlainObject(x)) {
      const args = ifArgs(x);
      if (args) {
        if (!inBranch && !conditions.has(args[0])) outer.push(args[0]);
        conditions.add(args[0]);
      }
      for (const key in x) size += walk(x[key], d + 1, inBranch || args !== undefined);
    }
    if (remember) sizes.set(x, size);
    return size;
  };
  const size = walk(v, depth, false);
  return { conditions, outer, size, tooDeep: flag.tooDeep };
}

/**
 * `v` with every `Fn::If` on `condition` replaced by its branch for `value` (other values are shared,
 * never modified). Each object is substituted once (`memo`), so a value shared, or reached again
 * through a cycle in objects given in code, costs nothing more and stays shared.
 */
export function substitute(v: unknown, condition: string, value: boolean, depth = 0, flag?: DepthFlag,
  memo = new Map<object, unknown>()): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (depth > MAX_DEPTH) {
    if (flag && hasContent(v)) flag.tooDeep = true;
    return v;
  }
  const args = ifArgs(v);
  // (an Fn::If on the condition is not kept in memo: replacing it costs one step, and most items
  // of a conditional list are such Fn::Ifs; an Fn::If that is its own branch stops at MAX_DEPTH)
  if (args && args[0] === condition) return substitute(value ? args[1] : args[2], condition, value, depth + 1, flag, memo);
  if (memo.has(v)) return memo.get(v);
  memo.set(v, v); // a cycle reads the value as it is
  let out: unknown = v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = substitute(v[i], condition, value, depth + 1, flag, memo);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    out = copy ?? v;
  } else if (isPlainObject(v)) {
    let copy: { [key: string]: unknown } | undefined;
    for (const key in v) {
      const x = substitute(v[key], condition, value, depth + 1, flag, memo);
      if (x !== v[key]) (copy ??= { ...v })[key] = x;
    }
    out = copy ?? v;
  }
  memo.set(v, out);
  return out;
}

/** "when IsProd is false", "when A is true and B is false". */
export function describeBranches(when: ReadonlyArray<Branch>): string {
  // (a parameter's value, read as conditions in parameters.ts, is said once: "parameter Stage is "prod"")
  return `when ${describeConditions(when)}`;
}

/**
 * The fields of `Client` that each top-level property gives, where they are not just the property
 * itself (see `readClient`). A field not listed here, nor a property name, is read from every
 * property (a field added later): a rule that reads it is re-run for every branch.
 */
const FIELDS_OF: { readonly [property: string]: ReadonlyArray<keyof Client> } = {
  TokenValidityUnits: ['TokenValidityUnits', 'Units'],
  RefreshTokenRotation: ['RefreshTokenRotation', 'Feature', 'RetryGracePeriodSeconds'],
  AnalyticsConfiguration: ['AnalyticsConfiguration', 'Analytics'],
  GenerateSecret: ['GenerateSecret', 'hasSecret'],
  ClientSecret: ['ClientSecret', 'hasSecret'],
};
/** Properties read together by `readClient` (one field comes from both). */
const COMPANIONS: { readonly [property: string]: string } = { GenerateSecret: 'ClientSecret', ClientSecret: 'GenerateSecret' };

/**
 * Values the rules' helpers keep on a client once worked out (`urlEntries` in urls.ts), with the
 * properties they come from: a branch that changes one of these properties drops the value.
 */
const CACHES: { readonly [field: string]: ReadonlyArray<string> } = {
  urlEntries: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
};

/**
 * What a rule reads when it reads `Client.problems` or `Client.unchecked`: what was found of every
 * property, which changes with any branch (the rule runs again for each) but costs only its own
 * number to read.
 */
export const PROBLEMS = '(problems)';

/** The `Client` fields that list what was found of each property, by path (see `PROBLEMS`). */
const PATHED = ['problems', 'unchecked'] as const;

/**
 * The top-level properties a `Client` field (or a value kept on the client, `CACHES`) comes from;
 * undefined for "every property".
 */
export const PROPERTIES_OF_FIELD: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const m = new Map<string, string[]>();
  const plain: ReadonlyArray<keyof Client> = [
    'ClientName', 'UserPoolId', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'AuthSessionValidity',
    'ExplicitAuthFlows', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient', 'CallbackURLs', 'LogoutURLs',
    'DefaultRedirectURI', 'SupportedIdentityProviders', 'ReadAttributes', 'WriteAttributes', 'PreventUserExistenceErrors',
    'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData',
  ];
  for (const f of plain) m.set(f, [f]);
  for (const property of Object.keys(FIELDS_OF)) {
    for (const f of FIELDS_OF[property]) m.set(f, [...(m.get(f) ?? []), property]);
  }
  for (const field of Object.keys(CACHES)) m.set(field, [...CACHES[field]]);
  for (const f of PATHED) m.set(f, [PROBLEMS]);
  return m;
})();

/** The top-level property a problem's path is under (`CallbackURLs[2]` → `CallbackURLs`). */
function propertyOfPath(path: string): string {
  const m = /^[^.[]*/.exec(path);
  return m ? m[0] : path;
}

/**
 * The `Client` of `properties`, which differ from the properties `base` was read from only in the
 * top-level properties `changed`: only those are read again (readClient of the changed properties
 * alone), the other fields are the base's. Equal to `readClient(properties, lookup)`.
 */
export function variantClient(base: Client, properties: { [key: string]: unknown }, changed: Iterable<string>,
  lookup?: ResourceLookup): Client {
  const keys = new Set<string>();
  for (const k of changed) {
    keys.add(k);
    const companion = COMPANIONS[k];
    if (companion !== undefined) keys.add(companion);
  }
  const sub: { [key: string]: unknown } = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(properties, k)) sub[k] = properties[k];
  const partial = readClient(sub, lookup);
  // The base's fields, and the values kept on it that no changed property gives (any other is
  // worked out again when a rule asks for it).
  const out = {} as { -readonly [K in keyof Client]: Client[K] };
  for (const f in base) {
    const from = CACHES[f];
    if (from === undefined ? PROPERTIES_OF_FIELD.has(f) : !from.some((k) => keys.has(k))) {
      (out as { [field: string]: unknown })[f] = (base as unknown as { [field: string]: unknown })[f];
    }
  }
  const set = <K extends keyof Client>(f: K) => { out[f] = partial[f]; };
  for (const k of keys) {
    const fields = FIELDS_OF[k];
    if (fields) for (const f of fields) set(f);
    else if (PROPERTIES_OF_FIELD.has(k)) set(k as keyof Client);
  }
  for (const f of PATHED) {
    const before: ReadonlyArray<{ readonly path: string }> = base[f];
    let found: Array<{ readonly path: string }> | undefined;
    for (const p of before) if (!keys.has(propertyOfPath(p.path))) (found ??= []).push(p);
    for (const p of partial[f]) (found ??= []).push(p);
    (out as { [field: string]: unknown })[f] = found ?? (before.length === 0 ? before : []);
  }
  return out;
}
