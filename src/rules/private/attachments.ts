import { describeBranches, outerConditions, substitute } from './conditions';
import { Reader, Str, Int, Bool, Unknown, UNKNOWN, MAYBE, Kind, intrinsicName, isNoValue, isPlainObject, isUnknown, jsonType, show } from './values';
import { Severity } from '../types';

/**
 * The resources that configure an app client beside its `AWS::Cognito::UserPoolClient` (issue 22):
 * its managed login style, its terms documents and its SSO session setting, each naming the client
 * by `ClientId`, with the pool-level resources those rules read (the pool's domain and its session
 * tracking). This file reads them once per template, links each to its client and pool, and runs the
 * attachment rules (src/rules/branding.ts, terms.ts, sso-session.ts) over them.
 *
 * Linking: a `ClientId` designates a client of the template by `Ref` or `Fn::GetAtt [<client>, ClientId]`,
 * or is a literal id; a `UserPoolId` designates a pool by `Ref` or `Fn::GetAtt [<pool>, UserPoolId]`, or is
 * a literal id. Inside a nested stack whose template is given, a `Ref` to one of its parameters is the
 * value the parent passes in. Anything else is an expression: two identical expressions designate the
 * same thing, and nothing else is decided about them.
 */

export const BRANDING = 'AWS::Cognito::ManagedLoginBranding';
export const TERMS = 'AWS::Cognito::Terms';
export const CLIENT_SESSION = 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment';
export const POOL_SESSION = 'AWS::Cognito::UserPoolSessionConfigurationAttachment';
export const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const NESTED_STACK = 'AWS::CloudFormation::Stack';
const NESTED_TYPES = [NESTED_STACK, 'AWS::Serverless::Application'];
const KNOWN_TRANSFORMS = ['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'];

/** The resource types the attachment rules read (a renderer of a stack must include all of them). */
export const ATTACHMENT_TYPES: ReadonlyArray<string> = [BRANDING, TERMS, CLIENT_SESSION, POOL_SESSION, DOMAIN];

/**
 * What a `ClientId` or `UserPoolId` designates: `client:<path><id>` / `pool:<path><id>` (a resource of a
 * visible template), `id:<literal>`, or `expr:<json>` (an expression: equal only to itself); `undefined`
 * when absent, `UNKNOWN` when it cannot be told (an `Fn::If`, a value that cannot be written as JSON).
 */
export type Link = string | Unknown | undefined;

/** Two links designate the same client or pool, surely. */
export function sameLink(a: Link, b: Link): boolean {
  return typeof a === 'string' && a === b;
}

/**
 * Two links designate different clients or pools, surely: both are resources of the template, or both
 * literal ids, and they differ (a literal id may be that of a resource deployed earlier: not decided).
 */
export function differentLink(a: Link, b: Link): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return false;
  const ka = a.slice(0, a.indexOf(':'));
  const kb = b.slice(0, b.indexOf(':'));
  if (ka === 'expr' || kb === 'expr') return false;
  return (ka === 'id') === (kb === 'id');
}

/** A link shown in a message: the resource's logical id, the literal id, or the expression. */
export function describeLink(l: Link): string {
  if (typeof l !== 'string') return show(l);
  const at = l.indexOf(':');
  const kind = l.slice(0, at);
  const rest = l.slice(at + 1);
  if (kind === 'client') return `client ${rest}`;
  if (kind === 'pool') return `user pool ${rest}`;
  if (kind === 'id') return show(rest);
  return rest;
}

/** One template of the app: the checked one (path '') or a nested stack's, with its parameters' values. */
interface Scope {
  readonly path: string;
  readonly resources: { [id: string]: any };
  readonly parameters?: { readonly values: { [name: string]: unknown }; readonly scope: Scope };
}

/** What `v` designates, for a reference to a resource of type `type` whose attribute `attribute` is the id. */
function linkOf(v: unknown, scope: Scope, type: string, attribute: string, kind: string, depth = 0): Link {
  if (v === undefined || isNoValue(v)) return undefined;
  if (typeof v === 'string') return v.includes('${Token[') ? UNKNOWN : `id:${v}`;
  const name = intrinsicName(v);
  if (name === 'Fn::If' || name === undefined) return UNKNOWN;
  const arg = (v as any)[name];
  let target: unknown;
  if (name === 'Ref') {target = arg;} else if (name === 'Fn::GetAtt') {
    if (Array.isArray(arg) && arg.length === 2 && arg[1] === attribute) target = arg[0];
    else if (typeof arg === 'string' && arg.endsWith(`.${attribute}`)) target = arg.slice(0, -attribute.length - 1);
  }
  if (typeof target === 'string' && isPlainObject(scope.resources[target]) && scope.resources[target].Type === type) return `${kind}:${scope.path}${target}`;
  const params = scope.parameters;
  if (name === 'Ref' && typeof target === 'string' && params && depth < 8 && Object.prototype.hasOwnProperty.call(params.values, target)) {
    return linkOf(params.values[target], params.scope, type, attribute, kind, depth + 1);
  }
  try {
    return `expr:${scope.path}${JSON.stringify(v)}`;
  } catch {
    return UNKNOWN;
  }
}

const clientLink = (v: unknown, scope: Scope) => linkOf(v, scope, CLIENT, 'ClientId', 'client');
const poolLink = (v: unknown, scope: Scope) => linkOf(v, scope, POOL, 'UserPoolId', 'pool');

/** A JSON type problem of an attached resource, reported as `property-type` on it. */
export interface AttachmentProblem {
  readonly path: string;
  readonly value: unknown;
  /** What CloudFormation expects, e.g. `an object`. */
  readonly expected: string;
}

const EXPECTED: { readonly [kind in Kind]: string } = {
  string: 'a string',
  integer: 'an integer (a JSON number, or a string of digits such as "60")',
  boolean: 'a boolean (true or false, or the strings "true" and "false")',
  list: 'a list',
  object: 'an object',
};

/** A list of objects (Assets) or a map of strings (Links) as read: items in order, `certain` those that surely exist. */
export interface Items<T> {
  readonly items: ReadonlyArray<{ readonly key: string; readonly path: string; readonly value: T | Unknown }>;
  /** The items that surely exist (not an `Fn::If`, which may vanish). */
  readonly certain: number;
}

/** One image of a managed login style (`Assets[i]`). */
export interface Asset {
  readonly Category?: Str;
  readonly ColorMode?: Str;
  readonly Extension?: Str;
  readonly Bytes?: Str;
  readonly ResourceId?: Str;
}

interface Base {
  /** Its logical id; in a nested stack, the path of nested-stack logical ids down to it. */
  readonly logicalId: string;
  /** Whether it is a resource of the checked template (only those are reported). */
  readonly top: boolean;
  /** The resource of the checked template that stands for it in creation order: itself, or the top nested stack holding it. */
  readonly anchor: string;
  /** The resource's Properties cannot be told (absent, not an object, a whole `Fn::If`, a macro). */
  readonly unreadable: boolean;
  readonly client: Link;
  readonly pool: Link;
  /** The ClientId and UserPoolId as written, shown for messages. */
  readonly clientShown: string;
  readonly poolShown: string;
}

export interface Branding extends Base {
  readonly kind: 'branding';
  readonly UseCognitoProvidedValues?: Bool;
  /** The Settings document: its number of top-level keys, or unknown. */
  readonly Settings?: number | Unknown;
  readonly Assets?: Items<Asset> | Unknown;
}

export interface Terms extends Base {
  readonly kind: 'terms';
  readonly TermsName?: Str;
  readonly TermsSource?: Str;
  readonly Enforcement?: Str;
  readonly Links?: Items<Str> | Unknown;
}

export interface ClientSession extends Base {
  readonly kind: 'client-session';
  readonly SSOSession?: { [key: string]: unknown } | Unknown;
  readonly MaxValidityMinutes?: Int;
}

export type Attachment = Branding | Terms | ClientSession;

/** A user pool of the checked template. */
export interface PoolFacts {
  readonly logicalId: string;
  /** UserPoolTier: a literal, undefined when absent (new pools are ESSENTIALS), or unknown. */
  readonly tier: Str | undefined;
}

/** A client of the checked template, as the attachment rules need it. */
export interface ClientFacts {
  readonly logicalId: string;
  readonly pool: Link;
  /** Whether it surely signs users in through managed login: AllowedOAuthFlowsUserPoolClient true with code or implicit. */
  readonly hostedSignIn: boolean;
  /** Its AllowedOAuthFlows, shown. */
  readonly flows: string;
}

/** A domain of a user pool: the pool and its managed login version (1, 2, or unknown). */
export interface DomainFacts {
  readonly logicalId: string;
  readonly pool: Link;
  readonly version: Int | undefined;
}

/** A pool-level session configuration: the pool and whether it turns tracking on. */
export interface PoolSessionFacts {
  readonly logicalId: string;
  readonly anchor: string;
  readonly pool: Link;
  readonly tracking: Str | undefined;
}

/** Everything the attachment rules read, for one checked template. */
export interface AttachmentModel {
  /** Every attached resource: of the checked template (`top`), then of the nested stacks whose templates were given. */
  readonly attachments: ReadonlyArray<Attachment>;
  readonly clients: ReadonlyArray<ClientFacts>;
  readonly pools: ReadonlyMap<string, PoolFacts>;
  readonly domains: ReadonlyArray<DomainFacts>;
  readonly poolSessions: ReadonlyArray<PoolSessionFacts>;
  /**
   * Whether the attached resources and pool settings seen are all there can be: false when a nested
   * stack's template is not given, or resources are generated at deploy time (a macro, `Fn::ForEach`),
   * so a rule about something missing cannot decide.
   */
  readonly complete: boolean;
  /** Whether the resource `from` of the checked template is surely created after `to` (DependsOn or references, through other resources). */
  /** The type problems of each attached resource of the checked template, by logical id. */
  readonly problems: ReadonlyMap<string, ReadonlyArray<AttachmentProblem>>;
  /** Whether the resource `from` of the checked template is surely created after `to` (DependsOn or references, through other resources). */
  createdAfter(from: string, to: string): boolean;
}

/** Reads one attached resource's fields, collecting type problems. */
class FieldReader {
  public readonly problems: AttachmentProblem[] = [];
  private readonly r = new Reader();

  private collect<T>(v: T): T {
    const p = this.r.problems;
    if (p && p.length) {
      for (const x of p) this.problems.push({ path: x.path, value: x.value, expected: EXPECTED[x.expected] });
      p.length = 0;
    }
    return v;
  }

  public str(v: unknown, path: string): Str | undefined {
    return this.collect(this.r.str(v, path));
  }

  public int(v: unknown, path: string): Int | undefined {
    return this.collect(this.r.int(v, path));
  }

  public bool(v: unknown, path: string): Bool | undefined {
    return this.collect(this.r.bool(v, path));
  }

  public object(v: unknown, path: string): { [key: string]: unknown } | Unknown | undefined {
    return this.collect(this.r.object(v, path));
  }

  public problem(path: string, value: unknown, expected: string): typeof UNKNOWN {
    this.problems.push({ path, value, expected });
    return UNKNOWN;
  }

  /** A list of objects, each read by `item`; an `Fn::If` item may vanish. */
  public objects<T>(v: unknown, path: string, item: (o: { [key: string]: unknown }, path: string) => T): Items<T> | Unknown | undefined {
    if (v === undefined || isNoValue(v)) return undefined;
    if (!Array.isArray(v)) {
      if (intrinsicName(v) === 'Fn::If') return MAYBE;
      if (intrinsicName(v) !== undefined || isResolvableLike(v)) return UNKNOWN;
      return this.problem(path, v, 'a list of objects');
    }
    const items: Array<{ key: string; path: string; value: T | Unknown }> = [];
    let certain = 0;
    for (let i = 0; i < v.length; i++) {
      const raw = v[i];
      if (isNoValue(raw)) continue;
      const at = `${path}[${i}]`;
      const o = this.object(raw, at);
      if (o === undefined) {
        this.problem(at, raw, 'an object');
        items.push({ key: String(i), path: at, value: UNKNOWN });
        certain++;
        continue;
      }
      if (o !== MAYBE) certain++;
      items.push({ key: String(i), path: at, value: isUnknown(o) ? o : item(o, at) });
    }
    return { items, certain };
  }

  /** A map of strings (`Links`). */
  public strings(v: unknown, path: string): Items<Str> | Unknown | undefined {
    const o = this.object(v, path);
    if (o === undefined || isUnknown(o)) return o;
    const items: Array<{ key: string; path: string; value: Str | Unknown }> = [];
    let certain = 0;
    for (const key of Object.keys(o)) {
      const raw = o[key];
      if (isNoValue(raw)) continue;
      const at = `${path}.${key}`;
      const s = raw === null ? this.problem(at, raw, 'a string') : this.str(raw, at);
      if (s === undefined) continue;
      if (s !== MAYBE) certain++;
      items.push({ key, path: at, value: s });
    }
    return { items, certain };
  }
}

function isResolvableLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { resolve?: unknown }).resolve === 'function';
}

/** The number of top-level keys of a Settings document, or unknown. */
function contentOf(r: FieldReader, v: unknown, path: string): number | Unknown | undefined {
  const o = r.object(v, path);
  if (o === undefined || isUnknown(o)) return o;
  return Object.keys(o).filter((k) => !isNoValue(o[k])).length;
}

function readAttachment(kind: Attachment['kind'], base: Base, p: { [key: string]: unknown } | undefined, r: FieldReader): Attachment {
  if (kind === 'branding') {
    return {
      ...base,
      kind,
      UseCognitoProvidedValues: p && r.bool(p.UseCognitoProvidedValues, 'UseCognitoProvidedValues'),
      Settings: p && contentOf(r, p.Settings, 'Settings'),
      Assets: p && r.objects(p.Assets, 'Assets', (o, at) => ({
        Category: r.str(o.Category, `${at}.Category`),
        ColorMode: r.str(o.ColorMode, `${at}.ColorMode`),
        Extension: r.str(o.Extension, `${at}.Extension`),
        Bytes: r.str(o.Bytes, `${at}.Bytes`),
        ResourceId: r.str(o.ResourceId, `${at}.ResourceId`),
      })),
    };
  }
  if (kind === 'terms') {
    return {
      ...base,
      kind,
      TermsName: p && r.str(p.TermsName, 'TermsName'),
      TermsSource: p && r.str(p.TermsSource, 'TermsSource'),
      Enforcement: p && r.str(p.Enforcement, 'Enforcement'),
      Links: p && r.strings(p.Links, 'Links'),
    };
  }
  const sso = p && r.object(p.SSOSession, 'SSOSession');
  return {
    ...base,
    kind,
    SSOSession: sso,
    MaxValidityMinutes: sso === undefined ? undefined : isUnknown(sso) ? MAYBE : r.int(sso.MaxValidityMinutes, 'SSOSession.MaxValidityMinutes'),
  };
}

const KINDS: { readonly [type: string]: Attachment['kind'] } = {
  [BRANDING]: 'branding',
  [TERMS]: 'terms',
  [CLIENT_SESSION]: 'client-session',
};

const NO_PROPERTIES: { [key: string]: unknown } = {};

/** The Properties of a resource as the rules can read them (none: every property absent); undefined when undecidable or not an object. */
function readableProperties(r: { [key: string]: any }): { [key: string]: unknown } | undefined {
  const p = r.Properties;
  if (p === undefined || isNoValue(p)) return NO_PROPERTIES;
  if (!isPlainObject(p) || intrinsicName(p) !== undefined || Object.prototype.hasOwnProperty.call(p, 'Fn::Transform')) return undefined;
  return p;
}

function knownTransforms(t: unknown): boolean {
  if (t === undefined) return true;
  const names = Array.isArray(t) ? t : [t];
  return names.every((n) => typeof n === 'string' && KNOWN_TRANSFORMS.includes(n));
}

/** Whether a template holds any resource the attachment rules read (most templates do not: nothing more is done). */
export function hasAttachments(resources: { [id: string]: any }): boolean {
  for (const id in resources) {
    const r = resources[id];
    if (isPlainObject(r) && (KINDS[r.Type] !== undefined || r.Type === DOMAIN)) return true;
  }
  return false;
}

/**
 * Reads the attachment rules' view of a template: its attached resources, clients, pools, domains and
 * pool session settings, and those of the nested stacks whose templates are given.
 */
export function attachmentModel(template: { [key: string]: any }, nested: { readonly [path: string]: unknown } | undefined,
  createdAfter: (from: string, to: string) => boolean): AttachmentModel {
  const attachments: Attachment[] = [];
  const clients: ClientFacts[] = [];
  const pools = new Map<string, PoolFacts>();
  const domains: DomainFacts[] = [];
  const poolSessions: PoolSessionFacts[] = [];
  const problems = new Map<string, AttachmentProblem[]>();
  let complete = knownTransforms(template.Transform);

  const visit = (scope: Scope, anchor: string, depth: number) => {
    const top = scope.path === '';
    for (const id in scope.resources) {
      if (id.startsWith('Fn::ForEach::')) complete = false;
      const r = scope.resources[id];
      if (!isPlainObject(r)) continue;
      const type = r.Type;
      const logicalId = scope.path + id;
      const at = top ? id : anchor;
      const kind = KINDS[type];
      if (kind !== undefined) {
        const p = readableProperties(r);
        const reader = new FieldReader();
        if (p === undefined && !isPlainObject(r.Properties)) reader.problem('Properties', r.Properties, 'an object');
        if (p !== undefined) {
          reader.str(p.ClientId, 'ClientId');
          reader.str(p.UserPoolId, 'UserPoolId');
        }
        const base: Base = {
          logicalId,
          top,
          anchor: at,
          unreadable: p === undefined,
          client: p === undefined ? UNKNOWN : clientLink(p.ClientId, scope),
          pool: p === undefined ? UNKNOWN : poolLink(p.UserPoolId, scope),
          clientShown: p === undefined ? '(unresolved)' : show(p.ClientId),
          poolShown: p === undefined ? '(unresolved)' : show(p.UserPoolId),
        };
        attachments.push(readAttachment(kind, base, p, reader));
        if (top && reader.problems.length) problems.set(id, reader.problems);
      } else if (type === DOMAIN) {
        const p = readableProperties(r);
        const reader = new FieldReader();
        domains.push({
          logicalId,
          pool: p === undefined ? UNKNOWN : poolLink(p.UserPoolId, scope),
          version: p === undefined ? UNKNOWN : reader.int(p.ManagedLoginVersion, 'ManagedLoginVersion'),
        });
      } else if (type === POOL_SESSION) {
        const p = readableProperties(r);
        const reader = new FieldReader();
        poolSessions.push({
          logicalId,
          anchor: at,
          pool: p === undefined ? UNKNOWN : poolLink(p.UserPoolId, scope),
          tracking: p === undefined ? UNKNOWN : reader.str(p.UserSessionTracking, 'UserSessionTracking'),
        });
      } else if (type === POOL && top) {
        const p = readableProperties(r);
        const reader = new FieldReader();
        pools.set(`pool:${id}`, { logicalId: id, tier: r.Properties === undefined ? undefined : p === undefined ? UNKNOWN : reader.str(p.UserPoolTier, 'UserPoolTier') });
      } else if (type === CLIENT && top) {
        clients.push(clientFacts(id, r, scope));
      } else if (NESTED_TYPES.includes(type)) {
        const given = nested?.[logicalId];
        const inner = isPlainObject(given) ? given.Resources : undefined;
        if (type !== NESTED_STACK || !isPlainObject(inner) || depth >= 8 || !knownTransforms((given as { [key: string]: unknown }).Transform)) {
          complete = false;
          continue;
        }
        const props = isPlainObject(r.Properties) ? r.Properties : {};
        const values = isPlainObject(props.Parameters) ? props.Parameters : {};
        visit({ path: `${logicalId}/`, resources: inner, parameters: { values, scope } }, at, depth + 1);
      }
    }
  };
  visit({ path: '', resources: template.Resources }, '', 0);
  return { attachments, clients, pools, domains, poolSessions, complete, createdAfter, problems };
}

/** A client's pool and whether it surely signs users in through managed login. */
function clientFacts(id: string, r: { [key: string]: any }, scope: Scope): ClientFacts {
  const p = readableProperties(r);
  if (p === undefined) return { logicalId: id, pool: UNKNOWN, hostedSignIn: false, flows: '(unresolved)' };
  const reader = new Reader();
  const flag = reader.bool(p.AllowedOAuthFlowsUserPoolClient, 'AllowedOAuthFlowsUserPoolClient');
  const flows = reader.list(p.AllowedOAuthFlows, 'AllowedOAuthFlows');
  const hosted = flag === true && typeof flows === 'object' && (flows.items.includes('code') || flows.items.includes('implicit'));
  return { logicalId: id, pool: poolLink(p.UserPoolId, scope), hostedSignIn: hosted, flows: typeof flows === 'object' ? show(flows.items) : show(flows) };
}

// ---------------------------------------------------------------------------------------------
// The rules over the model, and their findings.

/** Reports one violation on a resource of the checked template: the property path, the value shown, why, and optionally a fix of its own. */
export type AttachmentEmit = (resource: string, property: string, value: string, why: string, fix?: string) => void;

/**
 * A rule about the resources attached to app clients: its metadata, and a pure function of the
 * template's attachment model. It reports on resources of the checked template only.
 */
export interface AttachmentRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly source: string;
  readonly fix: string;
  /** The resource types it reads, for its documentation; the first is the type it reports on. */
  readonly reads: ReadonlyArray<string>;
  /** What it reports on: the attached resource, or (branding-missing) the client. */
  readonly reportsOn: 'attachment' | 'client';
  readonly check: (model: AttachmentModel, emit: AttachmentEmit) => void;
}

/** The attachments of the checked template, of one kind, whose Properties can be read. */
export function topOf<K extends Attachment['kind']>(model: AttachmentModel, kind: K): Array<Extract<Attachment, { kind: K }>> {
  return model.attachments.filter((a): a is Extract<Attachment, { kind: K }> => a.kind === kind && a.top && !a.unreadable);
}

/**
 * For each group of two or more readable attachments of the checked template that surely name the
 * same client (and `same` says are alike), each member with the others.
 */
export function sameClientGroups<A extends Attachment>(list: ReadonlyArray<A>,
  same: (a: A, b: A) => boolean = () => true): Array<{ member: A; others: A[] }> {
  const out: Array<{ member: A; others: A[] }> = [];
  for (const a of list) {
    const others = list.filter((b) => b !== a && sameLink(a.client, b.client) && same(a, b));
    if (others.length) out.push({ member: a, others });
  }
  return out;
}

/** A finding of an attachment rule (the fields of TemplateFinding). */
export interface AttachmentFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly property: string;
  readonly message: string;
  readonly fix: string;
  readonly resource: string;
  /** The branch of a template condition in which it holds (`when IsProd is false`); absent: whatever the conditions are. */
  readonly condition?: string;
}

/** Parts of a message are cut after this many characters (values are already cut by `show`). */
const PART_MAX = 1024;
const bounded = (text: string) => (text.length <= PART_MAX ? text : `${text.slice(0, PART_MAX)}... (${text.length} characters)`);

/**
 * Every finding of the attachment rules on a template: `property-type` on attached resources first,
 * then each rule. Findings have the form of the client rules' (`[rule-id] Property = value: why`).
 * A rule that crashes is reported as a warning, as for client rules. With `always`, the rules run on a
 * template without attached resources too (the policy's rules report what is missing); without
 * `typeProblems`, the `property-type` findings of attached resources are left to the documented run.
 */
export function checkAttachments(rules: ReadonlyArray<AttachmentRule>, template: { [key: string]: any },
  nested: { readonly [path: string]: unknown } | undefined, createdAfter: (from: string, to: string) => boolean,
  options: { readonly always?: boolean; readonly typeProblems?: boolean } = {}): AttachmentFinding[] {
  let resources: { [id: string]: any };
  try {
    // The template was read once by the caller: a second read that throws (a hostile getter) checks nothing more.
    resources = template.Resources;
    if (!isPlainObject(resources) || (!options.always && !hasAttachments(resources))) return [];
  } catch {
    return [];
  }
  const out: AttachmentFinding[] = [];
  type Head = { id: string; severity: Severity; fix: string };
  /** Findings of the run whatever the conditions are, by what they say (a branch adds only what they do not). */
  const seen = new Set<string>();
  let when: string | undefined;
  const push = (rule: Head, resource: string, property: string, value: string, why: string, fix?: string) => {
    const key = `${rule.id}\u0000${resource}\u0000${property}\u0000${value}\u0000${why}`;
    if (when === undefined) seen.add(key);
    else if (seen.has(key)) return;
    out.push({
      ruleId: rule.id,
      severity: rule.severity,
      property: bounded(property),
      message: `[${rule.id}] ${bounded(property)} = ${bounded(value)}${when === undefined ? '' : ` ${when}`}: ${bounded(why)}`,
      fix: bounded(fix ?? rule.fix),
      resource,
      ...(when === undefined ? {} : { condition: when }),
    });
  };
  let model: AttachmentModel;
  try {
    model = attachmentModel(template, nested, createdAfter);
  } catch (e) {
    // A getter or Proxy trap that throws: these resources are not JSON data; the clients were checked.
    try {
      for (const id of Object.keys(resources)) {
        const r = resources[id];
        if (isPlainObject(r) && KINDS[r.Type] !== undefined) {
          push(PROPERTY_TYPE, id, 'Properties', '(unreadable)', `reading the template's attached resources threw an error (${describeError(e)}); only JSON data can be checked.`,
            'Pass the template as plain data (the resolved template).');
        }
      }
    } catch {
      // not even their types can be read twice: nothing more to say
    }
    return out;
  }
  for (const [resource, list] of options.typeProblems === false ? [] : model.problems) {
    for (const p of list) {
      const why = `it is ${jsonType(p.value)}, but CloudFormation expects ${p.expected}.`;
      push(PROPERTY_TYPE, resource, p.path, show(p.value), why, `Give ${p.path} as ${p.expected}.`);
    }
  }
  runRules(rules, model, resources, out, push);
  // Each condition the resources the rules read hold (an Fn::If in their properties, or their own
  // Condition) is a finite set: each of its values is checked, as for a client's properties, and a
  // finding the run above does not make is reported with the branch it holds in.
  const conditions = conditionsRead(resources);
  for (const condition of conditions.slice(0, MAX_CONDITIONS)) {
    for (const value of [true, false]) {
      when = describeBranches([{ condition, value }]);
      let variant: AttachmentModel;
      try {
        variant = attachmentModel({ ...template, Resources: branchOf(resources, condition, value) }, nested, createdAfter);
      } catch {
        continue; // read once above: a second read that throws checks nothing more
      }
      runRules(rules, variant, resources, out, push);
    }
  }
  // said once per template: by the documented rules' run, or by the policy's where that run had nothing to read
  if (conditions.length > MAX_CONDITIONS && (options.typeProblems !== false || !hasAttachments(resources))) {
    const resource = model.attachments.find((a) => a.top)?.logicalId ?? model.clients[0]?.logicalId ?? Object.keys(resources)[0];
    out.push({
      ruleId: 'client-not-checkable',
      severity: Severity.WARNING,
      property: 'Condition',
      message: `[client-not-checkable] Condition = (${conditions.length} conditions): the attached resources, domains, pools and clients of this template hold ${conditions.length} conditions; the branches of the first ${MAX_CONDITIONS} were checked, those of ${conditions.slice(MAX_CONDITIONS, MAX_CONDITIONS + 5).join(', ')}${conditions.length > MAX_CONDITIONS + 5 ? ' and more' : ''} were not.`,
      fix: 'Check the template once per value of these conditions (the template synthesized for each configuration).',
      resource,
    });
  }
  return out;
}

/** Conditions whose branches are checked one by one; past this, the rest are reported as not checked. */
const MAX_CONDITIONS = 32;
/** The resource types whose conditions the attachment rules read. */
const READ_TYPES = [BRANDING, TERMS, CLIENT_SESSION, DOMAIN, POOL_SESSION, POOL, CLIENT];

/** The conditions of the checked template's resources the attachment rules read: their Fn::Ifs and their own Condition, in order. */
function conditionsRead(resources: { [id: string]: any }): string[] {
  const into: string[] = [];
  const seen = new Set<string>();
  for (const id in resources) {
    const r = resources[id];
    if (!isPlainObject(r) || !READ_TYPES.includes(r.Type as string)) continue;
    if (typeof r.Condition === 'string' && !seen.has(r.Condition)) {
      seen.add(r.Condition);
      into.push(r.Condition);
    }
    outerConditions(r.Properties, into, 0, undefined, seen);
  }
  return into;
}

/** The resources with `condition` given `value`: its Fn::Ifs replaced by the branch, a resource on it kept (true) or left out (false). */
function branchOf(resources: { [id: string]: any }, condition: string, value: boolean): { [id: string]: any } {
  const out: { [id: string]: any } = {};
  for (const id in resources) {
    const r = resources[id];
    if (!isPlainObject(r) || !READ_TYPES.includes(r.Type as string)) {
      out[id] = r;
      continue;
    }
    if (r.Condition === condition && !value) continue;
    const { Condition: own, ...rest } = r;
    out[id] = { ...(own === condition ? rest : r), Properties: substitute(r.Properties, condition, value) };
    if (r.Properties === undefined) delete out[id].Properties;
  }
  return out;
}

type Push = (rule: { id: string; severity: Severity; fix: string }, resource: string, property: string, value: string, why: string,
  fix?: string) => void;

/** Runs each rule on a model; a rule that crashes is reported as a warning, as for client rules. */
function runRules(rules: ReadonlyArray<AttachmentRule>, model: AttachmentModel, resources: { [id: string]: any },
  out: AttachmentFinding[], push: Push): void {
  for (const rule of rules) {
    const length = out.length;
    try {
      rule.check(model, (resource, property, value, why, fix) => push(rule, resource, property, value, why, fix));
    } catch (e) {
      out.length = length;
      // said once, not again for each branch of a condition
      if (out.some((f) => f.ruleId === rule.id && f.property === 'Properties' && f.severity === Severity.WARNING && f.condition === undefined)) continue;
      const resource = model.attachments.find((a) => a.top)?.logicalId ?? model.clients[0]?.logicalId ?? Object.keys(resources)[0];
      out.push({
        ruleId: rule.id,
        severity: Severity.WARNING,
        property: 'Properties',
        message: `[${rule.id}] the rule could not run on this template (${describeError(e)}); please report this as a bug.`,
        fix: 'Report this message at https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/issues.',
        resource,
      });
    }
  }
}

const PROPERTY_TYPE = { id: 'property-type', severity: Severity.ERROR, fix: 'Give the property the type the resource schema declares.' };

function describeError(e: unknown): string {
  let text: string;
  try {
    text = e instanceof Error ? String(e.message) : String(e);
  } catch {
    text = 'an exception';
  }
  text = text.replace(/\s*\n\s*/g, ' ');
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
