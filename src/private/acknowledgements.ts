import { IConstruct } from 'constructs';

/** aws-cdk-lib's `Validations.ACKNOWLEDGED_RULES_METADATA_KEY` (2.253 and later), as documented. */
export const VALIDATIONS_ACK_KEY = 'aws:cdk:acknowledged-rules';
/** What `AppClient.acknowledge` records (on every aws-cdk-lib release). */
export const APP_CLIENT_ACK_KEY = 'cdk-cognito-app-client:acknowledged';

/** The fewest visible characters a reason must have (as cdk-nag 2 asks of its suppressions). */
export const MIN_REASON_CHARS = 10;

/**
 * Characters that show nothing: white space, default-ignorable code points (zero-width spaces and
 * joiners, variation selectors, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, ...), the other
 * control, format, private-use, surrogate and unassigned code points (general category C: U+0600
 * ARABIC NUMBER SIGN, U+FFF9 INTERLINEAR ANNOTATION ANCHOR, U+13430 EGYPTIAN HIEROGLYPH VERTICAL
 * JOINER, U+E000, ...), and blank-looking characters that are none of these (U+2800 BRAILLE PATTERN
 * BLANK, U+1D159 MUSICAL SYMBOL NULL NOTEHEAD).
 */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{C}\u115F\u1160\u2800\u3164\uFFA0\u{1D159}]/u;

/** How many characters of a reason show something. */
function visibleChars(reason: string): number {
  let n = 0;
  for (const ch of reason) if (!INVISIBLE.test(ch)) n++;
  return n;
}

/**
 * Why a reason (of an acknowledgement, or of a stage exclusion) is refused, or undefined when it is a
 * real reason: at least `MIN_REASON_CHARS` characters that are neither white space, nor
 * default-ignorable, nor blank-looking.
 */
export function reasonRefusal(reason: unknown): string | undefined {
  if (typeof reason !== 'string' || visibleChars(reason) === 0) return `it has no reason (fewer than ${MIN_REASON_CHARS} visible characters)`;
  const n = visibleChars(reason);
  return n < MIN_REASON_CHARS ? `its reason has fewer than ${MIN_REASON_CHARS} visible characters (${n})` : undefined;
}

/** Whether a reason is real: at least 10 visible characters (see `reasonRefusal`). The one judge of reasons. */
export function isRealReason(reason: unknown): reason is string {
  return reasonRefusal(reason) === undefined;
}

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
