import { IConstruct } from 'constructs';

/**
 * How an `AppClient` learns that a registered `AppClientChecks` pack reports its findings, so that
 * its errors fail the synth through the pack, beside every other pack's findings, instead of
 * stopping the synth at the construct's validation (which runs before validation plugins, and
 * before cdk-nag 2's annotations are printed).
 *
 * Each pack records itself under its app's root construct when it is made; at validation time the
 * client asks each pack of its app whether it reports this client's resource in this synth. A pack
 * answers yes only when that is certain: with cdk-nag 2, its Aspect has visited the resource (Aspects
 * run before construct validations); with cdk-nag 3, it is one of the validation plugins of a stage
 * that holds the client. A pack that was made but not registered answers no, and the client
 * reports its errors itself, as it does in an app without a pack: never a silent skip.
 */
export interface ClientReporter {
  /** Whether this pack reports the findings of this client resource in this synth. */
  reportsFor(resource: IConstruct): boolean;
}

const REPORTERS = new WeakMap<IConstruct, ClientReporter[]>();

/** Records a pack made in the app of `scope`. */
export function registerReporter(scope: IConstruct, reporter: ClientReporter): void {
  const root = scope.node.root;
  const list = REPORTERS.get(root);
  if (list) list.push(reporter);
  else REPORTERS.set(root, [reporter]);
}

/** Whether a pack of the app reports this client resource's findings in this synth. */
export function reportedByPack(resource: IConstruct): boolean {
  return reporterOf(resource) !== undefined;
}

/**
 * The first pack of the app (in the order they were made) that reports this client resource: it
 * alone reports the documented rules' findings, so that a client checked by two packs (the app's
 * and its stage's) gets each once; every pack reports its own policy's findings.
 */
export function reporterOf(resource: IConstruct): ClientReporter | undefined {
  return (REPORTERS.get(resource.node.root) ?? []).find((r) => r.reportsFor(resource));
}
