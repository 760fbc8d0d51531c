import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Aspects, CfnElement, CfnResource, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ClientPolicy } from './client-policy';
import { Acknowledgement, MIN_REASON_CHARS, appClientAckIds, findAcknowledgement, isRealReason, reasonRefusal } from '../private/acknowledgements';
import { KeptRenderingUserPoolClient, cognitoResources, groupByResource, nestedStackTemplates, renderTemplate } from '../private/cognito-template';
import { LibraryError } from '../private/errors';
import { AppScanOnce, addRegistered } from '../private/registrations';
import { InstalledCdkNag, loadCdkNag } from './private/cdk-nag';
import { LineValidationContext, LineValidationPlugin, LineValidationReport, LineViolation } from '../private/line';
import { ClientReporter, registerReporter, reportedByPack, reporterOf } from '../private/pack-coverage';
import { ClientRules } from '../rules/client-rules';
import { ATTACHMENT_RULES } from '../rules/registry';
import { isCustomResourceType, sdkClientCalls } from '../rules/sdk-requests';
import { TemplateFinding } from '../rules/template';
import { Severity } from '../rules/types';
import { unseenFindings } from '../rules/unseen';
import { loopFindings } from './private/loops';

const PACK_NAME = 'AppClientChecks';
/** aws-cdk-lib's app mode variable (cx-api's CDK_APP_MODE_ENV, 2.262 and later). */
const APP_MODE_ENV = 'CDK_APP_MODE';
const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
/**
 * The severity of a refused acknowledgement (cdk-nag 3): aws-cdk-lib's validation report never
 * suppresses a `fatal` violation (2.253 and later), whatever is acknowledged; it fails synth as an error does.
 */
const FATAL = 'fatal';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;
/** The documented service rules: an AppClient the pack does not report reports these itself. */
const DOCUMENTED = new Set(ClientRules.rules().map((r) => r.id));
/**
 * The rules reported on the resources attached to a client (its style, terms, SSO session setting),
 * by the type they report on; `branding-missing` is reported on the client.
 */
const ATTACHED_ROWS = (() => {
  const m = new Map<string, string[]>();
  for (const r of ATTACHMENT_RULES) {
    if (r.reportsOn !== 'attachment') continue;
    // reported on each type it reads that holds a ClientId (not on the pool's own attachment or domain)
    for (const type of r.reads) if (ATTACHMENT_RULES.some((o) => o.reportsOn === 'attachment' && o.reads[0] === type)) m.set(type, [...m.get(type) ?? [], r.id]);
  }
  return m;
})();
/** Every rule the pack can report, by id. */
const RULES = new Map([...ClientRules.rules(), ...ClientPolicy.rules()].map((r) => [r.id, r]));

/** A finding's message without the `[rule-id] ` it starts with, for reports that name the rule themselves. */
function ownText(f: TemplateFinding): string {
  const prefix = `[${f.ruleId}] `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/** A rule's explanation, as cdk-nag's packs give it with `verbose`: its title, source and page. */
function explanation(ruleId: string): string {
  const r = RULES.get(ruleId);
  return r ? `${r.title}. Source: ${r.source} Rule page: ${r.docs}` : ruleId;
}

/** The options of each cdk-nag major (the other major's are refused, as cdk-nag's own packs do in TypeScript). */
const CDK_NAG_2_OPTIONS = ['reports', 'reportFormats', 'logIgnores', 'additionalLoggers', 'suppressionIgnoreCondition'] as const;
const CDK_NAG_3_OPTIONS = ['writeSuppressionsToCloudFormation'] as const;
/** What cdk-nag 2 calls on each of `additionalLoggers`. */
const LOGGER_METHODS = ['onCompliance', 'onNonCompliance', 'onSuppressed', 'onError', 'onSuppressedError', 'onNotApplicable'];

/** What is wrong with the options for the installed cdk-nag, one line each. */
function optionProblems(nag: InstalledCdkNag, props: AppClientChecksProps | undefined): string[] {
  if (!props) return [];
  const given = (keys: readonly string[]) => keys.filter((k) => (props as { [k: string]: unknown })[k] !== undefined);
  if (nag.major === 3) {
    return given(CDK_NAG_2_OPTIONS).map((k) => `${k}: a cdk-nag 2 option, which cdk-nag 3 removed (findings go to aws-cdk-lib's validation report). Fix: remove it.`);
  }
  const problems = given(CDK_NAG_3_OPTIONS).map((k) => `${k}: a cdk-nag 3 option, which cdk-nag 2 does not have. Fix: remove it, or install cdk-nag 3.`);
  for (const f of props.reportFormats ?? []) {
    if (typeof f !== 'string' || !['csv', 'json'].includes(f.toLowerCase())) problems.push(`reportFormats: ${JSON.stringify(f)} is not a cdk-nag report format. Fix: give 'csv' and/or 'json' (NagReportFormat.CSV, NagReportFormat.JSON).`);
  }
  (props.additionalLoggers ?? []).forEach((l, i) => {
    const missing = LOGGER_METHODS.filter((m) => typeof l?.[m] !== 'function');
    if (missing.length) problems.push(`additionalLoggers[${i}]: not a cdk-nag INagLogger (it has no ${missing.join(', ')}). Fix: give an object that implements cdk-nag's INagLogger.`);
  });
  const c = props.suppressionIgnoreCondition;
  if (c !== undefined && typeof c?.createMessage !== 'function') problems.push('suppressionIgnoreCondition: not a cdk-nag INagSuppressionIgnore (it has no createMessage). Fix: give one of cdk-nag\'s, such as new SuppressionIgnoreErrors().');
  return problems;
}

/**
 * Options of the `AppClientChecks` pack.
 */
export interface AppClientChecksProps {
  /**
   * The organisation policy to enforce on every app client, besides the documented service rules.
   *
   * @default - the documented service rules only
   */
  readonly policy?: ClientPolicy;

  /**
   * Print each finding's explanation (the rule's title and source) after its message: cdk-nag 2 in
   * its annotations, cdk-nag 3 in the description of each violation (as cdk-nag's own packs do).
   *
   * @default false
   */
  readonly verbose?: boolean;

  /**
   * cdk-nag 2: write cdk-nag's compliance report to the cloud assembly, named by cdk-nag as for every
   * pack (`AppClientChecks-Auth-NagReport.csv` for a stack `Auth` with cdk-nag 2.27;
   * `AppClientChecks--Auth-NagReport.csv` with later 2.x releases, which prefix the stage's id, empty
   * for an app), with a row for every rule on every client (Compliant, Non-Compliant, Suppressed).
   *
   * @default true
   */
  readonly reports?: boolean;

  /**
   * cdk-nag 2: the formats of the compliance report, `csv` and/or `json` (cdk-nag's `NagReportFormat`
   * values).
   *
   * @default ['csv']
   */
  readonly reportFormats?: string[];

  /**
   * cdk-nag 2: log each suppressed finding as an annotation (cdk-nag's `logIgnores`).
   *
   * @default false
   */
  readonly logIgnores?: boolean;

  /**
   * cdk-nag 2: more loggers for every rule result, each a cdk-nag `INagLogger` (an object with
   * `onCompliance`, `onNonCompliance`, `onSuppressed`, `onError`, `onSuppressedError` and
   * `onNotApplicable`). Typed loosely, as cdk-nag is no dependency of this package; checked when the
   * pack is made.
   *
   * @default - cdk-nag's annotation logger and report logger only
   */
  readonly additionalLoggers?: any[];

  /**
   * cdk-nag 2: a condition under which a suppression is ignored, a cdk-nag `INagSuppressionIgnore`
   * (an object with `createMessage(input)`, such as `SuppressionIgnoreErrors`). Typed loosely, as
   * cdk-nag is no dependency of this package; checked when the pack is made.
   *
   * @default - suppressions apply as written
   */
  readonly suppressionIgnoreCondition?: any;

  /**
   * cdk-nag 3: write the acknowledgements (`Validations.of(x).acknowledge(...)`) into each resource's
   * CloudFormation metadata as cdk-nag 2's `cdk_nag: { rules_to_suppress: [...] }`, for audit tools
   * that read cdk-nag 2's suppressions (cdk-nag 3's own option: its aspect is registered on the scope).
   *
   * @default false
   */
  readonly writeSuppressionsToCloudFormation?: boolean;
}

/**
 * A cdk-nag pack that checks every `AWS::Cognito::UserPoolClient` of an app, however it was
 * created (`CfnUserPoolClient`, aws-cdk-lib's `UserPoolClient`, `AppClient`), in nested stacks and
 * stages too, against the documented service rules and an organisation policy. The rules are
 * those of `ClientRules`; the pack only wires them. It works with cdk-nag 2 and cdk-nag 3, each
 * registered the way that cdk-nag's packs are.
 *
 * With cdk-nag 2 (an Aspect): `Aspects.of(app).add(new AppClientChecks(app, { policy }))`. Errors
 * are error annotations (they fail `cdk synth`), warnings are warning annotations; suppress one
 * with `NagSuppressions.addResourceSuppressions(construct, [{ id: 'AppClientChecks-<rule-id>',
 * reason: '...' }])`.
 *
 * With cdk-nag 3 (a validation plugin, aws-cdk-lib 2.257 or later; the current line only):
 * `Validations.of(app).addPlugins(new AppClientChecks(app, { policy }))`. The pack checks the
 * templates that synthesis wrote, so overrides are seen. Errors fail synth, warnings are reported
 * and synth goes on; acknowledge a finding with `Validations.of(construct).acknowledge({ id:
 * 'AppClientChecks-<rule-id>', reason: '...' })` (an acknowledgement without a reason of at least 10
 * visible characters is refused).
 *
 * In an app where the pack is registered, it also reports each `AppClient`'s own findings (and
 * honours `AppClient.acknowledge`), so that an `AppClient` error no longer stops the synth before
 * the packs run: one `cdk synth` shows every finding of every pack and fails once. An `AppClient`
 * the pack does not report (no pack registered, a stage synthesized alone, `Template.fromStack`)
 * throws its errors at synth itself.
 *
 * A finding about one value (a URL, a scope, a flow, an attribute, an identity provider) has a
 * finding id (`Finding.findingId`, e.g. `CallbackURLs::http://localhost:3000/cb`): with cdk-nag 2,
 * suppress only it with `appliesTo: ['<finding id>']`; with cdk-nag 3, acknowledge
 * `AppClientChecks-<rule-id>[<finding id>]`.
 *
 * @exampleMetadata fixture=cdk-nag-3
 * @example
 * declare const app: App;
 * const policy = ClientPolicy.recommended();
 * // with cdk-nag 2:
 * Aspects.of(app).add(new AppClientChecks(app, { policy }));
 * // with cdk-nag 3:
 * Validations.of(app).addPlugins(new AppClientChecks(app, { policy }));
 */
export class AppClientChecks implements IAspect, LineValidationPlugin {
  /** The plugin name in validation reports. */
  public readonly name: string = PACK_NAME;
  /** The version of cdk-cognito-app-client. */
  public readonly version?: string = VERSION;
  /** Every rule id this pack can report. */
  public readonly ruleIds?: string[];
  /** The version of the cdk-nag this pack runs with. */
  public readonly cdkNagVersion: string;

  private readonly policy?: ClientPolicy;
  private readonly verbose: boolean;
  private readonly scope?: IConstruct;
  private readonly nag: InstalledCdkNag;
  private aspect?: CdkNag2Pack;
  /** With cdk-nag 2: the first construct the Aspect visited (where it was added); its validation checks the clients below it. */
  private root?: IConstruct;
  /** The stages this pack does not check, with why (`excludeStage`). */
  private readonly excluded: Array<{ readonly stage: Stage; readonly reason: string }> = [];
  /** How an AppClient asks this pack whether it reports it (see private/pack-coverage.ts). */
  private readonly reporter: ClientReporter = { reportsFor: (resource) => this.reportsFor(resource) };
  /** With cdk-nag 3: the pack was added as an Aspect (what to say about it). */
  private misuse?: string;
  /** With cdk-nag 2: an Aspect visited a construct (aspects run before construct validations). */
  private visited = false;
  /** With cdk-nag 2: the client resources the Aspect has checked in this synth. */
  private readonly checked = new WeakSet<IConstruct>();

  /**
   * @param scope the app (or stage) the pack is registered on: its construct tree is where
   * acknowledgements are read with aws-cdk-lib releases that do not hand the tree to plugins
   * @param props the policy to enforce besides the documented rules, and cdk-nag 2's options
   */
  constructor(scope?: IConstruct, props?: AppClientChecksProps) {
    this.nag = loadCdkNag();
    this.cdkNagVersion = this.nag.version;
    const problems = optionProblems(this.nag, props);
    if (problems.length) throw new LibraryError('pack-option', `AppClientChecks options with cdk-nag ${this.nag.version}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.verbose = props?.verbose ?? false;
    this.scope = scope;
    this.policy = props?.policy;
    const ids = ClientRules.rules().map((r) => r.id).concat(this.policy?.enabledRuleIds ?? []);
    this.ruleIds = ids.map((id) => `${PACK_NAME}-${id}`);
    if (this.nag.major === 2) this.aspect = makeCdkNag2Pack(this.nag, this.policy, props);
    if (this.nag.major === 3 && scope && props?.writeSuppressionsToCloudFormation) {
      Aspects.of(scope).add(new this.nag.module.WriteNagSuppressionsToCloudFormationAspect());
    }
    // In an app written in another jsii language (the jsii runtime sets JSII_AGENT), the cdk CLI runs
    // aws-cdk-lib in its "process" app mode (2.262 and later), where a failed validation only prints
    // and sets the exit code of the jsii runtime's Node process, which the app never sees, so
    // `cdk synth` would pass. In-memory mode throws the report to the app instead, as in JavaScript.
    if (this.nag.major === 3 && process.env.JSII_AGENT && process.env[APP_MODE_ENV] === 'process') process.env[APP_MODE_ENV] = 'inmemory';
    // A pack registered the other cdk-nag major's way is reported as a construct validation of its
    // scope: the one channel that reaches the console and fails the synth on every release and in
    // every app mode (a validation plugin's own report may only be written to the cloud assembly).
    if (scope) scope.node.addValidation({ validate: () => this.registrationProblems() });
    // An AppClient this pack reports leaves its findings to it (see private/pack-coverage.ts).
    if (scope) registerReporter(scope, this.reporter);
  }

  /**
   * Leaves a stage of the app unchecked by this pack, saying why. A pack checks every client at or
   * below where it is registered, nested stages included (with cdk-nag 2 too, whose Aspects stop at
   * stage boundaries), so that a stage cannot be used to escape the organisation's policy; a stage
   * that needs another policy is excluded here explicitly, and has its own pack. Every report says
   * so: a warning `AppClientChecks-stage-excluded` on each stack of the stage (cdk-nag 2), or in the
   * validation report (cdk-nag 3). A stage's own pack adds to the app's when it is not excluded.
   *
   * @param stage the stage this pack leaves to another
   * @param reason why (at least 10 visible characters; shown in every report)
   */
  public excludeStage(stage: Stage, reason: string): void {
    if (!isRealReason(reason)) {
      throw new LibraryError('pack-option', `AppClientChecks.excludeStage(${stage.node.path}): ${reasonRefusal(reason)}; give a reason of at least ${MIN_REASON_CHARS} visible characters, which every report shows.`);
    }
    const exclusion = { stage, reason: reason.trim() };
    this.excluded.push(exclusion);
    // With cdk-nag 2, a warning on each stack of the stage, made while the stage synthesizes (before
    // its parent's Aspects and validations run); with cdk-nag 3, the plugin's report says it.
    if (this.nag.major === 2) {
      const text = this.exclusionText(exclusion);
      Aspects.of(stage).add({
        visit: (c: IConstruct) => {
          if (Stack.isStack(c) && !c.nestedStackResource) Annotations.of(c).addWarning(`${PACK_NAME}-stage-excluded: ${text}`); // not acknowledgeable: every report says it
        },
      });
    }
  }

  /** The exclusion that covers `c` (it is in an excluded stage), if any. */
  private exclusionOf(c: IConstruct): { readonly stage: Stage; readonly reason: string } | undefined {
    if (this.excluded.length === 0) return undefined;
    for (let x: IConstruct | undefined = c; x; x = x.node.scope) {
      const e = this.excluded.find((y) => y.stage === x);
      if (e) return e;
    }
    return undefined;
  }

  /** What an excluded stage's reports say. */
  private exclusionText(e: { readonly stage: Stage; readonly reason: string }): string {
    const by = this.scope ? (this.scope.node.path || 'the app') : 'the app';
    return `the AppClientChecks pack of ${by} does not check stage ${e.stage.node.path}: ${e.reason}`;
  }

  /**
   * The pack's name, `AppClientChecks` (the prefix of every finding id).
   */
  public get readPackName(): string {
    return PACK_NAME;
  }

  /**
   * cdk-nag 2: checks `node` when it is an app client (the Aspect entry point).
   *
   * @param node the construct being visited
   */
  public visit(node: IConstruct): void {
    if (this.aspect) {
      this.visited = true;
      if (this.root === undefined) {
        // The Aspect only notes where it was added; the clients below are checked in that
        // construct's validation, which aws-cdk-lib runs after every Aspect (a client added or
        // changed by a later Aspect is seen) and before any AppClient below it validates itself.
        this.root = node;
        const root = node;
        const aspect = this.aspect;
        node.node.addValidation({ validate: () => this.checkWithCdkNag2(root, aspect) });
        if (!this.scope) registerReporter(node, this.reporter);
      }
      return;
    }
    if (this.misuse) return;
    this.misuse = `AppClientChecks was added as an Aspect, but cdk-nag ${this.nag.version} is installed, where packs are validation plugins, so nothing is checked. Fix: `
      + 'replace Aspects.of(app).add(new AppClientChecks(app)) with Validations.of(app).addPlugins(new AppClientChecks(app)). '
      + '(Aspects.of(app).add(...) is how packs are added with cdk-nag 2.)';
    // without a scope there is no construct validation to report it: fail here
    if (!this.scope) throw new LibraryError('pack-registration', this.misuse);
  }

  /**
   * Whether this pack reports the findings of this client resource in this synth, certainly: with
   * cdk-nag 2, its Aspect has checked the resource; with cdk-nag 3, it is a validation plugin of a
   * stage that holds the resource (read from the stage's public list of plugins).
   */
  private reportsFor(resource: IConstruct): boolean {
    if (this.nag.major === 2) return this.checked.has(resource);
    if (this.exclusionOf(resource)) return false;
    for (let stage = Stage.of(resource); stage; stage = stage.node.scope ? Stage.of(stage.node.scope) : undefined) {
      if (pluginsOf(stage).some((p) => p === this || (this.ruleIds !== undefined && p?.ruleIds === this.ruleIds))) return true;
    }
    return false;
  }

  /** cdk-nag 2: checks every client at or below `root`, except in excluded stages, once per synth. */
  private checkWithCdkNag2(root: IConstruct, aspect: CdkNag2Pack): string[] {
    const nested = aspect.checkAll(root, {
      skip: (c) => this.exclusionOf(c) !== undefined,
      first: (node) => !reportedByPack(node), // no pack has checked it yet in this synth
      checked: (node) => this.checked.add(node),
    });
    return nested;
  }

  /**
   * The construct validation of the pack's scope: the pack registered the other cdk-nag major's way.
   * With cdk-nag 2 it must be an Aspect of some construct of the app (it has visited one by now);
   * with cdk-nag 3 it must not be one.
   */
  private registrationProblems(): string[] {
    if (this.nag.major === 3) return this.misuse ? [`[pack-registration] ${this.misuse}`] : [];
    if (this.visited) return [];
    return [`[pack-registration] AppClientChecks was created with cdk-nag ${this.nag.version} installed, but is not an Aspect of this app, so nothing is checked. `
      + 'Fix: add it with Aspects.of(app).add(new AppClientChecks(app)). (Validations.of(app).addPlugins(...) is how packs are registered with cdk-nag 3.)'];
  }

  /**
   * cdk-nag 3: checks the app clients of the synthesized templates of the stage the pack is
   * registered on (the validation-plugin entry point). `success` is false only when a finding of
   * severity error remains unacknowledged.
   *
   * @param context the templates of the stage, as aws-cdk-lib hands them to validation plugins
   */
  public validate(context: LineValidationContext): LineValidationReport {
    if (this.nag.major === 2) {
      return {
        success: false,
        pluginVersion: VERSION,
        violations: [{
          ruleName: `${PACK_NAME}-registration`,
          description: `AppClientChecks was registered as a validation plugin, but cdk-nag ${this.nag.version} is installed, where packs are Aspects, so nothing was checked.`,
          fix: 'Replace Validations.of(app).addPlugins(new AppClientChecks(app)) with Aspects.of(app).add(new AppClientChecks(app)). (Validation plugins are how packs are registered with cdk-nag 3.)',
          severity: 'error',
          violatingResources: [],
        }],
      };
    }
    const given = context as LineValidationContext & { appConstruct?: IConstruct };
    const tree = new ConstructTree(given.appConstruct ?? this.scope?.node.root);
    const found: LineViolation[] = [];
    const seen = new Set<string>();
    // Each template file is read and parsed once, though a nested one is both context of its parent and checked itself.
    const parsed = new Map<string, any>();
    const read = (file: string) => {
      if (!parsed.has(file)) parsed.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.get(file);
    };
    // aws-cdk-lib hands a plugin the stacks of its stage and of every stage below it: an excluded
    // stage's templates are left out, and the report says so.
    const excludedDirs = this.excluded.map((e) => path.resolve(e.stage.outdir) + path.sep);
    for (const templatePath of context.templatePaths) {
      const file = path.resolve(templatePath);
      if (excludedDirs.some((d) => file.startsWith(d))) continue;
      this.checkTemplateFile(file, tree, found, seen, read);
    }
    // A baseline rule the policy turns off or weakens: every report lists it, with its reason.
    for (const a of this.policy?.acknowledged ?? []) {
      found.push({
        ruleName: `${PACK_NAME}-baseline-acknowledged`,
        description: `The policy extends ${a.baseline} and turns off or weakens ${a.ruleId} (${a.change}), acknowledged: ${a.reason}`,
        fix: `Remove the acknowledgement of ${a.ruleId} once the policy keeps the baseline's rule.`,
        severity: Severity.WARNING,
        violatingResources: [],
      });
    }
    for (const e of this.excluded) {
      found.push({
        ruleName: `${PACK_NAME}-stage-excluded`,
        description: this.exclusionText(e),
        fix: 'Check the stage with its own pack, or stop excluding it (AppClientChecks.excludeStage).',
        severity: Severity.WARNING,
        violatingResources: [],
      });
    }
    return { success: !found.some((v) => v.severity === Severity.ERROR || v.severity === FATAL), violations: found, pluginVersion: VERSION };
  }

  /** Checks one synthesized template, then the templates of its nested stacks. */
  private checkTemplateFile(file: string, tree: ConstructTree, found: LineViolation[], seen: Set<string>, read: (file: string) => any): void {
    if (seen.has(file)) return;
    seen.add(file);
    const template = read(file);
    // a stack without resources (only outputs or parameters, or nothing yet) has no client to check
    if (template?.Resources === undefined) return;
    const resources: { [id: string]: any } = template.Resources;
    const nested = nestedTemplateFiles(file, template, tree, read);
    const nestedTemplates: { [path: string]: any } = {};
    for (const [key, n] of nested) nestedTemplates[key] = n.template;
    // what the app says exists outside the template, for the clients that do not say it themselves (see Registered)
    const app: AppScanOnce = {};
    for (const [id, body] of Object.entries<any>(resources)) {
      if (body?.Type !== CLIENT_TYPE) continue;
      const node = tree.find(file, id, metadataPath(body));
      addRegistered(body, node && CfnResource.isCfnResource(node) ? node : undefined, app);
    }
    // what the template holds unseen (a transform, a nested stack whose template is not at hand, a stack set)
    const unseen = unseenFindings(template, (id) => nested.has(id));
    for (const f of [...ClientRules.checkTemplate(template, { policy: this.policy, nestedTemplates }), ...unseen]) {
      const cdkPath = metadataPath(resources[f.resource]);
      const node = tree.find(file, f.resource, cdkPath);
      const owner = appClientOf(node);
      // an AppClient reports its documented findings itself unless a pack reports it (then it leaves
      // them to the pack); of several packs that report a client, the first reports the documented rules
      const ownFinding = owner !== undefined && DOCUMENTED.has(f.ruleId);
      if (ownFinding && !this.reportsFor(node!)) continue;
      if (node && DOCUMENTED.has(f.ruleId) && reportedByPack(node) && reporterOf(node) !== this.reporter) continue;
      // with the construct tree at hand, a resource it does not hold is not given the path its metadata claims
      // (aws-cdk-lib would apply that construct's acknowledgements to it)
      const reportedAt = (owner ?? node)?.node.path ?? (tree.hasTree ? f.resource : cdkPath ?? f.resource);
      const ack = node && acknowledgement(node, f, ownFinding);
      if (ack && isRealReason(ack.reason)) continue;
      if (ack) {
        found.push({
          ruleName: `${PACK_NAME}-acknowledgement-reason`,
          description: `[${ack.at}] the acknowledgement of ${ack.id} is refused: ${reasonRefusal(ack.reason)}.`,
          fix: `Give a reason: Validations.of(construct).acknowledge({ id: '${ack.id}', reason: 'why this is acceptable' }).`,
          // fatal: aws-cdk-lib never suppresses a fatal violation, so the refusal cannot itself be
          // acknowledged (an app-level acknowledgement of this rule would silence every refusal)
          severity: FATAL,
          violatingResources: [located(f.resource, file, ack.at, [])],
        });
      }
      found.push({
        // a finding about one value is named as cdk-nag 3's packs name findings: Rule[finding]
        ruleName: `${PACK_NAME}-${f.ruleId}${f.findingId === undefined ? '' : `[${f.findingId}]`}`,
        // the report names the rule and the construct itself: each is said once
        description: `${ownText(f)}${this.verbose ? ` (${explanation(f.ruleId)})` : ''}`,
        fix: f.fix,
        severity: f.severity,
        violatingResources: [located(f.resource, file, reportedAt, [`Properties/${f.property}`])],
        ruleMetadata: f.findingId === undefined ? { ruleId: f.ruleId, property: f.property }
          : { ruleId: f.ruleId, property: f.property, findingId: f.findingId },
      });
    }
    // The nested stacks' own clients, each in its own template (direct children only: they recurse).
    for (const [key, n] of nested) if (!key.includes('/')) this.checkTemplateFile(n.file, tree, found, seen, read);
  }
}

/**
 * A violating resource. `constructPath` is read by aws-cdk-lib releases that have it (it puts the
 * construct's creation stack in the report) and ignored by older ones.
 */
function located(logicalId: string, templatePath: string, constructPath: string, locations: string[]) {
  const resource = { resourceLogicalId: logicalId, templatePath, locations, constructPath };
  return resource;
}

/** The construct path that CDK writes into a resource's metadata (`aws:cdk:path`). */
function metadataPath(body: any): string | undefined {
  const p = body?.Metadata?.['aws:cdk:path'];
  return typeof p === 'string' ? p : undefined;
}

/**
 * The resources of an app's construct tree by synthesized template and logical id, indexed on
 * first use, so that a template's resource is reported on its construct (and acknowledgements
 * on it or its ancestors are found) whether or not the template carries `aws:cdk:path` metadata,
 * and a resource whose metadata names another construct's path does not take that construct's
 * acknowledgements.
 */
class ConstructTree {
  private byTemplate?: Map<string, Map<string, CfnElement>>;
  private byPath?: Map<string, IConstruct>;
  private readonly nested = new Map<IConstruct, string>();
  constructor(private readonly root?: IConstruct) {}

  /** Whether the app's construct tree is known (else only the templates' metadata paths are). */
  public get hasTree(): boolean {
    return this.root !== undefined;
  }

  /**
   * The construct of the resource `logicalId` of the template `file` (a `CfnResource`, or a raw
   * `CfnElement` that renders it), or, for a copy of a template, of its `aws:cdk:path` when that is
   * the `CfnResource` of this logical id.
   */
  public find(file: string, logicalId: string, cdkPath: string | undefined): IConstruct | undefined {
    if (!this.root) return undefined;
    if (!this.byTemplate || !this.byPath) {
      this.byTemplate = new Map();
      this.byPath = new Map();
      for (const c of this.root.node.findAll()) {
        this.byPath.set(c.node.path, c);
        // a nested stack's resource in its parent: its template is checked after the parent's
        if (Stack.isStack(c) && c.nestedStackResource) this.nested.set(c.nestedStackResource, templateOf(c));
        // every element by its logical id, a raw CfnElement that renders a resource too (its own place
        // in the tree is where its acknowledgements are); a CfnResource wins over another element
        if (!CfnElement.isCfnElement(c)) continue;
        const stack = Stack.of(c);
        const ids = this.resourcesOf(templateOf(stack));
        const id = stack.resolve(c.logicalId);
        if (!ids.has(id) || CfnResource.isCfnResource(c)) ids.set(id, c);
      }
    }
    const own = this.byTemplate.get(file)?.get(logicalId);
    if (own || cdkPath === undefined) return own;
    // The template's `aws:cdk:path` is only a string that any resource can carry (a raw CfnElement,
    // an override of its Metadata): it names a construct only when that construct is the CfnResource
    // of this logical id in a template of this name (a copy of the assembly, read elsewhere).
    const named = this.byPath.get(cdkPath);
    if (!named || !CfnResource.isCfnResource(named)) return undefined;
    const stack = Stack.of(named);
    return stack.resolve(named.logicalId) === logicalId && path.basename(templateOf(stack)) === path.basename(file) ? named : undefined;
  }

  /**
   * The template of the nested stack that `logicalId` of `file` stands for: from the construct
   * tree, or from the asset path that CDK writes into the resource's metadata.
   */
  public nestedTemplate(file: string, logicalId: string, body: any): string | undefined {
    const resource = this.find(file, logicalId, metadataPath(body));
    const fromTree = resource && this.nested.get(resource);
    if (fromTree) return fromTree;
    const asset = body?.Metadata?.['aws:asset:path'];
    return typeof asset === 'string' ? path.resolve(path.dirname(file), asset) : undefined;
  }

  private resourcesOf(template: string): Map<string, CfnElement> {
    let ids = this.byTemplate!.get(template);
    if (!ids) this.byTemplate!.set(template, ids = new Map());
    return ids;
  }
}

/**
 * The template files of the nested stacks below `file`, for `TemplateCheckOptions.nestedTemplates`:
 * keyed by the nested stack's logical id (`Outer/Inner` below that), to a bounded depth.
 */
function nestedTemplateFiles(file: string, template: any, tree: ConstructTree, read: (file: string) => any, prefix = '', depth = 0,
  out = new Map<string, { file: string; template: any }>()): Map<string, { file: string; template: any }> {
  if (depth > 8) return out;
  for (const [logicalId, body] of Object.entries<any>(template?.Resources ?? {})) {
    if (body?.Type !== 'AWS::CloudFormation::Stack') continue;
    const nested = tree.nestedTemplate(file, logicalId, body);
    if (!nested || !fs.existsSync(nested) || [...out.values()].some((n) => n.file === nested)) continue;
    const t = read(nested);
    out.set(`${prefix}${logicalId}`, { file: nested, template: t });
    nestedTemplateFiles(nested, t, tree, read, `${prefix}${logicalId}/`, depth + 1, out);
  }
  return out;
}

/** Where a stack's template is written. */
function templateOf(stack: Stack): string {
  return path.resolve(Stage.of(stack)?.outdir ?? '.', stack.templateFile);
}

/** The `AppClient` whose resource `node` is, if it is one. */
function appClientOf(node: IConstruct | undefined): IConstruct | undefined {
  if (node instanceof KeptRenderingUserPoolClient) return node.node.scope;
  // a style, terms or SSO session setting an AppClient made beside its client
  if (node && CfnResource.isCfnResource(node) && ATTACHED_ROWS.has(node.cfnResourceType)) {
    const scope = node.node.scope;
    if (scope?.node.children.some((c) => c instanceof KeptRenderingUserPoolClient)) return scope;
  }
  return undefined;
}

/**
 * The acknowledgement of a finding on the resource or its nearest acknowledging ancestor: of its
 * value (`AppClientChecks-<rule-id>[<finding id>]`, as cdk-nag 3's packs name findings), or of the
 * rule; an AppClient's own finding (`ownFinding`) may also be acknowledged as the AppClient's
 * (`AppClient.acknowledge`), as when the client reports it itself.
 */
function acknowledgement(node: IConstruct, f: TemplateFinding, ownFinding: boolean): Acknowledgement | undefined {
  const rule = [`${PACK_NAME}-${f.ruleId}`, `${PACK_NAME}::${f.ruleId}`, `${PACK_NAME}::${PACK_NAME}-${f.ruleId}`];
  const ids = f.findingId === undefined ? rule : [...rule.map((id) => `${id}[${f.findingId}]`), ...rule];
  return findAcknowledgement(node, ownFinding ? [...appClientAckIds(f), ...ids] : ids);
}

/**
 * A stage's validation plugins, from its public (on 2.278, deprecated) list: read without the
 * deprecation warning, which would otherwise be printed on every synth.
 */
function pluginsOf(stage: Stage): any[] {
  const mode = process.env.JSII_DEPRECATED;
  process.env.JSII_DEPRECATED = 'quiet';
  try {
    return [...((stage as { policyValidationBeta1?: unknown[] }).policyValidationBeta1 ?? [])];
  } catch {
    return [];
  } finally {
    if (mode === undefined) delete process.env.JSII_DEPRECATED;
    else process.env.JSII_DEPRECATED = mode;
  }
}

/** Findings grouped by finding id (undefined: findings about no one value), in order of appearance. */
function byFinding(list: TemplateFinding[]): Map<string | undefined, TemplateFinding[]> {
  const out = new Map<string | undefined, TemplateFinding[]>();
  for (const f of list) {
    const group = out.get(f.findingId);
    if (group) group.push(f);
    else out.set(f.findingId, [f]);
  }
  return out;
}

/** Resource types whose contents the engine cannot see (see rules/unseen.ts). */
const UNSEEN_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::CloudFormation::StackSet', 'AWS::Serverless::Application']);

/** What the pack's construct validation tells the cdk-nag 2 pack when it checks the clients. */
interface CheckOptions {
  /** A client not to check (in an excluded stage). */
  readonly skip: (node: IConstruct) => boolean;
  /** Whether this pack is the first to report this client: it alone reports the documented rules. */
  readonly first: (node: IConstruct) => boolean;
  /** Notes that this pack reports this client (after `first` is asked). */
  readonly checked: (node: IConstruct) => void;
}

/** The pack as a cdk-nag 2 `NagPack`, checking the clients below a construct when told to. */
interface CdkNag2Pack {
  /**
   * Checks the clients below `root`. Returns the errors found in stages below the root's: aws-cdk-lib
   * synthesizes a nested stage before its parent's Aspects and validations run, so cdk-nag's
   * annotations cannot reach its assembly any more; they fail the synth as validation errors instead.
   */
  checkAll(root: IConstruct, options: CheckOptions): string[];
}

/**
 * The pack as a cdk-nag 2 `NagPack` (made from the installed cdk-nag's class, so cdk-nag's own
 * suppressions, annotations and reports apply). The clients are checked once every Aspect has run
 * (see `AppClientChecks.visit`): each stack's Cognito resources are rendered and checked once, and
 * each client's findings are applied as one cdk-nag rule per rule id (one cdk-nag finding per value).
 */
function makeCdkNag2Pack(nag: InstalledCdkNag, policy: ClientPolicy | undefined, props: AppClientChecksProps | undefined): CdkNag2Pack {
  const { NagPack, NagMessageLevel, NagRuleCompliance } = nag.module;
  const level = (severity: Severity) => severity === Severity.ERROR ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
  // Every rule the pack applies to a client, with the severity its Compliant rows carry.
  const applied = [...ClientRules.rules(), ...ClientPolicy.rules().filter((r) => policy?.enabledRuleIds.includes(r.id))]
    .map((r) => ({ id: r.id, severity: DOCUMENTED.has(r.id) ? r.severity : policy!.severityOf(r.id) }));
  const appliedIds = new Set(applied.map((r) => r.id));
  const attachedIds = new Set([...ATTACHED_ROWS.values()].flat());
  /** The rules whose rows a resource of each type carries (Compliant when it has no finding of them): a client's, or an attached resource's. */
  const clientRows = applied.filter((r) => !attachedIds.has(r.id));
  const attachedRows = new Map([...ATTACHED_ROWS].map(([type, ids]) => [type, applied.filter((r) => ids.includes(r.id))]));
  const rowsOf = (type: string) => attachedRows.get(type) ?? clientRows;
  /** The errors of clients in stages below the root's, as cdk-nag reports them (see `checkAll`). */
  let nestedErrors: string[] | undefined;
  let nestedStage: ((node: IConstruct) => boolean) | undefined;
  const collect = (data: any, text: string) => {
    if (nestedErrors && nestedStage?.(data.resource) && data.ruleLevel === NagMessageLevel.ERROR) {
      nestedErrors.push(`[${data.resource.node.path}] ${data.ruleId}${data.findingId ? `[${data.findingId}]` : ''}: ${text}`);
    }
  };
  const nestedLogger = {
    onCompliance: () => undefined,
    onNonCompliance: (data: any) => collect(data, String(data.ruleInfo)),
    onSuppressed: () => undefined,
    onError: (data: any) => collect(data, `the rule could not run (${data.errorMessage}).`),
    onSuppressedError: () => undefined,
    onNotApplicable: () => undefined,
  };
  class CdkNag2AppClientChecks extends NagPack implements CdkNag2Pack {
    private done = false;

    constructor() {
      super({
        verbose: props?.verbose ?? false,
        reports: props?.reports ?? true,
        reportFormats: props?.reportFormats?.map((f) => f.toLowerCase()),
        logIgnores: props?.logIgnores,
        additionalLoggers: [...(props?.additionalLoggers ?? []), nestedLogger],
        suppressionIgnoreCondition: props?.suppressionIgnoreCondition,
      });
      this.packName = PACK_NAME;
      // cdk-nag 2 asks a suppression's reason for 10 characters, not 10 visible ones: a reason of ten
      // zero-width spaces or blank Braille patterns is ignored here, saying why (cdk-nag applies this
      // condition beside the user's suppressionIgnoreCondition, either one ignoring the suppression).
      this.packGlobalSuppressionIgnore = {
        createMessage: (input: { reason?: unknown }) => {
          const refusal = reasonRefusal(input.reason);
          return refusal ? `${refusal}; white space, invisible and blank-looking characters do not count.` : '';
        },
      };
    }

    public visit(): void {
      // the clients are checked by checkAll, once every Aspect has run
    }

    public checkAll(root: IConstruct, options: CheckOptions): string[] {
      // Construct validations run on every synth, Aspects once: the annotations are made once.
      if (this.done) return [];
      this.done = true;
      const rootStage = Stage.isStage(root) ? root : Stage.of(root);
      nestedErrors = [];
      nestedStage = (node) => Stage.of(node) !== rootStage;
      const byStack = new Map<Stack, CfnResource[]>();
      const custom: CfnResource[] = [];
      const stacks: Stack[] = [];
      for (const c of root.node.findAll()) {
        if (Stack.isStack(c) && !options.skip(c)) stacks.push(c);
        if (!CfnResource.isCfnResource(c) || options.skip(c)) continue;
        if (isCustomResourceType(c.cfnResourceType)) custom.push(c);
        // clients, and the resources attached to them (reported on themselves)
        if (c.cfnResourceType !== CLIENT_TYPE && !ATTACHED_ROWS.has(c.cfnResourceType)) continue;
        const stack = Stack.of(c);
        const list = byStack.get(stack);
        if (list) list.push(c);
        else byStack.set(stack, [c]);
      }
      for (const [stack, nodes] of byStack) {
        // With the stack's transforms, so that an Fn::ForEach in a client's properties is expanded
        // (AWS::LanguageExtensions), and its nested stacks' templates (this runs during validation,
        // once references are resolved): what they hold counts for the stack's clients.
        const { template: partial, byId } = renderTemplate(stack, cognitoResources(stack));
        // what the app says exists outside the template, for the clients that do not say it themselves (see Registered)
        const app: AppScanOnce = {};
        for (const [id, node] of byId) addRegistered(partial.Resources[id], node.cfnResourceType === CLIENT_TYPE ? node : undefined, app);
        const rendered = { ...partial, Transform: stack.templateOptions.transforms };
        const findings = groupByResource(ClientRules.checkTemplate(rendered, { policy, nestedTemplates: nestedStackTemplates(stack) }));
        for (const node of nodes) {
          const first = options.first(node);
          options.checked(node);
          this.applyTo(node, findings.get(stack.resolve(node.logicalId)) ?? [], first);
        }
      }
      // What each stack holds unseen: its transforms, a CfnStack that is no nested stack of the app,
      // a stack set, a serverless application (a nested stack of the app is checked as its own stack).
      for (const stack of stacks) this.reportUnseen(stack);
      // A baseline rule the policy turns off or weakens: a warning on each stack, which every report shows.
      for (const a of policy?.acknowledged ?? []) {
        for (const stack of stacks) {
          if (!stack.nestedStackResource) Annotations.of(stack).addWarning(`${PACK_NAME}-baseline-acknowledged: the policy extends ${a.baseline} and turns off or weakens ${a.ruleId} (${a.change}), acknowledged: ${a.reason}`);
        }
      }
      // Clients made by Fn::ForEach (AWS::LanguageExtensions), which no CfnResource holds: on the stack
      for (const stack of stacks) {
        for (const f of loopFindings(stack, policy)) {
          const text = `${PACK_NAME}-${f.ruleId}: [${f.resource}] ${ownText(f)} Fix: ${f.fix}`;
          if (f.severity === Severity.ERROR) Annotations.of(stack).addError(text);
          else Annotations.of(stack).addWarningV2(`${PACK_NAME}-${f.ruleId}`, text);
        }
      }
      // Clients made through the SDK (an AwsCustomResource calling CreateUserPoolClient or
      // UpdateUserPoolClient): checked from the request, on the custom resource.
      for (const node of custom) {
        const stack = Stack.of(node);
        const id = stack.resolve(node.logicalId);
        const template = renderTemplate(stack, [node]).template;
        if (sdkClientCalls(template.Resources[id]).length === 0) continue;
        const first = options.first(node);
        options.checked(node);
        this.applyTo(node, ClientRules.checkTemplate(template, { policy }).filter((f) => f.resource === id), first);
      }
      const errors = nestedErrors;
      nestedErrors = undefined;
      return errors;
    }

    /** Reports what a stack holds unseen, on the resource (or, for its transforms, the stack). */
    private reportUnseen(stack: Stack): void {
      const resources: { [id: string]: any } = {};
      const nodes = new Map<string, CfnResource>();
      const nestedIds = new Set<string>();
      for (const c of stack.node.findAll()) {
        if (Stack.isStack(c) && c !== stack && c.nestedStackResource) nestedIds.add(stack.resolve(c.nestedStackResource.logicalId));
        if (!CfnResource.isCfnResource(c) || Stack.of(c) !== stack || !UNSEEN_TYPES.has(c.cfnResourceType)) continue;
        const id = stack.resolve(c.logicalId);
        resources[id] = { Type: c.cfnResourceType };
        nodes.set(id, c);
      }
      const transforms = stack.templateOptions.transforms;
      const template = { Transform: transforms && transforms.length ? transforms : undefined, Resources: resources };
      for (const f of unseenFindings(template, (id) => nestedIds.has(id))) {
        const node = nodes.get(f.resource);
        if (!node) {
          Annotations.of(stack).addWarningV2(`${PACK_NAME}-${f.ruleId}`, `${PACK_NAME}-${f.ruleId}: ${ownText(f)} Fix: ${f.fix}`);
          continue;
        }
        // one cdk-nag finding on that resource (suppressible as any other), no rows for the client rules
        this.applyRule({
          ruleSuffixOverride: f.ruleId,
          info: `${ownText(f)} Fix: ${f.fix}`,
          explanation: explanation(f.ruleId),
          level: level(f.severity),
          rule: () => NagRuleCompliance.NON_COMPLIANT,
          node,
        });
      }
    }

    /**
     * Applies every rule to one client, as cdk-nag's packs apply theirs: Non-Compliant with the
     * findings, Compliant otherwise (the report's rows). The documented rules only when this pack is
     * the first to report the client; an AppClient's, honouring AppClient.acknowledge as it does.
     */
    private applyTo(node: CfnResource, findings: TemplateFinding[], first: boolean): void {
      const owner = appClientOf(node);
      const byRule = new Map<string, TemplateFinding[]>();
      const refused: TemplateFinding[] = [];
      for (const f of findings) {
        if (DOCUMENTED.has(f.ruleId) && !first) continue;
        if (owner && DOCUMENTED.has(f.ruleId)) {
          const ack = findAcknowledgement(owner, appClientAckIds(f));
          if (ack && isRealReason(ack.reason)) continue;
          if (ack) refused.push({ ...f, ruleId: 'acknowledgement-reason', severity: Severity.ERROR, message: `${ack.id} is acknowledged at ${ack.at} without a reason: ${reasonRefusal(ack.reason)}, so the acknowledgement is refused.`, fix: `Give a reason: AppClient.acknowledge(scope, '${ack.id.replace(/^[^:]*:/, '')}', 'why this is acceptable').` });
        }
        const list = byRule.get(f.ruleId);
        if (list) list.push(f);
        else byRule.set(f.ruleId, [f]);
      }
      // The refusal is a plain error annotation, not a cdk-nag rule, so that no NagSuppressions entry
      // (an AppClientChecks-acknowledgement-reason suppression on the stack, say) can silence it; in a
      // stage below the root's, it fails the synth as the other errors there do (see checkAll).
      for (const text of new Set(refused.map((f) => `${PACK_NAME}-acknowledgement-reason: ${f.message} Fix: ${f.fix}`))) {
        if (nestedErrors && nestedStage?.(node)) nestedErrors.push(`[${node.node.path}] ${text}`);
        else Annotations.of(node).addError(text);
      }
      // A finding of a rule outside the list (none today) is still reported.
      const others = [...byRule.keys()].filter((id) => !appliedIds.has(id));
      const rows = rowsOf(node.cfnResourceType);
      const rowIds = new Set(rows.map((r) => r.id));
      // its own rows, the other rules it has findings of (a property-type on an attached resource, say), then the rest
      const elsewhere = [...byRule.keys()].filter((id) => !rowIds.has(id) && appliedIds.has(id)).map((id) => applied.find((r) => r.id === id)!);
      const rules = [...rows.filter((r) => first || !DOCUMENTED.has(r.id)), ...elsewhere,
        ...others.map((id) => ({ id, severity: Severity.WARNING }))];
      for (const rule of rules) {
        const list = byRule.get(rule.id);
        const apply = (result: unknown, info: string, severity: Severity) => this.applyRule({
          ruleSuffixOverride: rule.id,
          // cdk-nag prefixes the rule id (and the finding id): each finding's text without its own
          info,
          explanation: explanation(rule.id),
          level: level(severity),
          rule: () => result,
          node,
        });
        if (!list) {
          apply(NagRuleCompliance.COMPLIANT, RULES.get(rule.id)?.title ?? rule.id, rule.severity);
          continue;
        }
        // A finding about one value is its own cdk-nag finding (suppressed with appliesTo: [its id]);
        // the others are the rule's, suppressed with the rule.
        for (const [findingId, group] of byFinding(list)) {
          apply(findingId === undefined ? NagRuleCompliance.NON_COMPLIANT : [findingId], group.map((f) => `${ownText(f)} Fix: ${f.fix}`).join('\n'),
            group.some((f) => f.severity === Severity.ERROR) ? Severity.ERROR : Severity.WARNING);
        }
      }
    }
  }
  return new CdkNag2AppClientChecks();
}
