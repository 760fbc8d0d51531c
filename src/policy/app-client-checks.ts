import { CfnResource, PolicyValidationPluginReport, PolicyViolation, Stack, Stage, Validations } from 'aws-cdk-lib';
// The pack module alone: cdk-nag's index loads every rule of every pack (about 170 ms at start-up).
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { IConstruct } from 'constructs';
import { ClientPolicy } from './client-policy';
import { KeptRenderingUserPoolClient, cognitoResources, renderTemplate } from '../private/cognito-template';
import { ClientRules } from '../rules/client-rules';
import { Finding } from '../rules/types';

const PACK_NAME = 'AppClientChecks';
const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

/**
 * Options of the `AppClientChecks` pack.
 */
export interface AppClientChecksProps extends NagPackProps {
  /**
   * The organisation policy to enforce on every app client, besides the documented service rules.
   *
   * @default - the documented service rules only
   */
  readonly policy?: ClientPolicy;
}

/**
 * A cdk-nag 3 pack that checks every `AWS::Cognito::UserPoolClient` of an app, however it was
 * created (`CfnUserPoolClient`, aws-cdk-lib's `UserPoolClient`, `AppClient`), in nested stacks and
 * stages too, against the documented service rules and an organisation policy. The rules are
 * those of `ClientRules`; the pack only wires them.
 *
 * Findings are named `AppClientChecks-<rule-id>`. Errors fail synth; warnings are reported and
 * synth goes on. Acknowledge a finding on a construct (or an ancestor) with
 * `Validations.of(construct).acknowledge({ id: 'AppClientChecks-<rule-id>', reason: '...' })`;
 * an acknowledgement without a reason is refused and reported.
 *
 * @example
 * declare const app: App;
 * Validations.of(app).addPlugins(new AppClientChecks(app, { policy: ClientPolicy.recommended() }));
 */
export class AppClientChecks extends NagPack {
  /**
   * Whether an `AppClientChecks` pack is registered on the stage of `scope` or an enclosing stage,
   * so that the pack reports the findings of the clients below it.
   *
   * @param scope any construct
   */
  public static isRegisteredFor(scope: IConstruct): boolean {
    // Stage.of(stage) is the stage enclosing that stage.
    for (let stage = Stage.of(scope); stage; stage = Stage.of(stage)) {
      if (stage._validationPlugins.some((p) => p instanceof AppClientChecks)) return true;
    }
    return false;
  }

  /** The plugin name in validation reports. */
  public readonly name: string = PACK_NAME;
  /** The version of cdk-cognito-app-client. */
  public readonly version?: string = VERSION;
  /** Every rule id this pack can report. */
  public readonly ruleIds?: string[];

  private readonly policy?: ClientPolicy;
  private stacks = new Set<Stack>();

  /**
   * @param scope the app (or stage): with `writeSuppressionsToCloudFormation`, acknowledgements are
   * written into the template metadata of the resources below it
   * @param props the policy to enforce besides the documented rules, and cdk-nag's pack options
   */
  constructor(scope?: IConstruct, props?: AppClientChecksProps) {
    super(scope, props);
    this.packName = PACK_NAME;
    this.policy = props?.policy;
    const ids = ClientRules.rules().map((r) => r.id).concat(this.policy?.enabledRuleIds ?? []);
    this.ruleIds = ids.map((id) => `${PACK_NAME}-${id}`);
  }

  /**
   * The pack's name, `AppClientChecks` (the prefix of every finding id).
   */
  public get readPackName(): string {
    return super.readPackName;
  }

  /**
   * Checks every app client below `scope` and returns the report: `success` is false only when a
   * finding of severity error remains unacknowledged.
   *
   * @param scope the app, a stage or any construct
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.stacks = new Set();
    super.validateScope(scope);
    const found: PolicyViolation[] = [];
    for (const stack of this.stacks) this.checkStack(stack, found);
    this.stacks = new Set();
    return {
      success: !found.some((v) => v.severity === 'error'),
      violations: found,
      pluginVersion: VERSION,
    };
  }

  /** Notes the stacks that hold app clients; each is checked once, as a template, after the walk. */
  protected checkResource(node: CfnResource): void {
    if (node.cfnResourceType === CLIENT_TYPE) this.stacks.add(Stack.of(node));
  }

  /** Checks the clients of one stack with their pool, resource servers and identity providers. */
  private checkStack(stack: Stack, found: PolicyViolation[]): void {
    const { template, byId } = renderTemplate(stack, cognitoResources(stack));
    for (const f of ClientRules.checkTemplate(template, { policy: this.policy })) {
      const node = byId.get(f.resource)!;
      const ack = acknowledgement(node, f.ruleId);
      if (ack?.reason) continue;
      if (ack) {
        found.push({
          ruleName: `${PACK_NAME}-acknowledgement-reason`,
          description: `[${ack.at}] the acknowledgement of ${ack.id} has no reason, so it is refused.`,
          fix: `Give a reason: Validations.of(construct).acknowledge({ id: '${ack.id}', reason: 'why this is acceptable' }).`,
          severity: 'error',
          violatingResources: [{ constructPath: ack.at, locations: [] }],
        });
      }
      // An AppClient's resource is reported on the AppClient: its path is the one the user wrote,
      // and the report's source location is the user's `new AppClient(...)`.
      const owner = node instanceof KeptRenderingUserPoolClient && node.node.scope ? node.node.scope : node;
      found.push(violation(f, owner.node.path, f.resource));
    }
  }
}

function violation(f: Finding, path: string, logicalId: string): PolicyViolation {
  return {
    ruleName: `${PACK_NAME}-${f.ruleId}`,
    description: `[${path}] ${f.message}`,
    fix: f.fix,
    severity: f.severity,
    violatingResources: [{ constructPath: path, resourceLogicalId: logicalId, locations: [`Properties/${f.property}`] }],
    ruleMetadata: { ruleId: f.ruleId, property: f.property },
  };
}

/**
 * The acknowledgement of a rule on the resource or its nearest acknowledging ancestor: the id as
 * written, where it was made, and its reason (empty when none was given).
 */
function acknowledgement(node: IConstruct, ruleId: string): { id: string; at: string; reason: string } | undefined {
  const accepted = [`${PACK_NAME}-${ruleId}`, `${PACK_NAME}::${ruleId}`, `${PACK_NAME}::${PACK_NAME}-${ruleId}`];
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as { [id: string]: unknown })) {
        const id = key.replace(/^annotation::/i, '');
        if (accepted.includes(id)) {
          return { id, at: c.node.path || '/', reason: typeof reason === 'string' ? reason.trim() : '' };
        }
      }
    }
  }
  return undefined;
}
