import { isPlainObject, show } from './values';
import { isCustomResourceType } from '../sdk-requests';
import { TemplateFinding } from '../template';
import { UNREADABLE_RULE } from '../unreadable';

/**
 * `Fn::ForEach` of the `AWS::LanguageExtensions` transform, expanded before the rules run, as
 * CloudFormation expands it at deploy time:
 *
 *   'Fn::ForEach::LoopName': [Identifier, Collection, { OutputKey: OutputValue }]
 *
 * in `Resources` (a loop makes resources), in a resource's properties (a loop makes properties) and
 * in `Conditions`, loops nested in loops too. In each output key and value, `${Identifier}` is the
 * item, `&{Identifier}` the item without its non-alphanumeric characters, and `{ "Ref": Identifier }`
 * the item. The collection is a literal list of strings, or a `Ref` to a `CommaDelimitedList`
 * parameter: with a literal `Default`, the loop is expanded for the default's items and a warning says
 * that other values are not checked; without one, the loop is not expanded.
 *
 * A loop that cannot be expanded (and may make clients) is one `client-not-checkable` finding on the
 * loop's key (or on the resource whose properties hold it), naming why: a skip nobody hears about is
 * a bypass. Only a template that declares the transform is expanded (CloudFormation refuses
 * `Fn::ForEach` without it).
 */

/** What expanding a template's loops gives. */
export interface LoopExpansion {
  /** The template with its loops expanded; the same object when it holds none. */
  readonly template: { [key: string]: any };
  /** A finding for each loop whose clients cannot all be seen. */
  readonly findings: TemplateFinding[];
  /** Resources not to check: a client or custom resource whose properties hold a loop not expanded. */
  readonly skip: ReadonlySet<string>;
  /** The top-level loop that made each resource made by one (where a report places its findings). */
  readonly origins: ReadonlyMap<string, string>;
}

const LOOP = 'Fn::ForEach::';
const TRANSFORM = 'AWS::LanguageExtensions';
const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
/** Resources that make clients or hold them unseen (unseen.ts reports the latter when they are visible). */
const HOLDERS = new Set([CLIENT_TYPE, 'AWS::CloudFormation::Stack', 'AWS::CloudFormation::StackSet', 'AWS::Serverless::Application']);
/** Values made by expansion, in all: a template of CloudFormation's size is far below. */
const MAX_WORK = 200_000;
/** How deep a value may nest. */
const MAX_DEPTH = 200;
const FIX = 'Write the loop\'s collection as a literal list (or give its CommaDelimitedList parameter a Default), or check the processed template of a change set with cognito-client-check.';

class LoopError extends Error {
  /** The loop that cannot be expanded, why, and what to show of it (its collection, when known). */
  constructor(readonly loop: string, readonly why: string, readonly shown?: unknown) {
    super(why);
  }
}

/** Whether the template declares the language extensions transform (a string or a list of them). */
export function usesLanguageExtensions(template: unknown): boolean {
  if (!isPlainObject(template)) return false;
  const t = template.Transform;
  const list: unknown[] = Array.isArray(t) ? t : [t];
  return list.some((x) => x === TRANSFORM || (isPlainObject(x) && x.Name === TRANSFORM));
}

/** Whether some key of Resources (or Conditions) is a loop. */
function hasLoops(section: unknown): boolean {
  return isPlainObject(section) && Object.keys(section).some((k) => k.startsWith(LOOP)) || (isPlainObject(section)
    && Object.values(section).some((r) => isPlainObject(r) && isPlainObject(r.Properties) && containsLoop(r.Properties)));
}

/** Whether a loop key is anywhere in a value: each object looked into once (a value may hold itself). */
function containsLoop(v: unknown, seen = new Set<object>(), depth = 0): boolean {
  if (typeof v !== 'object' || v === null || seen.has(v)) return false;
  if (depth > MAX_DEPTH || seen.size > MAX_WORK) return true; // let the expansion say why
  seen.add(v);
  if (Array.isArray(v)) return v.some((x) => containsLoop(x, seen, depth + 1));
  if (!isPlainObject(v)) return false;
  for (const k of Object.keys(v)) if (k.startsWith(LOOP) || containsLoop(v[k], seen, depth + 1)) return true;
  return false;
}

/** Sets an own property, whatever its name (`__proto__` too, as JSON.parse makes it). */
function define(o: { [key: string]: any }, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Expands the loops of a template that declares `AWS::LanguageExtensions`. Never throws a loop's
 * problem (it is a finding); a getter that throws while the template is read is left to the caller.
 */
export function expandLoops(template: { [key: string]: any }): LoopExpansion {
  const findings: TemplateFinding[] = [];
  const skip = new Set<string>();
  const origins = new Map<string, string>();
  if (!usesLanguageExtensions(template)) return { template, findings, skip, origins };
  const resources = template.Resources;
  const conditions = template.Conditions;
  if (!hasLoops(resources) && !(isPlainObject(conditions) && Object.keys(conditions).some((k) => k.startsWith(LOOP)))) {
    return { template, findings, skip, origins };
  }
  const parameters = isPlainObject(template.Parameters) ? template.Parameters : {};
  const out: { [key: string]: any } = { ...template };
  if (isPlainObject(resources)) out.Resources = expandSection(resources, parameters, findings, skip, origins);
  if (isPlainObject(conditions)) out.Conditions = expandSection(conditions, parameters, [], new Set(), undefined);
  return { template: out, findings, skip, origins };
}

/**
 * Each entry on its own: an entry whose loops cannot be expanded stays as written (a loop key is
 * then no resource, and the template index counts the template incomplete), with a finding when it
 * may make or change clients.
 */
function expandSection(section: { [key: string]: any }, parameters: { [key: string]: any }, findings: TemplateFinding[],
  skip: Set<string>, origins: Map<string, string> | undefined): { [key: string]: any } {
  const resources = origins !== undefined;
  const out: { [key: string]: any } = {};
  const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
  const keep = (key: string, value: unknown) => {
    if (!own(out, key)) define(out, key, value);
  };
  for (const key of Object.keys(section)) {
    const value = section[key];
    const expander = new Expander(parameters);
    try {
      if (key.startsWith(LOOP)) {
        const made: { [key: string]: any } = {};
        expander.loop(key, value, new Map(), made, key, 0);
        for (const k of Object.keys(made)) {
          if (own(out, k) || own(section, k)) throw new LoopError(key, `it makes ${show(k)}, which the template already has`, value?.[1]);
        }
        for (const k of Object.keys(made)) {
          define(out, k, made[k]);
          origins?.set(k, key);
        }
        if (resources && expander.defaulted.length > 0 && mayMakeClients(value)) findings.push(defaulted(key, key, expander.defaulted));
      } else if (!containsLoop(value)) {
        keep(key, value);
      } else {
        keep(key, expander.value(value, new Map(), 0, key));
        if (resources && expander.defaulted.length > 0 && isHolder(value?.Type)) {
          findings.push(defaulted(key, expander.defaulted[0].loop, expander.defaulted));
        }
      }
    } catch (e) {
      if (!(e instanceof LoopError)) throw e;
      keep(key, value);
      if (!resources) continue;
      if (key.startsWith(LOOP)) {
        if (mayMakeClients(value)) findings.push(finding(key, key, e.shown, `the resources this loop (${TRANSFORM}) makes may be app clients, but ${e.loop === key ? '' : `in ${e.loop}, `}${e.why}, so they cannot be checked here; no other rule ran on them.`));
      } else if (isHolder(value?.Type)) {
        skip.add(key);
        findings.push(finding(key, e.loop, e.shown, `a loop (${TRANSFORM}) writes this resource's properties, but ${e.why}, so the client cannot be checked here; no other rule ran on it.`));
      }
    }
  }
  return out;
}

function isHolder(type: unknown): boolean {
  return typeof type !== 'string' || /[$&]\{/.test(type) || HOLDERS.has(type) || isCustomResourceType(type);
}

/** Whether a loop's fragment (nested loops too) may make a client, an SDK call or something unseen. */
function mayMakeClients(loop: unknown, seen = new Set<unknown>()): boolean {
  if (seen.has(loop)) return false; // looked at already
  seen.add(loop);
  if (seen.size > MAX_WORK || !Array.isArray(loop) || !isPlainObject(loop[2])) return true;
  for (const [k, r] of Object.entries<any>(loop[2])) {
    if (k.startsWith(LOOP) ? mayMakeClients(r, seen) : !isPlainObject(r) || isHolder(r.Type)) return true;
  }
  return false;
}

function finding(resource: string, property: string, value: unknown, why: string): TemplateFinding {
  return {
    ruleId: UNREADABLE_RULE.id,
    severity: UNREADABLE_RULE.severity,
    property,
    message: `[${UNREADABLE_RULE.id}] ${property} = ${show(value ?? '(absent)')}: ${why}`,
    fix: FIX,
    resource,
  };
}

function defaulted(resource: string, property: string, used: Array<{ loop: string; parameter: string; items: string[] }>): TemplateFinding {
  const first = used[0];
  const f = finding(resource, property, { Ref: first.parameter },
    `the loop (${TRANSFORM}) was expanded for the parameter's Default (${first.items.map((i) => show(i)).join(', ')}) only; a deployment that gives ${first.parameter} other values makes clients not checked here.`);
  return { ...f, fix: `Check each value deployed: give the template with that Default (or a literal collection) to cognito-client-check. ${FIX}` };
}

type Env = ReadonlyMap<string, string>;

class Expander {
  /** The loops expanded for a parameter's Default, which a deployment may not use. */
  readonly defaulted: Array<{ loop: string; parameter: string; items: string[] }> = [];
  private work = 0;
  /** Objects being expanded: one met again holds itself. */
  private readonly open = new Set<object>();

  constructor(private readonly parameters: { [key: string]: any }) {}

  /** Expands one loop into `into` (keys already expanded). */
  loop(key: string, spec: unknown, env: Env, into: { [key: string]: any }, where: string, depth: number): void {
    if (!Array.isArray(spec) || spec.length !== 3) throw new LoopError(key, 'it is not [Identifier, Collection, {OutputKey: OutputValue}]');
    const [identifier, collection, fragment] = spec;
    if (typeof identifier !== 'string' || identifier === '') throw new LoopError(key, `its identifier ${show(identifier)} is not a name`, spec);
    if (!isPlainObject(fragment)) throw new LoopError(key, 'its fragment is not an object of OutputKey: OutputValue', spec);
    const items = this.collection(key, collection, env);
    try {
      for (const item of items) {
        const inner = new Map(env);
        inner.set(identifier, item);
        this.object(fragment, inner, depth + 1, where, into);
      }
    } catch (e) {
      if (e instanceof LoopError && e.shown === undefined) throw new LoopError(e.loop, e.why, collection);
      throw e;
    }
  }

  /** The items of a loop's collection. */
  private collection(key: string, collection: unknown, env: Env): string[] {
    const c = this.value(collection, env, 0, key);
    if (Array.isArray(c)) {
      return c.map((item) => {
        if (typeof item === 'string') return item;
        if (typeof item === 'number' || typeof item === 'boolean') return String(item);
        throw new LoopError(key, `its collection holds ${show(item)}, known only at deploy time`, collection);
      });
    }
    if (isPlainObject(c) && Object.keys(c).length === 1 && typeof c.Ref === 'string') {
      const p = this.parameters[c.Ref];
      if (!isPlainObject(p)) throw new LoopError(key, `its collection ${c.Ref} is not a parameter of this template`, collection);
      if (p.Type !== 'CommaDelimitedList') throw new LoopError(key, `its collection is the parameter ${c.Ref} of type ${show(p.Type)}, known only at deploy time`, collection);
      if (typeof p.Default !== 'string') throw new LoopError(key, `its collection is the parameter ${c.Ref}, which has no Default, so its items are known only at deploy time`, collection);
      const items = p.Default.split(',').map((s) => s.trim());
      this.defaulted.push({ loop: key, parameter: c.Ref, items });
      return items;
    }
    throw new LoopError(key, 'its collection is known only at deploy time', collection);
  }

  /** Expands an object's keys (loops merge their output into it) and values. */
  private object(o: { [key: string]: any }, env: Env, depth: number, where: string, into: { [key: string]: any }): void {
    if (this.open.has(o)) throw new LoopError(where, 'it holds itself');
    this.open.add(o);
    try {
      for (const k of Object.keys(o)) {
        if (k.startsWith(LOOP)) {
          const made: { [key: string]: any } = {};
          this.loop(k, o[k], env, made, k, depth + 1);
          for (const m of Object.keys(made)) this.put(into, m, made[m], k);
        } else if (o[k] !== undefined) { // absent, as in JSON (an L1 renders unset properties so)
          const key = substitute(k, env);
          this.put(into, key, this.value(o[k], env, depth + 1, where), where);
        }
      }
    } finally {
      this.open.delete(o);
    }
  }

  private put(into: { [key: string]: any }, key: string, value: unknown, loop: string): void {
    if (Object.prototype.hasOwnProperty.call(into, key)) throw new LoopError(loop, `it makes the key ${show(key)} twice`);
    define(into, key, value);
  }

  /** One value with the identifiers in scope put in. */
  value(v: unknown, env: Env, depth: number, where: string): unknown {
    if (++this.work > MAX_WORK) throw new LoopError(where, `it makes more than ${MAX_WORK} values`);
    if (depth > MAX_DEPTH) throw new LoopError(where, `its values nest deeper than ${MAX_DEPTH}`);
    if (typeof v === 'string') return env.size > 0 ? substitute(v, env) : v;
    if (Array.isArray(v)) {
      if (this.open.has(v)) throw new LoopError(where, 'it holds itself');
      this.open.add(v);
      try {
        return v.map((x) => this.value(x, env, depth + 1, where));
      } finally {
        this.open.delete(v);
      }
    }
    if (!isPlainObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof v.Ref === 'string' && env.has(v.Ref)) return env.get(v.Ref);
    const out: { [key: string]: any } = {};
    this.object(v, env, depth, where, out);
    return out;
  }
}

/** `${Identifier}` is the item, `&{Identifier}` the item without its non-alphanumeric characters. */
function substitute(s: string, env: Env): string {
  if (env.size === 0 || !/[$&]\{/.test(s)) return s;
  return s.replace(/([$&])\{([^}]*)\}/g, (whole, sigil: string, name: string) => {
    const item = env.get(name);
    if (item === undefined) return whole;
    return sigil === '$' ? item : item.replace(/[^A-Za-z0-9]/g, '');
  });
}
