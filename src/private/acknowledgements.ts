import { IConstruct } from 'constructs';

/** aws-cdk-lib's `Validations.ACKNOWLEDGED_RULES_METADATA_KEY` (2.253 and later), as documented. */
export const VALIDATIONS_ACK_KEY = 'aws:cdk:acknowledged-rules';
/** What `AppClient.acknowledge` records (on every aws-cdk-lib release). */
export const APP_CLIENT_ACK_KEY = 'cdk-cognito-app-client:acknowledged';

/** An acknowledgement found for a finding: the id as written, where it was made, and its reason (empty when none). */
export interface Acknowledgement {
  readonly id: string;
  readonly at: string;
  readonly reason: string;
}

/**
 * The acknowledgement of one of `ids` on `node` or its nearest acknowledging ancestor, recorded by
 * `AppClient.acknowledge` or by aws-cdk-lib's `Validations.of(scope).acknowledge` (whose ids may
 * carry an `annotation::` prefix).
 */
export function findAcknowledgement(node: IConstruct, ids: ReadonlyArray<string>): Acknowledgement | undefined {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if ((entry.type !== VALIDATIONS_ACK_KEY && entry.type !== APP_CLIENT_ACK_KEY) || typeof entry.data !== 'object' || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as { [id: string]: unknown })) {
        const id = key.replace(/^annotation::/i, '');
        if (ids.includes(id)) return { id, at: c.node.path || '/', reason: typeof reason === 'string' ? reason.trim() : '' };
      }
    }
  }
  return undefined;
}

/** The prefix of an AppClient finding's id, in annotations and `AppClient.acknowledge`. */
export const APP_CLIENT_ACK_PREFIX = 'cdk-cognito-app-client:';

/**
 * The ids that acknowledge an AppClient's finding, most specific first: its finding id
 * (`cdk-cognito-app-client:<rule-id>[<finding id>]`) when it is about one value, then its rule.
 */
export function appClientAckIds(f: { readonly ruleId: string; readonly findingId?: string }): string[] {
  const rule = `${APP_CLIENT_ACK_PREFIX}${f.ruleId}`;
  return f.findingId === undefined ? [rule] : [`${rule}[${f.findingId}]`, rule];
}
