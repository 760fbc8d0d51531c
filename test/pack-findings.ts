import { App, Aspects } from 'aws-cdk-lib';
import { AppClientChecks, ClientPolicy } from '../src';

/** One finding of the pack, as cdk-nag reports it. */
export interface PackFinding {
  readonly ruleName: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
}

/**
 * Adds `AppClientChecks` to `app` as the installed cdk-nag 2 (the dev dependency) adds packs, an
 * Aspect; synthesizes; and returns the pack's findings, read from cdk-nag's annotations.
 */
export function packFindings(app: App, policy?: ClientPolicy): PackFinding[] {
  Aspects.of(app).add(new AppClientChecks(app, { policy, reports: false }));
  app.synth();
  const out: PackFinding[] = [];
  for (const c of app.node.findAll()) {
    for (const m of c.node.metadata) {
      const severity = m.type === 'aws:cdk:error' ? 'error' : m.type === 'aws:cdk:warning' ? 'warning' : undefined;
      // the rule, without the finding id of a finding about one value (`AppClientChecks-<rule>[<finding id>]: ...`)
      const ruleName = /^(AppClientChecks-[a-z0-9-]+)(\[[^\n]*?\])?: /.exec(String(m.data))?.[1];
      if (severity && ruleName) out.push({ ruleName, severity, path: c.node.path });
    }
  }
  return out;
}
