import { POLICY_RULES } from './policy';
import { readClient } from './private/client';
import { Emit, Rule } from './private/rule';
import { CLIENT_RULES } from './registry';
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
   * `property-type` finding. Never throws, whatever JSON value it is given.
   *
   * @param properties the `Properties` of one `AWS::Cognito::UserPoolClient`
   * @param policy an organisation policy whose rules run too, with the severities it gives them
   */
  public static check(properties: { [key: string]: any }, policy?: ClientPolicy): Finding[] {
    const findings: Finding[] = [];
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      findings.push({
        ruleId: 'property-type',
        severity: Severity.ERROR,
        property: 'Properties',
        message: `[property-type] Properties = ${describe(properties)}: the properties of a user pool client must be an object.`,
        fix: 'Give the client\'s Properties as an object, e.g. { "UserPoolId": { "Ref": "UserPool" } }.',
      });
      return findings;
    }
    const client = readClient(properties);
    for (const rule of CLIENT_RULES) {
      try {
        rule.check(client, emitter(rule, findings));
      } catch (e) {
        // A rule must never break a synth or a check; a crash is a bug in that rule, reported as such.
        findings.push(internalError(rule, e));
      }
    }
    if (policy) {
      const settings = policy._settings();
      for (const rule of POLICY_RULES) {
        if (!rule.enabled(settings)) continue;
        const info = { ...rule, severity: policy.severityOf(rule.id) };
        try {
          rule.check(client, emitter(info, findings), settings);
        } catch (e) {
          findings.push(internalError(info, e));
        }
      }
    }
    return findings;
  }

  /**
   * Every rule the engine knows, with its id, severity, title and source.
   */
  public static rules(): RuleInfo[] {
    return CLIENT_RULES.map((r) => ({ id: r.id, severity: r.severity, title: r.title, source: r.source }));
  }

  private constructor() {}
}

/** What a finding needs of its rule. */
type RuleHead = Pick<Rule, 'id' | 'severity' | 'fix'>;

function emitter(rule: RuleHead, findings: Finding[]): Emit {
  return (property, value, why, fix) => {
    findings.push({
      ruleId: rule.id,
      severity: rule.severity,
      property,
      message: `[${rule.id}] ${property} = ${value}: ${why}`,
      fix: fix ?? rule.fix,
    });
  };
}

function internalError(rule: RuleHead, e: unknown): Finding {
  return {
    ruleId: rule.id,
    severity: Severity.WARNING,
    property: 'Properties',
    message: `[${rule.id}] the rule could not run on these properties (${e instanceof Error ? e.message : String(e)}); please report this as a bug.`,
    fix: 'Report this message at https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/issues.',
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : String(typeof v);
}
