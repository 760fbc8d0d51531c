import { Client, readClient } from './private/client';
import { Emit, Rule } from './private/rule';
import { docsLink } from './private/sources';
import { InvalidTemplateError } from './private/template-error';
import { ClientContext, TemplateIndex } from './private/template-index';
import { isPlainObject } from './private/values';
import { CHANGE_RULES, CLIENT_RULES, CONTEXT_RULES, DOCUMENTED_RULES, POLICY_RULES } from './registry';
import { TemplateCheckOptions, TemplateFinding } from './template';
import { Finding, RuleInfo, Severity } from './types';
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
    return checkClient(properties, policy);
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
    let previous: unknown;
    let index: TemplateIndex;
    const work: Array<{ logicalId: string; properties: unknown; context: ClientContext; before?: { [key: string]: any } }> = [];
    try {
      resources = template?.Resources;
      if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
        throw new InvalidTemplateError(`Resources is ${resources === undefined ? 'missing' : `not an object (${Array.isArray(resources) ? 'a list' : resources === null ? 'null' : typeof resources})`}`);
      }
      previous = options?.previous?.Resources;
      index = new TemplateIndex(resources);
      for (const logicalId in resources) {
        const r = resources[logicalId];
        if (typeof r !== 'object' || r === null || r.Type !== CLIENT_TYPE) continue;
        const properties = r.Properties;
        const was = typeof previous === 'object' && previous !== null ? (previous as { [key: string]: any })[logicalId] : undefined;
        const before = was?.Type === CLIENT_TYPE && isPlainObject(was.Properties) && isPlainObject(properties) ? was.Properties : undefined;
        work.push({ logicalId, properties, context: index.contextOf(logicalId), before });
      }
    } catch (e) {
      if (e instanceof InvalidTemplateError) throw e;
      throw new InvalidTemplateError(`the template cannot be read (${describeError(e)})`);
    }
    const findings: TemplateFinding[] = [];
    for (const { logicalId, properties, context, before } of work) {
      const own: Finding[] = properties === undefined
        ? [missingProperties()]
        : checkClient(properties, options?.policy, context, before);
      for (const f of own) findings.push({ ...f, resource: logicalId });
    }
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
 * deployment is known) and the policy rules (when a policy is given).
 */
function checkClient(properties: unknown, policy?: ClientPolicy, context?: ClientContext, before?: { [key: string]: any }): Finding[] {
  const findings: Finding[] = [];
  let client: Client;
  try {
    if (!isPlainObject(properties)) {
      findings.push({
        ruleId: 'property-type',
        severity: Severity.ERROR,
        property: 'Properties',
        message: `[property-type] Properties = ${describe(properties)}: the properties of a user pool client must be an object. ${docsLink('property-type')}`,
        fix: 'Give the client\'s Properties as an object, e.g. { "UserPoolId": { "Ref": "UserPool" } }.',
      });
      return findings;
    }
    client = readClient(properties);
  } catch (e) {
    // A getter or Proxy trap that throws: the properties are not JSON data.
    return [unreadableProperties(e)];
  }
  // One emitter for the whole evaluation, pointed at the rule that runs: no allocation per rule.
  let current: RuleHead = CLIENT_RULES[0];
  const emit: Emit = (property, value, why, fix) => {
    findings.push({
      ruleId: current.id,
      severity: current.severity,
      property: bounded(property),
      message: `[${current.id}] ${bounded(property)} = ${bounded(value)}: ${bounded(why)} ${docsLink(current.id)}`,
      fix: bounded(fix ?? current.fix),
    });
  };
  const guarded = (rule: RuleHead, body: () => void) => {
    current = rule;
    try {
      body();
    } catch (e) {
      // A rule that crashes is a bug in that rule, reported as such rather than breaking a synth.
      findings.push(internalError(rule, e));
    }
  };
  for (const rule of CLIENT_RULES) {
    current = rule;
    try {
      rule.check(client, emit);
    } catch (e) {
      findings.push(internalError(rule, e));
    }
  }
  if (context) {
    for (const rule of CONTEXT_RULES) {
      current = rule;
      try {
        rule.check(client, context, emit);
      } catch (e) {
        findings.push(internalError(rule, e));
      }
    }
  }
  if (before) for (const rule of CHANGE_RULES) guarded(rule, () => rule.check(properties, before, emit));
  if (policy) {
    const settings = policy._settings();
    for (const rule of POLICY_RULES) {
      if (!rule.enabled(settings)) continue;
      guarded({ id: rule.id, fix: rule.fix, severity: policy.severityOf(rule.id) }, () => rule.check(client, emit, settings));
    }
  }
  return findings;
}

function missingProperties(): Finding {
  return {
    ruleId: 'property-type',
    severity: Severity.ERROR,
    property: 'Properties',
    message: `[property-type] Properties = (absent): a user pool client needs Properties with at least UserPoolId. ${docsLink('property-type')}`,
    fix: 'Add Properties with UserPoolId to the client.',
  };
}

/** What a finding needs of its rule. */
type RuleHead = Pick<Rule, 'id' | 'severity' | 'fix'>;

function unreadableProperties(e: unknown): Finding {
  return {
    ruleId: 'property-type',
    severity: Severity.ERROR,
    property: 'Properties',
    message: `[property-type] Properties = (unreadable): reading them threw an error (${describeError(e)}); only JSON data (objects, lists, strings, numbers, booleans, null) and CDK tokens can be checked. ${docsLink('property-type')}`,
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

function internalError(rule: RuleHead, e: unknown): Finding {
  return {
    ruleId: rule.id,
    severity: Severity.WARNING,
    property: 'Properties',
    message: `[${rule.id}] the rule could not run on these properties (${describeError(e)}); please report this as a bug.`,
    fix: 'Report this message at https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/issues.',
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : String(typeof v);
}
