import { ContextRule } from './cross-resource';
import { PolicyRule, PolicySettings } from './policy';
import { checkAttachments } from './private/attachments';
import { Client, readClient } from './private/client';
import { Branch, Variant, describeBranches, hasConditions, variantsOf } from './private/conditions';
import { findingIdOf } from './private/finding-ids';
import { Emit, Rule, RuleSelector } from './private/rule';
import { ResourceLookup } from './private/shapes';
import { InvalidTemplateError } from './private/template-error';
import { ClientContext, TemplateIndex } from './private/template-index';
import { intrinsicName, isNoValue, isPlainObject } from './private/values';
import { ATTACHMENT_RULES, CHANGE_RULES, CLIENT_RULES, CONTEXT_RULES, DOCUMENTED_RULES, POLICY_RULES } from './registry';
import { isCustomResourceType, sdkClientCalls } from './sdk-requests';
import { TemplateCheckOptions, TemplateFinding } from './template';
import { Finding, RuleInfo, Severity } from './types';
import { UNREADABLE_RULE, unreadableReason } from './unreadable';
import type { ClientPolicy } from '../policy/client-policy';

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
    return findings;
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
    try {
      resources = template?.Resources;
      if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
        throw new InvalidTemplateError(`Resources is ${resources === undefined ? 'missing' : `not an object (${Array.isArray(resources) ? 'a list' : resources === null ? 'null' : typeof resources})`}`);
      }
      const previous: unknown = options?.previous?.Resources;
      index = new TemplateIndex(resources, template, options?.nestedTemplates);
      const all = resources;
      lookup = (id) => (isPlainObject(all[id]) ? all[id] : undefined);
      for (const logicalId in resources) {
        const r = resources[logicalId];
        if (typeof r !== 'object' || r === null) continue;
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
        work.push({ logicalId, properties, before });
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
    const attached = checkAttachments(ATTACHMENT_RULES, template, options?.nestedTemplates, (from, to) => index.contextOf(from).createdAfter(to));
    for (let i = 0; i < attached.length; i++) findings.push(attached[i]);
    return findings;
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
  // The common case: no Fn::If anywhere, so no variant to build (one cheap scan, no allocation).
  const variants = isPlainObject(properties) && hasConditions(properties) ? variantsOf(properties) : NO_VARIANTS;
  const base = evaluate(properties, policy, context, before, lookup);
  if (variants.length === 0) {
    for (let i = 0; i < base.length; i++) out.push(format(base[i], undefined, resource));
    return;
  }

  // Each finding, by its content, with the branches it holds in.
  const seen = new Set(base.map(keyOf));
  const conditional = new Map<string, { raw: Raw; whens: Branch[][] }>();
  for (const v of variants) {
    for (const r of evaluate(v.properties, policy, context, before, lookup)) {
      const key = keyOf(r);
      if (seen.has(key)) continue;
      const entry = conditional.get(key);
      if (entry) entry.whens.push([...v.when]);
      else conditional.set(key, { raw: r, whens: [[...v.when]] });
    }
  }
  for (const r of base) out.push(format(r, undefined, resource));
  for (const { raw, whens } of conditional.values()) {
    for (const when of mergeBranches(whens)) out.push(format(raw, when, resource));
  }
}

const NO_VARIANTS: ReadonlyArray<Variant> = [];

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
  let list = whens;
  for (let changed = true; changed;) {
    changed = false;
    outer:
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.length !== b.length || a.length === 0) continue;
        const last = a.length - 1;
        if (a[last].condition !== b[last].condition || a[last].value === b[last].value) continue;
        if (!a.slice(0, last).every((x, k) => x.condition === b[k].condition && x.value === b[k].value)) continue;
        const prefix = a.slice(0, last);
        list = [...list.filter((_x, k) => k !== i && k !== j), prefix];
        changed = true;
        break outer;
      }
    }
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
    if (policy) runPolicyRules(policyPlan(policy), client, findings);
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
}

const POLICY_PLANS = new WeakMap<ClientPolicy, PolicyPlan>();

function policyPlan(policy: ClientPolicy): PolicyPlan {
  let plan = POLICY_PLANS.get(policy);
  if (plan === undefined) {
    const settings = policy._settings();
    const rules = POLICY_RULES.filter((r) => r.enabled(settings))
      .map((rule) => ({ rule, head: { id: rule.id, fix: rule.fix, severity: policy.severityOf(rule.id) } }));
    plan = { settings, rules };
    POLICY_PLANS.set(policy, plan);
  }
  return plan;
}

function runPolicyRules(plan: PolicyPlan, client: Client, findings: Raw[]): void {
  for (let i = 0; i < plan.rules.length; i++) {
    const { rule, head } = plan.rules[i];
    current = head;
    try {
      rule.check(client, emit, plan.settings);
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
const emit: Emit = (property, value, why, fix) => {
  const findingId = findingIdOf(property, sinkProperties, value);
  sink.push(findingId === undefined
    ? { rule: current, property, value, why, fix: fix ?? current.fix }
    : { rule: current, property, value, why, fix: fix ?? current.fix, findingId });
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
