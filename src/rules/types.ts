/**
 * How serious a finding is.
 */
export enum Severity {
  /** The service would reject the client: `cdk synth` fails. */
  ERROR = 'error',
  /** The service silently changes or ignores the value, or the rejection is unconfirmed: reported, synth goes on. */
  WARNING = 'warning',
}

/**
 * One rule violation found in the properties of one user pool client.
 */
export interface Finding {
  /** The catalog id of the rule, e.g. `redirect-uri-https`. */
  readonly ruleId: string;
  /** Whether the service rejects the value (error) or silently changes or ignores it (warning). */
  readonly severity: Severity;
  /**
   * Where the problem is, as a CloudFormation property path, e.g. `CallbackURLs[2]`
   * or `TokenValidityUnits.AccessToken`.
   */
  readonly property: string;
  /**
   * The name a suppression gives to this one value's finding, in cdk-nag's convention
   * `<Property>::<value>`: e.g. `AllowedOAuthScopes::orders-api/admin` or
   * `CallbackURLs::http://localhost:3000/callback`. Unresolved parts are rendered as cdk-nag renders
   * them (`<LogicalId>`, `<LogicalId.Attr>`), so the id is the same on every synth; brackets that
   * are not matched within the value, a `::` inside the value (`[%3A%3A1]`), whitespace and `%` are
   * percent-encoded, so the id survives aws-cdk-lib's parsing of acknowledgement ids on every release. Use it as cdk-nag 2's
   * `appliesTo: ['<finding id>']`, as cdk-nag 3's `AppClientChecks-<rule-id>[<finding id>]`, in
   * `AppClient.acknowledge(scope, '<rule-id>[<finding id>]', reason)`, and in the checker's ignore list.
   *
   * @default - the finding is not about one value of a list or URL (suppress the rule on the client)
   */
  readonly findingId?: string;
  /** What is wrong: the value received, the rule and why. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * The branches of `Fn::If` conditions in which the finding holds, e.g. `when IsProd is false`
   * (also named in the message).
   *
   * @default - the finding holds whatever the template's conditions are
   */
  readonly condition?: string;
}

/**
 * A rule of the catalog, as `ClientRules.rules()` lists it.
 */
export interface RuleInfo {
  /** The stable catalog id, e.g. `token-validity-range`. */
  readonly id: string;
  /** The severity of every finding of this rule. */
  readonly severity: Severity;
  /** A one-line summary of what the rule checks. */
  readonly title: string;
  /** The documentation or issue the rule comes from. */
  readonly source: string;
  /**
   * The rule's page: what it checks, the `AppClient` props and CloudFormation that fix it, and how
   * to suppress or acknowledge it in each entry point (`docs/rules/<rule-id>.md`, also in the npm
   * package). Finding messages do not repeat it.
   */
  readonly docs: string;
}
