import { ContextRule } from './cross-resource';
import { PolicyRule, PolicySettings } from './policy';
import { AttachmentRule, checkAttachments } from './private/attachments';
import { Client, readClient } from './private/client';
import {
  BRANCH_COST, BRANCH_WORK_BASE, BRANCH_WORK_FACTOR, Branch, MAX_DEPTH, MAX_NESTING, PROBLEMS, PROPERTIES_OF_FIELD, ValueScan,
  describeBranches, hasConditions, outerConditions, scanValue, substitute, variantClient,
} from './private/conditions';
import { findingIdOf } from './private/finding-ids';
import { expandLoops } from './private/foreach';
import { allowedValueChains, conditionName, withAllowedValues } from './private/parameters';
import { ClientProperty, Emit, Rule, RuleSelector, mayReport } from './private/rule';
import { ResourceLookup, templateLookup } from './private/shapes';
import { InvalidTemplateError } from './private/template-error';
import { ClientContext, TemplateIndex } from './private/template-index';
import { intrinsicName, isNoValue, isPlainObject } from './private/values';
import { ATTACHMENT_RULES, CHANGE_RULES, CLIENT_RULES, CONTEXT_RULES, DOCUMENTED_RULES, POLICY_RULES } from './registry';
import { isCustomResourceType, sdkClientCalls } from './sdk-requests';
import { TemplateCheckOptions, TemplateFinding } from './template';
import { Finding, RuleInfo, Severity } from './types';
import { UNREADABLE_RULE, unreadableReason } from './unreadable';
import type { ClientPolicy } from '../policy/client-policy';
import { ruleTurnedOn } from '../policy/settings';

/**
 * The rule engine: every documented rule for the properties of one
 * `AWS::Cognito::UserPoolClient`.
 *
 * @example
 * const findings = ClientRules.check({
 *   UserPoolId: { Ref: 'UserPool' },
 *   AllowedOAuthFlows: ['code'],
 *   CallbackURLs: ['http://app.example.org/callback'],
 * });
 * // findings[0].ruleId === 'redirect-uri-https'
 */
export class ClientRules {
  /**
   * Checks the CloudFormation `Properties` of one `AWS::Cognito::UserPoolClient` (PascalCase names,
   * as in a template) and returns every finding at once.
   *
   * Values may be CloudFormation intrinsics (`{"Ref": …}`, `{"Fn::…": …}`) or CDK tokens: a check is
   * skipped whenever some resolution of such a value could satisfy it. Numeric strings count as
   * integers and "true"/"false" as booleans, as in CloudFormation; any other wrong JSON type is a
   * `property-type` finding. Never throws, whatever value it is given: properties that cannot be
   * read (a getter or Proxy trap that throws) are a `property-type` finding too. Messages are
   * bounded: a value is shown up to 256 characters, with its true length when it is longer.
   *
   * @param properties the `Properties` of one `AWS::Cognito::UserPoolClient`
   * @param policy an organisation policy whose rules run too, with the severities it gives them
   */
  public static check(properties: { [key: string]: any }, policy?: ClientPolicy): Finding[] {
    const findings: Finding[] = [];
    checkClient(properties, policy, undefined, undefined, undefined, findings);
    return policy ? withDocumentedSeverities(findings, policy) : findings;
  }

  /**
   * Checks every `AWS::Cognito::UserPoolClient` of a CloudFormation template: the rules of
   * `check`, and the rules that need other resources of the template (the pool's schema and
   * tier, its resource servers and identity providers, the number of clients per pool). With
   * `previous`, also the changes that replace a client or that an update silently resets.
   * When the pool is outside the template, only what can be decided is decided.
   *
   * Throws one error only, an `Error` named `InvalidTemplateError` (test `e.name`), with a one-line
   * message: when `Resources` is missing or not an object, or when the template itself cannot be
   * read (a getter or Proxy trap throws while `Resources`, the previous template's `Resources`, or a
   * resource's `Type`, `Properties` and the fields that tie resources to their pool are read).
   * Anything else in a client's `Properties` that cannot be read is a `property-type` finding, as in
   * `check`.
   *
   * @param template a CloudFormation template (JSON form, intrinsics as objects)
   * @param options a policy, and the previously deployed template
   */
  public static checkTemplate(template: { [key: string]: any }, options?: TemplateCheckOptions): TemplateFinding[] {
    let resources: { [key: string]: any };
    // The clients to check, read first (a template that cannot be read fails as a whole); each
    // client's context is made only when it is checked, so that it dies young.
    const work: Array<{ logicalId: string; properties: unknown; before?: { [key: string]: any } }> = [];
    const findings: TemplateFinding[] = [];
    let lookup: ResourceLookup;
    let index: TemplateIndex;
    let skip: ReadonlySet<string> | undefined;
    try {
      // Fn::ForEach (AWS::LanguageExtensions) expanded first; a loop that cannot be is a finding (private/foreach.ts)
      const loops = expandLoops(template);
      ({ template, skip } = loops);
      findings.push(...loops.findings);
      resources = template?.Resources;
      if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
        throw new InvalidTemplateError(`Resources is ${resources === undefined ? 'missing' : `not an object (${Array.isArray(resources) ? 'a list' : resources === null ? 'null' : typeof resources})`}`);
      }
      const previous: unknown = options?.previous ? expandLoops(options.previous).template.Resources : undefined;
      index = new TemplateIndex(resources, template, options?.nestedTemplates);
      lookup = templateLookup(resources, template.Mappings);
      const chains = allowedValueChains(template);
      for (const logicalId in resources) {
        const r = resources[logicalId];
        if (typeof r !== 'object' || r === null || skip.has(logicalId)) continue;
        const type = r.Type;
        if (type !== CLIENT_TYPE) {
          if (isCustomResourceType(type)) {
            for (const f of checkSdkCalls(r, options?.policy)) findings.push({ ...f, resource: logicalId });
          }
          continue;
        }
        const properties = r.Properties;
        const was = typeof previous === 'object' && previous !== null ? (previous as { [key: string]: any })[logicalId] : undefined;
        const before = was?.Type === CLIENT_TYPE && isPlainObject(was.Properties) && isPlainObject(properties) ? was.Properties : undefined;
        // a Ref to a parameter with AllowedValues: each value is checked (private/parameters.ts)
        work.push({ logicalId, properties: withAllowedValues(properties, chains), before });
      }
    } catch (e) {
      if (e instanceof InvalidTemplateError) throw e;
      throw new InvalidTemplateError(`the template cannot be read (${describeError(e)})`);
    }
    const policy = options?.policy;
    for (let i = 0; i < work.length; i++) {
      const w = work[i];
      if (w.properties === undefined) findings.push({ ...missingProperties(), resource: w.logicalId });
      else checkClient(w.properties, policy, index.contextOf(w.logicalId), w.before, lookup, findings, w.logicalId);
    }
    // Resources attached to clients by ClientId (issue 22, src/rules/private/attachments.ts): reported on themselves.
    const createdAfter = (from: string, to: string) => index.contextOf(from).createdAfter(to);
    const plan = policy ? policyPlan(policy) : undefined;
    const attached = checkAttachments(ATTACHMENT_RULES, template, options?.nestedTemplates, createdAfter);
    for (let i = 0; i < attached.length; i++) {
      if (plan && plan.superseded.includes(attached[i].ruleId)) continue;
      findings.push(attached[i]);
    }
    // The policy's rules about attached resources run even on a template that has none (a missing style or terms document is their finding).
    if (plan && plan.templateRules.length) {
      const own = checkAttachments(plan.templateRules, template, options?.nestedTemplates, createdAfter, { always: true, typeProblems: false });
      for (let i = 0; i < own.length; i++) findings.push(own[i]);
    }
    return policy ? withDocumentedSeverities(findings, policy) : findings;
  }

  /**
   * Every rule the engine knows, with its id, severity, title and source.
   */
  public static rules(): RuleInfo[] {
    return DOCUMENTED_RULES.map((r) => ({ ...r }));
  }

  private constructor() {}
}

const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';

/** The findings with the severities a policy gives documented rules (a baseline's: redirect-uri-wildcard an error in oauth-bcp). */
function withDocumentedSeverities<F extends Finding>(findings: F[], policy: ClientPolicy): F[] {
  const levels = policy._documentedSeverities();
  for (let i = 0; i < findings.length; i++) {
    const level = levels[findings[i].ruleId];
    if (level !== undefined && level !== findings[i].severity) findings[i] = { ...findings[i], severity: level };
  }
  return findings;
}


/**
 * The one evaluation every entry point runs: reads the properties once, then the per-client
 * rules, the context rules (when the surroundings are known), the change rules (when a previous
 * deployment is known) and the policy rules (when a policy is given). With `Fn::If`s, each branch
 * of each condition is checked too (see private/conditions.ts): a finding that holds whatever the
 * conditions are is reported once; one that holds in some branches only names them.
 */
/**
 * The CreateUserPoolClient and UpdateUserPoolClient calls of a custom resource, checked as request
 * JSON (property paths start with `Create.parameters.` or `Update.parameters.`); a call whose
 * parameters cannot be read is one client-not-checkable finding.
 */
function checkSdkCalls(resource: unknown, policy?: ClientPolicy): Finding[] {
  const out: Finding[] = [];
  for (const call of sdkClientCalls(resource)) {
    if (!call.parameters) {
      out.push(format({ rule: UNREADABLE_RULE, property: call.property, value: '(an SDK request)', fix: 'Give the request literal values where the rules need them, or check the client after deployment with DescribeUserPoolClient output (cognito-client-check).', why: `this custom resource calls ${call.property === 'Create' ? 'CreateUserPoolClient' : 'UpdateUserPoolClient'}, but ${call.why}, so the client it makes cannot be checked; no other rule ran on it.` }));
      continue;
    }
    const own: Finding[] = [];
    checkClient(call.parameters, policy, undefined, undefined, undefined, own);
    for (const f of own) out.push({ ...f, property: `${call.property}.parameters.${f.property}` });
  }
  return out;
}

/**
 * Checks one client's properties and appends its findings to `out`; with `resource`, each finding
 * is a TemplateFinding of that resource (written once, not copied).
 */
function checkClient(properties: unknown, policy: ClientPolicy | undefined, context: ClientContext | undefined,
  before: { [key: string]: any } | undefined, lookup: ResourceLookup | undefined, out: Finding[], resource?: string): void {
  const length = out.length;
  try {
    checkReadable(properties, policy, context, before, lookup, out, resource);
  } catch (e) {
    // A getter or Proxy trap that throws: the properties are not JSON data. (Rules that crash are
    // caught one by one in `evaluate`; what reaches here is the reading.)
    out.length = length;
    const f = unreadableProperties(e);
    out.push(resource === undefined ? f : { ...f, resource } as TemplateFinding);
  }
}

function checkReadable(properties: unknown, policy: ClientPolicy | undefined, context: ClientContext | undefined,
  before: { [key: string]: any } | undefined, lookup: ResourceLookup | undefined, out: Finding[], resource: string | undefined): void {
  // The common case: no Fn::If anywhere, so no branch to check (one cheap scan, no allocation).
  if (!(isPlainObject(properties) && hasConditions(properties))) {
    const base = evaluate(properties, policy, context, before, lookup);
    for (let i = 0; i < base.length; i++) out.push(format(base[i], undefined, resource));
    return;
  }
  const check = new BranchCheck(runnersFor(policy, context, before), policy, context, before, lookup);
  check.run(properties);
  for (const r of check.base) out.push(format(r, undefined, resource));
  for (const { raw, whens } of check.conditional.values()) {
    for (const when of mergeBranches(whens)) out.push(format(raw, when, resource));
  }
  for (const n of check.notChecked.values()) out.push(format(notCheckedFinding(n), n.when, resource));
}

// ---- Branch checks (Fn::If) -------------------------------------------------------------------
//
// The properties are evaluated once with every condition unresolved (the base), recording which
// top-level properties each rule read. A branch (a condition given a value) changes only the
// top-level properties that hold the condition: those are read again (variantClient), and only the
// rules that read one of them run again, on the properties with just those replaced. A rule that
// did not read them would find what it found before (it is a pure function of what it reads), and
// its findings are already reported. So a branch costs the size of the properties that hold its
// condition, and a template's branches cost, in all, at most BRANCH_WORK_FACTOR times the size of
// the client's properties (plus BRANCH_WORK_BASE): past that bound, or MAX_NESTING or MAX_DEPTH, a
// client-not-checkable finding names what was not checked.

/** One rule as the branch checks run it: what it needs to be selected, and how it runs. */
interface Runner {
  readonly head: RuleHead;
  /** The top-level properties its `needs` come from (read by the selection), or undefined (always runs). */
  readonly needs?: ReadonlyArray<ClientProperty>;
  readonly needsProperties: ReadonlyArray<string>;
  run(client: Client, properties: { [key: string]: any }): void;
}

/** What a rule read in one evaluation: top-level property names, or every property. */
type Reads = ReadonlySet<string> | 'all';

function propertiesOfNeeds(needs: ReadonlyArray<ClientProperty> | undefined): string[] {
  const out: string[] = [];
  for (const f of needs ?? []) for (const p of PROPERTIES_OF_FIELD.get(f) ?? [f]) if (!out.includes(p)) out.push(p);
  return out;
}

const CLIENT_RUNNERS = CLIENT_RULES.map((rule) => ({ rule, needsProperties: propertiesOfNeeds(rule.needs) }));
const CONTEXT_RUNNERS = CONTEXT_RULES.map((rule) => ({ rule, needsProperties: propertiesOfNeeds(rule.needs) }));

/** The rules `evaluate` runs on a readable client, in its order. */
function runnersFor(policy: ClientPolicy | undefined, context: ClientContext | undefined, before: { [key: string]: any } | undefined): Runner[] {
  const out: Runner[] = [];
  for (const { rule, needsProperties } of CLIENT_RUNNERS) {
    out.push({ head: rule, needs: rule.needs, needsProperties, run: (c) => rule.check(c, emit, context) });
  }
  if (context) {
    for (const { rule, needsProperties } of CONTEXT_RUNNERS) {
      out.push({ head: rule, needs: rule.needs, needsProperties, run: (c) => rule.check(c, context, emit) });
    }
  }
  if (before) {
    for (const rule of CHANGE_RULES) out.push({ head: rule, needsProperties: [], run: (_c, p) => rule.check(p, before, emit) });
  }
  if (policy) {
    const plan = policyPlan(policy);
    for (const { rule, head } of plan.rules) out.push({ head, needsProperties: [], run: (c) => rule.check!(c, emit, plan.settings, context) });
  }
  return out;
}

/** The properties read by the rule that runs (undefined: no rule is being tracked). */
let tracked: Set<string> | undefined;
let trackedAll = false;

function noteField(field: string | symbol): void {
  if (tracked === undefined) return;
  const properties = typeof field === 'string' ? PROPERTIES_OF_FIELD.get(field) : undefined;
  if (properties === undefined) trackedAll = true;
  else for (let i = 0; i < properties.length; i++) tracked.add(properties[i]);
}

/** A client whose field reads are noted (a read of a field no property gives counts as reading them all). */
const TRACK_CLIENT: ProxyHandler<Client> = {
  get(target, field) {
    noteField(field);
    return (target as any)[field];
  },
  // A helper keeping a value it worked out on the client (urls.ts): a write, not a read.
  set(target, field, value) {
    (target as any)[field] = value;
    return true;
  },
  has(target, field) {
    trackedAll = true;
    return field in target;
  },
  ownKeys(target) {
    trackedAll = true;
    return Reflect.ownKeys(target);
  },
  getOwnPropertyDescriptor(target, field) {
    trackedAll = true;
    return Reflect.getOwnPropertyDescriptor(target, field);
  },
};

/** Raw properties whose top-level reads are noted (enumerating them counts as reading them all). */
const TRACK_PROPERTIES: ProxyHandler<{ [key: string]: any }> = {
  get(target, key) {
    if (tracked !== undefined) {
      if (typeof key === 'string') tracked.add(key);
      else trackedAll = true;
    }
    return target[key as string];
  },
  has(target, key) {
    trackedAll = true;
    return key in target;
  },
  ownKeys(target) {
    trackedAll = true;
    return Reflect.ownKeys(target);
  },
  getOwnPropertyDescriptor(target, key) {
    trackedAll = true;
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
};

/** One reading of the properties: the client, and what each rule read. */
interface State {
  readonly properties: { [key: string]: any };
  readonly client: Client;
  readonly reads: ReadonlyArray<Reads>;
  /** Each top-level property's conditions and size. */
  readonly scans: ReadonlyMap<string, ValueScan>;
}

/** What was not checked, for one client-not-checkable finding. */
interface NotChecked {
  readonly kind: 'work' | 'nesting' | 'depth';
  readonly property: string;
  readonly when: ReadonlyArray<Branch>;
  readonly conditions: Set<string>;
  size: number;
}

class BranchCheck {
  /** The findings whatever the conditions are. */
  public base: Raw[] = [];
  /** Each finding of some branches, by its content, with the branches it holds in. */
  public readonly conditional = new Map<string, { raw: Raw; whens: Branch[][] }>();
  public readonly notChecked = new Map<string, NotChecked>();
  private seen = new Set<string>();
  private work = 0;
  private budget = 0;
  /** The size of the client's properties (see `scanValue`). */
  private size = 0;

  constructor(private readonly runners: ReadonlyArray<Runner>, private readonly policy: ClientPolicy | undefined,
    private readonly context: ClientContext | undefined, private readonly before: { [key: string]: any } | undefined,
    private readonly lookup: ResourceLookup | undefined) {}

  public run(properties: { [key: string]: any }): void {
    if (isReadable(properties)) {
      const scans = new Map<string, ValueScan>();
      let size = 1;
      for (const key in properties) {
        const s = scanValue(properties[key]);
        scans.set(key, s);
        size += s.size;
        if (s.tooDeep) this.skip('depth', key, [], []);
      }
      this.size = size;
      this.budget = BRANCH_WORK_FACTOR * size + BRANCH_WORK_BASE;
      const state = this.evaluateAll(properties, scans);
      this.base = state.raws;
      for (const r of this.base) this.seen.add(keyOf(r));
      const top = outerOf(scans, scans.keys());
      this.explore(state, [], top, 1, [new Set(top)]);
    } else {
      const s = scanValue(properties, 0);
      if (s.tooDeep) this.skip('depth', 'Properties', [], []);
      this.size = s.size;
      this.budget = BRANCH_WORK_FACTOR * s.size + BRANCH_WORK_BASE;
      this.base = evaluate(properties, this.policy, this.context, this.before, this.lookup);
      for (const r of this.base) this.seen.add(keyOf(r));
      const top = outerConditions(properties);
      this.exploreWhole(properties, s.size, [], top, 1, [new Set(top)]);
    }
  }

  /** A bound reached: what was not checked, merged per kind, property and branch. */
  public skip(kind: NotChecked['kind'], property: string, when: ReadonlyArray<Branch>, conditions: ReadonlyArray<string>, size = 0): void {
    const key = `${kind}\u0000${property}\u0000${when.length ? describeBranches(when) : ''}`;
    const entry = this.notChecked.get(key);
    if (entry === undefined) {
      this.notChecked.set(key, { kind, property, when, conditions: new Set(conditions), size });
      return;
    }
    for (const c of conditions) entry.conditions.add(c);
    entry.size = Math.max(entry.size, size);
  }

  private record(raws: ReadonlyArray<Raw>, when: Branch[]): void {
    for (const r of raws) {
      const key = keyOf(r);
      if (this.seen.has(key)) continue;
      const entry = this.conditional.get(key);
      if (entry) entry.whens.push(when);
      else this.conditional.set(key, { raw: r, whens: [when] });
    }
  }

  /** Every rule on readable properties, noting what each read. */
  private evaluateAll(properties: { [key: string]: any }, scans: ReadonlyMap<string, ValueScan>): State & { raws: Raw[] } {
    const client = readClient(properties, this.lookup);
    const reads: Reads[] = [];
    const raws = this.evaluateRules(properties, client, undefined, reads);
    return { properties, client, reads, scans, raws };
  }

  /**
   * The findings of the rules marked in `rerun` (every rule without it) on these properties;
   * `reads` receives what each rule read (for the others, what they read before, already in it).
   */
  private evaluateRules(properties: { [key: string]: any }, client: Client, rerun: boolean[] | undefined, reads: Reads[]): Raw[] {
    const findings: Raw[] = [];
    const c = new Proxy(client, TRACK_CLIENT);
    const p = new Proxy(properties, TRACK_PROPERTIES);
    const outer = sink;
    const outerRule = current;
    const outerProperties = sinkProperties;
    sink = findings;
    sinkProperties = properties;
    try {
      for (let i = 0; i < this.runners.length; i++) {
        if (rerun !== undefined && !rerun[i]) continue;
        const r = this.runners[i];
        if (r.needs !== undefined && !mayReport(client, r.needs)) {
          reads[i] = new Set(r.needsProperties);
          continue;
        }
        tracked = new Set(r.needsProperties);
        trackedAll = false;
        current = r.head;
        try {
          r.run(c, p);
        } catch (e) {
          findings.push(internalError(r.head, e));
        }
        reads[i] = trackedAll ? 'all' : tracked;
      }
    } finally {
      tracked = undefined;
      sink = outer;
      current = outerRule;
      sinkProperties = outerProperties;
    }
    return findings;
  }

  /**
   * The branches of `conditions` on readable properties, and the conditions their branches expose.
   * `levels` holds the conditions of this level and of every level above: a condition that one of
   * them lists has its own branches checked there, so it is never exposed again below (which would
   * check it once per branch of every condition beside it).
   */
  private explore(state: State, when: Branch[], conditions: string[], nesting: number, levels: ReadonlyArray<ReadonlySet<string>>): void {
    const keysOf = (condition: string) => [...state.scans.entries()].filter(([, s]) => s.conditions.has(condition)).map(([k]) => k);
    const plan = conditions.map((condition) => {
      const keys = keysOf(condition);
      const size = keys.reduce((n, k) => n + state.scans.get(k)!.size, 0);
      return { condition, keys, cost: size + state.scans.size + BRANCH_COST, size };
    });
    // Cheapest first: a large property with many conditions cannot crowd out a small one.
    const order = plan.map((_p, i) => i).sort((a, b) => plan[a].cost - plan[b].cost || a - b);
    // Every branch of this level is checked before any condition nested in one (breadth first), so
    // that the nested ones cannot use up the bound before the branches above them are checked.
    const nested: Array<() => void> = [];
    for (const i of order) {
      const { condition, keys, cost, size } = plan[i];
      for (const value of [true, false]) {
        const branch = [...when, { condition, value }];
        if (this.work + cost > this.budget) {
          this.skip('work', keys.join(', '), when, [condition], size);
          continue;
        }
        this.work += cost;
        // (A value too deep to look into was reported by the first scan: a branch is never deeper.)
        const q: { [key: string]: any } = { ...state.properties };
        const changed: string[] = [];
        for (const k of keys) {
          const v = substitute(state.properties[k], condition, value, 1);
          if (v !== state.properties[k]) {
            q[k] = v;
            changed.push(k);
          }
        }
        if (changed.length === 0) continue;
        let readsAll = false;
        const rerun = state.reads.map((r) => {
          if (r === 'all') return (readsAll = true);
          return r.has(PROBLEMS) || changed.some((k) => r.has(k));
        });
        if (readsAll) {
          // A rule that reads every property runs again: the branch costs them all.
          if (this.work + this.size > this.budget) {
            this.skip('work', keys.join(', '), when, [condition], this.size);
            continue;
          }
          this.work += this.size;
        }
        const client = variantClient(state.client, q, changed, this.lookup);
        const reads = [...state.reads];
        this.record(this.evaluateRules(q, client, rerun, reads), branch);
        // Conditions that were inside the branch taken, now exposed (none when every condition of
        // the changed properties has its branches checked at this level or above: no scan then).
        if (!changed.some((k) => hasOther(state.scans.get(k)!.conditions, levels))) continue;
        const scans = new Map(state.scans);
        for (const k of changed) scans.set(k, scanValue(q[k]));
        const exposed = outerOf(scans, changed).filter((c) => !levels.some((l) => l.has(c)));
        if (exposed.length === 0) continue;
        if (nesting >= MAX_NESTING) this.skip('nesting', changed.join(', '), branch, exposed);
        else nested.push(() => this.explore({ properties: q, client, reads, scans }, branch, exposed, nesting + 1, [...levels, new Set(exposed)]));
      }
    }
    for (const next of nested) next();
  }

  /** The branches of properties that cannot be read as they are (a whole-Properties Fn::If, or a macro in one branch). */
  private exploreWhole(properties: unknown, size: number, when: Branch[], conditions: string[], nesting: number,
    levels: ReadonlyArray<ReadonlySet<string>>): void {
    const cost = size + BRANCH_COST;
    const nested: Array<() => void> = [];
    for (const condition of conditions) {
      for (const value of [true, false]) {
        const branch = [...when, { condition, value }];
        if (this.work + cost > this.budget) {
          this.skip('work', 'Properties', when, [condition], size);
          continue;
        }
        this.work += cost;
        const q = substitute(properties, condition, value, 0);
        const known = (c: string) => levels.some((l) => l.has(c));
        if (isReadable(q)) {
          const scans = new Map<string, ValueScan>();
          for (const key in q) scans.set(key, scanValue(q[key]));
          const state = this.evaluateAll(q, scans);
          this.record(state.raws, branch);
          const exposed = outerOf(scans, scans.keys()).filter((c) => !known(c));
          if (exposed.length === 0) continue;
          if (nesting >= MAX_NESTING) this.skip('nesting', 'Properties', branch, exposed);
          else nested.push(() => this.explore(state, branch, exposed, nesting + 1, [...levels, new Set(exposed)]));
        } else {
          this.record(evaluate(q, this.policy, this.context, this.before, this.lookup), branch);
          const exposed = outerConditions(q).filter((c) => !known(c));
          if (exposed.length === 0) continue;
          if (nesting >= MAX_NESTING) this.skip('nesting', 'Properties', branch, exposed);
          else nested.push(() => this.exploreWhole(q, size, branch, exposed, nesting + 1, [...levels, new Set(exposed)]));
        }
      }
    }
    for (const next of nested) next();
  }
}

/** Properties the rules read as they are: an object that is not an intrinsic, a macro's or a token. */
function isReadable(p: unknown): p is { [key: string]: any } {
  return isPlainObject(p) && intrinsicName(p) === undefined && unreadableReason(p) === undefined;
}

/** The outer conditions of some top-level properties, in order of appearance, from their scans. */
function outerOf(scans: ReadonlyMap<string, ValueScan>, keys: Iterable<string>): string[] {
  const into: string[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    for (const c of scans.get(k)?.outer ?? []) {
      if (!seen.has(c)) {
        seen.add(c);
        into.push(c);
      }
    }
  }
  return into;
}

/** Whether some of `conditions` is listed by none of `levels`. */
function hasOther(conditions: ReadonlySet<string>, levels: ReadonlyArray<ReadonlySet<string>>): boolean {
  for (const c of conditions) if (!levels.some((l) => l.has(c))) return true;
  return false;
}

/** At most this many condition names in a client-not-checkable message. */
const NAMES_SHOWN = 8;

function notCheckedFinding(n: NotChecked): Raw {
  const conditions = [...new Set([...n.conditions].map(conditionName))];
  const names = conditions.length > NAMES_SHOWN
    ? `${conditions.slice(0, NAMES_SHOWN).join(', ')} and ${conditions.length - NAMES_SHOWN} more`
    : conditions.join(', ');
  const these = conditions.length === 1 ? 'this condition' : 'these conditions';
  const fix = 'Check the template once per value of these conditions (for example the template synthesized for each configuration), or move the conditional values out of the client (one client per configuration).';
  if (n.kind === 'depth') {
    return {
      rule: UNREADABLE_RULE,
      property: n.property,
      value: `(nested more than ${MAX_DEPTH} levels deep)`,
      why: `Fn::If conditions are looked for only ${MAX_DEPTH} levels deep, so the branches of any condition below that were not checked${conditions.length ? ` (${names} among them)` : ''}; what holds whatever they are was checked.`,
      fix,
    };
  }
  if (n.kind === 'nesting') {
    return {
      rule: UNREADABLE_RULE,
      property: n.property,
      value: `Fn::If on ${names}`,
      why: `${these} ${conditions.length === 1 ? 'is' : 'are'} nested in the branches of ${MAX_NESTING} other conditions, the deepest the engine explores, so ${conditions.length === 1 ? 'its' : 'their'} own branches were not checked; what holds whatever ${conditions.length === 1 ? 'it is' : 'they are'} was checked.`,
      fix,
    };
  }
  return {
    rule: UNREADABLE_RULE,
    property: n.property,
    value: `Fn::If on ${names}`,
    why: `the branches of ${these} were not checked: each would read ${n.property} (${n.size} values) again, past the engine's bound on the work of one client's branches (${BRANCH_WORK_FACTOR} times the size of its properties, plus ${BRANCH_WORK_BASE} values). What holds whatever ${conditions.length === 1 ? 'it is' : 'they are'} was checked, and so were the branches of the other conditions.`,
    fix,
  };
}

/** One finding before its message is written: the message names the branches it holds in, if any. */
interface Raw {
  readonly rule: RuleHead;
  readonly property: string;
  readonly value: string;
  readonly why: string;
  readonly fix: string;
  /** A message written whole (a rule that crashed). */
  readonly text?: string;
  /** The finding id, when the finding is about one value (see private/finding-ids.ts). */
  readonly findingId?: string;
}

function keyOf(r: Raw): string {
  return `${r.rule.id}\u0000${r.rule.severity}\u0000${r.property}\u0000${r.value}\u0000${r.why}\u0000${r.fix}\u0000${r.text ?? ''}`;
}

/** The finding, with its fields in this order: ruleId, severity, property, message, fix, then condition and resource when given. */
function format(r: Raw, when?: ReadonlyArray<Branch>, resource?: string): Finding {
  const id = r.rule.id;
  const condition = when && when.length ? describeBranches(when) : undefined;
  const message = r.text !== undefined
    ? (condition ? `${r.text} (${condition})` : r.text)
    : `[${id}] ${bounded(r.property)} = ${bounded(r.value)}${condition ? ` ${condition}` : ''}: ${bounded(r.why)}`;
  const ruleId = id;
  const severity = r.rule.severity;
  const property = bounded(r.property);
  const fix = bounded(r.fix);
  const f: { -readonly [K in keyof TemplateFinding]?: TemplateFinding[K] } = { ruleId, severity, property, message, fix };
  if (r.findingId !== undefined) f.findingId = r.findingId;
  if (condition) f.condition = condition;
  if (resource !== undefined) f.resource = resource;
  return f as Finding;
}

/**
 * The branch lists a finding holds in, simplified: a finding that holds under `P and C is true` and
 * under `P and C is false` holds under `P` (under no condition at all when `P` is empty).
 */
function mergeBranches(whens: Branch[][]): Branch[][] {
  // Pass after pass, each list is paired with its complement (same prefix, same last condition,
  // the other value) through an index: linear per pass, and a pass shortens what it merges, so
  // there are at most as many passes as conditions in the longest list.
  let list = whens;
  for (let changed = true; changed;) {
    changed = false;
    const index = new Map<string, number>();
    const kept: Array<Branch[] | undefined> = [];
    const merged: Branch[][] = [];
    for (const w of list) {
      if (w.length === 0) {
        kept.push(w);
        continue;
      }
      const last = w[w.length - 1];
      const prefix = w.length > 1 ? describeBranches(w.slice(0, -1)) : '';
      const j = index.get(`${prefix}\u0000${last.condition}\u0000${!last.value}`);
      if (j !== undefined) {
        kept[j] = undefined;
        index.delete(`${prefix}\u0000${last.condition}\u0000${!last.value}`);
        merged.push(w.slice(0, -1));
        changed = true;
        continue;
      }
      const own = `${prefix}\u0000${last.condition}\u0000${last.value}`;
      if (!index.has(own)) index.set(own, kept.length);
      kept.push(w);
    }
    list = [...kept.filter((w): w is Branch[] => w !== undefined), ...merged];
  }
  // The same branches once; a finding that holds unconditionally in a variant holds everywhere.
  const out: Branch[][] = [];
  const keys = new Set<string>();
  for (const w of list) {
    const k = describeBranches(w);
    if (!keys.has(k)) {
      keys.add(k);
      out.push(w);
    }
  }
  return out.some((w) => w.length === 0) ? [[]] : out;
}

/** The rules that may report on a client, by the properties it has (see `Rule.needs`). */
const CLIENT_SELECTOR = new RuleSelector(CLIENT_RULES);
const CONTEXT_SELECTOR = new RuleSelector(CONTEXT_RULES, CLIENT_SELECTOR.bits);

/** Every finding of one reading of the properties, before its message is written. */
function evaluate(properties: unknown, policy?: ClientPolicy, context?: ClientContext, before?: { [key: string]: any },
  lookup?: ResourceLookup): Raw[] {
  const findings: Raw[] = [];
  if (properties === undefined || isNoValue(properties)) {
    findings.push({ rule: PROPERTY_TYPE, property: 'Properties', value: '(absent)', why: 'a user pool client needs Properties with at least UserPoolId.', fix: 'Add Properties with UserPoolId to the client.' });
    return findings;
  }
  if (!isPlainObject(properties)) {
    findings.push({
      rule: PROPERTY_TYPE,
      property: 'Properties',
      value: describe(properties),
      why: 'the properties of a user pool client must be an object.',
      fix: 'Give the client\'s Properties as an object, e.g. { "UserPoolId": { "Ref": "UserPool" } }.',
    });
    return findings;
  }
  // A whole-Properties Fn::If decides nothing until a branch is taken (the variants do).
  if (intrinsicName(properties) === 'Fn::If') return findings;
  const unreadable = unreadableReason(properties);
  if (unreadable === 'conditional') return findings;
  if (unreadable !== undefined) {
    findings.push({ rule: UNREADABLE_RULE, property: 'Properties', value: unreadable.value, why: unreadable.why, fix: UNREADABLE_RULE.fix });
    return findings;
  }
  const client: Client = readClient(properties, lookup);
  // One emitter for every evaluation, pointed at the rule that runs and the list it fills: no
  // allocation per rule or per client.
  const outer = sink;
  const outerRule = current;
  const outerProperties = sinkProperties;
  sink = findings;
  sinkProperties = properties;
  try {
    const present = CLIENT_SELECTOR.bits.maskOf(client);
    runClientRules(CLIENT_SELECTOR.selectPresent(present), client, context, findings);
    if (context) runContextRules(CONTEXT_SELECTOR.selectPresent(present), client, context, findings);
    if (before) runChangeRules(properties, before, findings);
    if (policy) runPolicyRules(policyPlan(policy), client, context, findings);
  } finally {
    sink = outer;
    current = outerRule;
    sinkProperties = outerProperties;
  }
  return findings;
}

// Each kind of rule runs in its own small loop: a loop the engine runs per client is optimized on
// its own, early, whatever else `evaluate` holds. A rule that crashes is a bug in that rule,
// reported as such rather than breaking a synth.

function runClientRules(rules: ReadonlyArray<Rule>, client: Client, context: ClientContext | undefined, findings: Raw[]): void {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    current = rule;
    try {
      rule.check(client, emit, context);
    } catch (e) {
      findings.push(internalError(rule, e));
    }
  }
}

function runContextRules(rules: ReadonlyArray<ContextRule>, client: Client, context: ClientContext, findings: Raw[]): void {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    current = rule;
    try {
      rule.check(client, context, emit);
    } catch (e) {
      findings.push(internalError(rule, e));
    }
  }
}

function runChangeRules(properties: { [key: string]: any }, before: { [key: string]: any }, findings: Raw[]): void {
  for (let i = 0; i < CHANGE_RULES.length; i++) {
    const rule = CHANGE_RULES[i];
    current = rule;
    try {
      rule.check(properties, before, emit);
    } catch (e) {
      findings.push(internalError(rule, e));
    }
  }
}

/** The policy rules a policy turns on, each with the severity it gives them: worked out once per policy (a policy never changes). */
interface PolicyPlan {
  readonly settings: PolicySettings;
  readonly rules: ReadonlyArray<{ readonly rule: PolicyRule; readonly head: RuleHead }>;
  /** The rules about attached resources the policy turns on (run on a whole template). */
  readonly templateRules: ReadonlyArray<AttachmentRule>;
  /** Documented rules whose findings a policy rule replaces (the same condition, as the policy's finding). */
  readonly superseded: ReadonlyArray<string>;
}

const POLICY_PLANS = new WeakMap<ClientPolicy, PolicyPlan>();

function policyPlan(policy: ClientPolicy): PolicyPlan {
  let plan = POLICY_PLANS.get(policy);
  if (plan === undefined) {
    const settings = policy._settings();
    const on = POLICY_RULES.filter((r) => ruleTurnedOn(r.id, settings));
    const rules = on.filter((r) => r.check !== undefined)
      .map((rule) => ({ rule, head: { id: rule.id, fix: rule.fix, severity: policy.severityOf(rule.id) } }));
    // The rules about attached resources, as attachment rules with the policy's severity and settings.
    const templateRules: AttachmentRule[] = on.filter((r) => r.checkTemplate !== undefined).map((r) => ({
      id: r.id,
      severity: policy.severityOf(r.id),
      title: r.title,
      source: r.source,
      fix: r.fix,
      reads: r.reads ?? [],
      reportsOn: r.reportsOn ?? 'attachment',
      check: (model, emitOn) => r.checkTemplate!(model, emitOn, settings),
    }));
    const superseded = on.map((r) => r.supersedes).filter((x): x is string => x !== undefined);
    plan = { settings, rules, templateRules, superseded };
    POLICY_PLANS.set(policy, plan);
  }
  return plan;
}

function runPolicyRules(plan: PolicyPlan, client: Client, context: ClientContext | undefined, findings: Raw[]): void {
  for (let i = 0; i < plan.rules.length; i++) {
    const { rule, head } = plan.rules[i];
    current = head;
    try {
      rule.check!(client, emit, plan.settings, context);
    } catch (e) {
      findings.push(internalError(head, e));
    }
  }
}

/** Where `emit` writes: the findings of the evaluation that runs, for the rule that runs. */
let sink: Raw[] = [];
let current: RuleHead = CLIENT_RULES[0];
/** The properties being evaluated: a finding about one value is named by it (its finding id). */
let sinkProperties: unknown;
const emit: Emit = (property, value, why, fix, severity) => {
  const findingId = findingIdOf(property, sinkProperties, value);
  const rule = severity === undefined || severity === current.severity ? current : { ...current, severity };
  sink.push(findingId === undefined
    ? { rule, property, value, why, fix: fix ?? current.fix }
    : { rule, property, value, why, fix: fix ?? current.fix, findingId });
};

const PROPERTY_TYPE: RuleHead = { id: 'property-type', severity: Severity.ERROR, fix: '' };

function missingProperties(): Finding {
  return format({ rule: PROPERTY_TYPE, property: 'Properties', value: '(absent)', why: 'a user pool client needs Properties with at least UserPoolId.', fix: 'Add Properties with UserPoolId to the client.' });
}

/** What a finding needs of its rule. */
type RuleHead = Pick<Rule, 'id' | 'severity' | 'fix'>;

function internalError(rule: RuleHead, e: unknown): Raw {
  const head: RuleHead = { id: rule.id, severity: Severity.WARNING, fix: rule.fix };
  return {
    rule: head,
    property: 'Properties',
    value: '',
    why: '',
    fix: 'Report this message at https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/issues.',
    text: `[${rule.id}] the rule could not run on these properties (${describeError(e)}); please report this as a bug.`,
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : String(typeof v);
}

function unreadableProperties(e: unknown): Finding {
  return {
    ruleId: 'property-type',
    severity: Severity.ERROR,
    property: 'Properties',
    message: `[property-type] Properties = (unreadable): reading them threw an error (${describeError(e)}); only JSON data (objects, lists, strings, numbers, booleans, null) and CDK tokens can be checked.`,
    fix: 'Pass the properties as plain data, e.g. JSON.parse(JSON.stringify(properties)) or the resolved template.',
  };
}

/** Parts of a message longer than this are cut, stating their length (values are already cut by `show`). */
const MESSAGE_PART_MAX = 1024;

/** A part of a message, at most MESSAGE_PART_MAX characters, as a flat copy (never a slice that keeps a large string alive). */
function bounded(text: string): string {
  if (text.length <= MESSAGE_PART_MAX) return text;
  return `${Buffer.from(text.slice(0, MESSAGE_PART_MAX), 'utf16le').toString('utf16le')}... (${text.length} characters)`;
}

/** What was thrown, in one bounded line; never throws itself (a hostile error may have a throwing getter). */
function describeError(e: unknown): string {
  let text: string;
  try {
    text = e instanceof Error ? String(e.message) : typeof e === 'string' ? e : Object.prototype.toString.call(e);
  } catch {
    text = 'an exception';
  }
  if (typeof text !== 'string') text = 'an exception';
  text = text.replace(/\s*\n\s*/g, ' ');
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
