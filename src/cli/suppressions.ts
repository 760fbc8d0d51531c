import type { RecordedAcknowledgement } from './assembly';
import { reasonRefusal } from '../private/acknowledgements';
import type { TemplateFinding } from '../rules/template';

/**
 * Where a suppression comes from: cdk-nag 2 metadata on the resource or on the template (stack-wide),
 * an acknowledgement recorded in the cloud assembly at a construct path, the checker's config file,
 * or `--ignore` on the command line.
 */
export type SuppressionSource = 'cdk-nag-resource' | 'cdk-nag-stack' | 'acknowledgement' | 'config' | 'command-line';

/** The sources written in the app (the ones `--no-app-suppressions` refuses). */
const IN_APP: ReadonlyArray<SuppressionSource> = ['cdk-nag-resource', 'cdk-nag-stack', 'acknowledgement'];

/** One suppression, as written, with what it covers. */
export interface Suppression {
  readonly source: SuppressionSource;
  /** The id as written (`AppClientChecks-redirect-uri-https`, `redirect-uri-https[CallbackURLs::...]`). */
  readonly id: string;
  /** The rule it suppresses. */
  readonly ruleId: string;
  /** Only this finding of the rule (`Rule[finding id]` forms). */
  readonly findingId?: string;
  /** cdk-nag 2's `applies_to`: only findings whose finding id is one of these (a string exactly, or a regular expression). */
  readonly appliesTo?: ReadonlyArray<string | RegExp>;
  /** Config `paths`: only where one of these matches the file, the construct path or the logical id. */
  readonly paths?: ReadonlyArray<RegExp>;
  /** The reason, as given (decoded when cdk-nag encoded it). */
  readonly reason: string;
  /** Where it was written: the construct path of an acknowledgement, the config file. */
  readonly at?: string;
  /** Why it is refused whatever the options are (no reason, a reason too short, a bad regular expression). */
  readonly invalid?: string;
}

/** What the command line and the config allow. */
export interface Enforcement {
  /** Whether suppressions written in the app are honoured. */
  readonly appSuppressions: boolean;
  /** Where `appSuppressions` was turned off, for the message (`--no-app-suppressions`, or the config file). */
  readonly appSuppressionsOffBy?: string;
  /** The only rule ids that in-app and config suppressions may suppress (all when absent). */
  readonly suppressible?: ReadonlySet<string>;
  /** Where the list was given, for the message. */
  readonly suppressibleBy?: string;
}

/** Where a finding is: for matching `paths` and for the report. */
export interface FindingPlace {
  /** The input file, relative to the working directory, with `/` separators. */
  readonly file: string;
  /** The construct path (with its leading `/`), from the cloud assembly's manifest. */
  readonly constructPath?: string;
}

/** A suppressed finding and the suppression that was honoured. */
export interface SuppressedFinding {
  readonly finding: TemplateFinding;
  readonly suppression: Suppression;
}

/** A suppression that matched a finding but was refused, and why. */
export interface RefusedSuppression {
  readonly finding: TemplateFinding;
  readonly suppression: Suppression;
  readonly why: string;
}

/** The outcome for one file's findings. */
export interface SuppressionOutcome {
  /** The findings that stay (they count). */
  readonly findings: TemplateFinding[];
  readonly suppressed: SuppressedFinding[];
  readonly refused: RefusedSuppression[];
}

/** The pack's prefixes that name a rule in an acknowledgement id, longest first. */
const ACK_ID = /^(?:AppClientChecks::AppClientChecks-|AppClientChecks::|AppClientChecks-|cdk-cognito-app-client:)([a-z0-9][a-z0-9-]*)(?:\[(.+)\])?$/;
/** cdk-nag 2's ids for this pack. */
const NAG_ID = /^AppClientChecks-([a-z0-9][a-z0-9-]*)$/;
/** A rule id, optionally with a finding id in brackets (config and `--ignore`). */
export const RULE_REF = /^([a-z0-9][a-z0-9-]*)(?:\[(.+)\])?$/;

function isObject(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * cdk-nag 2's suppressions of this pack's rules in a `Metadata` block
 * (`cdk_nag.rules_to_suppress: [{ id, reason, applies_to?, is_reason_encoded? }]`).
 *
 * @param metadata a resource's or the template's `Metadata`
 * @param source `cdk-nag-resource` or `cdk-nag-stack`
 * @param at the logical id (resource) or `template` (stack-wide), for the report
 */
export function cdkNagSuppressions(metadata: unknown, source: 'cdk-nag-resource' | 'cdk-nag-stack', at: string): Suppression[] {
  const list = isObject(metadata) && isObject(metadata.cdk_nag) ? metadata.cdk_nag.rules_to_suppress : undefined;
  if (!Array.isArray(list)) return [];
  const out: Suppression[] = [];
  for (const entry of list) {
    if (!isObject(entry) || typeof entry.id !== 'string') continue;
    const m = NAG_ID.exec(entry.id);
    if (!m) continue; // another pack's rule
    let reason = typeof entry.reason === 'string' ? entry.reason : '';
    let invalid: string | undefined;
    if (entry.is_reason_encoded === true) {
      reason = Buffer.from(reason, 'base64').toString('utf8');
    }
    // the library's one judge of reasons: 10 visible characters (cdk-nag asks for 10 characters)
    invalid = reasonRefusal(reason);
    let appliesTo: Array<string | RegExp> | undefined;
    if (entry.applies_to !== undefined) {
      appliesTo = [];
      for (const a of Array.isArray(entry.applies_to) ? entry.applies_to : [entry.applies_to]) {
        if (typeof a === 'string') {
          appliesTo.push(a);
        } else if (isObject(a) && typeof a.regex === 'string') {
          const re = nagRegex(a.regex);
          if (re) appliesTo.push(re);
          else invalid ??= `its applies_to regex ${JSON.stringify(a.regex)} is not a regular expression in cdk-nag's /pattern/flags form`;
        } else {
          invalid ??= 'an applies_to entry is neither a string nor { regex }';
        }
      }
    }
    out.push({ source, id: entry.id, ruleId: m[1], appliesTo, reason: reason.trim(), at, invalid });
  }
  return out;
}

/** cdk-nag's `{ regex: '/pattern/flags' }`, as a RegExp (stateless: `g` and `y` are dropped). */
function nagRegex(text: string): RegExp | undefined {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (!m) return undefined;
  try {
    return new RegExp(m[1], m[2].replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
}

/**
 * The acknowledgements of this pack's or AppClient's rules that cover a resource at `constructPath`:
 * those recorded at that path or above it, nearest first.
 */
export function acknowledgementsFor(recorded: ReadonlyArray<RecordedAcknowledgement>, constructPath: string | undefined): Suppression[] {
  if (constructPath === undefined) return [];
  const covering = recorded.filter((a) => a.at === constructPath || a.at === '/' || constructPath.startsWith(`${a.at}/`));
  covering.sort((a, b) => b.at.length - a.at.length);
  const out: Suppression[] = [];
  for (const a of covering) {
    const m = ACK_ID.exec(a.id);
    if (!m) continue; // another pack's rule
    const reason = a.reason.trim();
    out.push({ source: 'acknowledgement', id: a.id, ruleId: m[1], findingId: m[2], reason, at: a.at, invalid: reasonRefusal(reason) });
  }
  return out;
}

/**
 * A glob as a regular expression: `**` any characters, `*` any characters but `/`, `?` one
 * character but `/`; the whole text must match.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` also matches nothing
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i++;
      }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`, 's');
}

/** Whether `s` covers `f` at `place` (the rule, the finding id, cdk-nag's applies_to, config paths). */
function covers(s: Suppression, f: TemplateFinding, place: FindingPlace): boolean {
  if (s.ruleId !== f.ruleId) return false;
  if (s.findingId !== undefined && s.findingId !== f.findingId) return false;
  if (s.appliesTo !== undefined) {
    const id = f.findingId;
    if (id === undefined) return false;
    if (!s.appliesTo.some((a) => (typeof a === 'string' ? a === id : a.test(id)))) return false;
  }
  if (s.paths !== undefined) {
    const names = [place.file, f.resource];
    if (place.constructPath !== undefined) names.push(place.constructPath.replace(/^\//, ''));
    if (!s.paths.some((p) => names.some((n) => p.test(n)))) return false;
  }
  return true;
}

/** Why the options refuse `s`, or undefined when they allow it. */
function refusal(s: Suppression, enforcement: Enforcement): string | undefined {
  if (s.invalid) return s.invalid;
  const inApp = IN_APP.includes(s.source);
  if (inApp && !enforcement.appSuppressions) return `suppressions written in the app are refused (${enforcement.appSuppressionsOffBy ?? '--no-app-suppressions'})`;
  if ((inApp || s.source === 'config') && enforcement.suppressible && !enforcement.suppressible.has(s.ruleId)) {
    return `${s.ruleId} may not be suppressed (${enforcement.suppressibleBy ?? '--suppressible'} allows ${[...enforcement.suppressible].join(', ') || 'no rule'})`;
  }
  return undefined;
}

/**
 * Applies the suppressions to one file's findings: a finding is suppressed by the first candidate
 * that covers it and that the options allow; every covering candidate that is refused is listed.
 *
 * @param findings the file's findings
 * @param candidates the suppressions that may apply to a finding, in order of precedence
 * @param place where a finding is
 * @param enforcement what the options allow
 */
export function applySuppressions(
  findings: ReadonlyArray<TemplateFinding>,
  candidates: (f: TemplateFinding) => ReadonlyArray<Suppression>,
  place: (f: TemplateFinding) => FindingPlace,
  enforcement: Enforcement,
): SuppressionOutcome {
  const out: SuppressionOutcome = { findings: [], suppressed: [], refused: [] };
  for (const f of findings) {
    const at = place(f);
    let honoured: Suppression | undefined;
    for (const s of candidates(f)) {
      if (!covers(s, f, at)) continue;
      const why = refusal(s, enforcement);
      if (why !== undefined) out.refused.push({ finding: f, suppression: s, why });
      else honoured ??= s;
    }
    if (honoured) out.suppressed.push({ finding: f, suppression: honoured });
    else out.findings.push(f);
  }
  return out;
}

/** How a suppression's origin reads in text output. */
export function describeSource(s: Suppression): string {
  switch (s.source) {
    case 'cdk-nag-resource': return 'cdk-nag suppression in the resource\'s metadata';
    case 'cdk-nag-stack': return 'cdk-nag suppression in the template\'s metadata (stack-wide)';
    case 'acknowledgement': return `acknowledgement at ${s.at ?? '/'}`;
    case 'config': return `ignore in ${s.at ?? 'the config file'}`;
    default: return '--ignore on the command line';
  }
}
