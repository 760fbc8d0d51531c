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
 */

/** One condition with the value it is given. */
export interface Branch {
  readonly condition: string;
  readonly value: boolean;
}

/** One variant of the properties: the branches taken, and the properties with those `Fn::If`s replaced. */
export interface Variant {
  readonly when: ReadonlyArray<Branch>;
  readonly properties: unknown;
}

/** Values nested deeper than this are not looked into (no real template comes close). */
const MAX_DEPTH = 32;
/** Conditions nested in branches are explored this deep. */
const MAX_NESTING = 3;
/** At most this many variants per client. */
const MAX_VARIANTS = 64;

/** `[condition, a, b]` when `v` is a well-formed `Fn::If`. */
function ifArgs(v: unknown): [string, unknown, unknown] | undefined {
  if (intrinsicName(v) !== 'Fn::If') return undefined;
  const a = (v as { [key: string]: unknown })['Fn::If'];
  return Array.isArray(a) && a.length === 3 && typeof a[0] === 'string' ? [a[0], a[1], a[2]] : undefined;
}

/** The conditions of the `Fn::If`s not inside a branch of another `Fn::If`, in order of appearance. */
export function outerConditions(v: unknown, into: string[] = [], depth = 0, seen = new Set<object>()): string[] {
  if (depth > MAX_DEPTH || typeof v !== 'object' || v === null) return into;
  // each object once: a value reached twice (shared, or a cycle in objects given in code) adds nothing
  if (seen.has(v)) return into;
  seen.add(v);
  if (Array.isArray(v)) {
    for (const x of v) outerConditions(x, into, depth + 1, seen);
    return into;
  }
  const args = ifArgs(v);
  if (args) {
    if (!into.includes(args[0])) into.push(args[0]);
    return into;
  }
  if (!isPlainObject(v)) return into;
  for (const key in v) outerConditions(v[key], into, depth + 1, seen);
  return into;
}

/**
 * Whether `v` holds an `Fn::If` that `outerConditions` would find (the same walk, stopping at the
 * first): one scan without allocation, so properties without conditions skip `variantsOf`.
 */
export function hasConditions(v: unknown, depth = 0, seen?: Set<object>): boolean {
  if (depth > MAX_DEPTH || typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return itemsHaveConditions(v, depth, seen);
  if ((v as { [key: string]: unknown })['Fn::If'] !== undefined && ifArgs(v)) return true;
  for (const key in v) {
    const x = (v as { [key: string]: unknown })[key];
    if (typeof x !== 'object' || x === null) continue;
    // Below the top level, each object is looked into once (a set only then: most clients are flat),
    // so a value shared or reached again through a cycle costs nothing more.
    const s = seen ?? new Set<object>();
    if (s.has(x)) continue;
    s.add(x);
    if (Array.isArray(x) ? itemsHaveConditions(x, depth + 1, s) : hasConditions(x, depth + 1, s)) return true;
    seen = s;
  }
  return false;
}

/** `hasConditions` of a list at `depth`: only its object items are looked into. */
function itemsHaveConditions(a: unknown[], depth: number, seen?: Set<object>): boolean {
  if (depth > MAX_DEPTH) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'object' || x === null) continue;
    const s = seen ?? new Set<object>();
    if (s.has(x)) continue;
    s.add(x);
    seen = s;
    if (hasConditions(x, depth + 1, s)) return true;
  }
  return false;
}

/**
 * `v` with every `Fn::If` on `condition` replaced by its branch for `value` (other values are shared,
 * never modified). Each object is substituted once (`memo`), so a value shared, or reached again
 * through a cycle in objects given in code, costs nothing more and stays shared.
 */
export function substitute(v: unknown, condition: string, value: boolean, depth = 0, memo = new Map<object, unknown>()): unknown {
  if (depth > MAX_DEPTH || typeof v !== 'object' || v === null) return v;
  if (memo.has(v)) return memo.get(v);
  memo.set(v, v); // a cycle reads the value as it is
  const args = ifArgs(v);
  let out: unknown = v;
  if (args && args[0] === condition) {
    out = substitute(value ? args[1] : args[2], condition, value, depth + 1, memo);
  } else if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = substitute(v[i], condition, value, depth + 1, memo);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    out = copy ?? v;
  } else if (isPlainObject(v)) {
    let copy: { [key: string]: unknown } | undefined;
    for (const key in v) {
      const x = substitute(v[key], condition, value, depth + 1, memo);
      if (x !== v[key]) (copy ??= { ...v })[key] = x;
    }
    out = copy ?? v;
  }
  memo.set(v, out);
  return out;
}

/** Every variant to check besides the properties as written, in a stable order; empty when there is no `Fn::If`. */
export function variantsOf(properties: unknown): Variant[] {
  const out: Variant[] = [];
  const explore = (p: unknown, when: Branch[], conditions: string[], nesting: number) => {
    for (const condition of conditions) {
      for (const value of [true, false]) {
        if (out.length >= MAX_VARIANTS) return;
        const q = substitute(p, condition, value);
        const branch = [...when, { condition, value }];
        out.push({ when: branch, properties: q });
        if (nesting < MAX_NESTING) {
          // Conditions that were inside the branch taken, now exposed.
          const exposed = outerConditions(q).filter((c) => !conditions.includes(c) && !when.some((b) => b.condition === c));
          if (exposed.length) explore(q, branch, exposed, nesting + 1);
        }
      }
    }
  };
  const top = outerConditions(properties);
  if (top.length) explore(properties, [], top, 1);
  return out;
}

/** "when IsProd is false", "when A is true and B is false". */
export function describeBranches(when: ReadonlyArray<Branch>): string {
  return `when ${when.map((b) => `${b.condition} is ${b.value}`).join(' and ')}`;
}
