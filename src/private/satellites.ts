import { Annotations, Aspects, CfnResource, IAspect, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { renderTemplate } from './cognito-template';
import { ManagedLoginStyle } from '../managed-login-branding';
import { TermsDocuments } from '../terms';

/**
 * The resources an AppClient attaches to its client when asked (README, "Managed login, terms and
 * sessions"): built from `CfnResource` with their type, which every aws-cdk-lib release has (the
 * L1 classes are not on old releases), with their properties in the L1s' order (alphabetical), so
 * the template is the same on every release.
 */
export const BRANDING = 'AWS::Cognito::ManagedLoginBranding';
export const TERMS = 'AWS::Cognito::Terms';
export const CLIENT_SESSION = 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment';
export const POOL_SESSION = 'AWS::Cognito::UserPoolSessionConfigurationAttachment';

/** A style's images above this many Base64 characters draw a warning: they count toward the template's size. */
export const BRANDING_SIZE_WARNING = 200_000;

/** The satellites asked for, checked: what `createSatellites` builds. */
export interface SatellitePlan {
  readonly branding?: { readonly properties: { [key: string]: any }; readonly imageCharacters: number };
  readonly terms?: { readonly termsOfUse: { [language: string]: string }; readonly privacyPolicy: { [language: string]: string } };
  readonly ssoSessionMinutes?: number;
}

/** The satellites created, by the AppClient's handle names. */
export interface Satellites {
  managedLoginBranding?: CfnResource;
  termsOfUse?: CfnResource;
  privacyPolicy?: CfnResource;
  ssoSessionAttachment?: CfnResource;
}

/** The style's properties and the size of its images, adding its problems to `problems`. */
export function planBranding(style: ManagedLoginStyle, problems: string[]): SatellitePlan['branding'] {
  const r = style._render('managedLogin');
  problems.push(...r.problems);
  return { properties: r.properties, imageCharacters: r.imageCharacters };
}

/** At most this many links per document (API LinksType). */
const MAX_LINKS = 13;
const MAX_URL = 1024;
/** A URL's characters (API LinkUrlType): letters, marks, symbols, numbers and punctuation. */
const URL_CHARACTERS = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/**
 * The `Links` of each document, adding to `problems` what keeps them out: each document has 1 to
 * 13 links, one per language, each URL valid (a token is not judged), and the two documents have a
 * language in common (otherwise Cognito shows neither).
 */
export function planTerms(terms: TermsDocuments, problems: string[]): SatellitePlan['terms'] {
  const links = (name: 'termsOfUse' | 'privacyPolicy') => {
    const list = terms[name] ?? [];
    const where = `terms.${name}`;
    const out: { [language: string]: string } = {};
    if (list.length === 0 || list.length > MAX_LINKS) {
      problems.push(`[terms-links] ${where} = ${list.length} links: each document has 1 to ${MAX_LINKS} links, one per language. Fix: give ${list.length === 0 ? 'at least one link (TermsLanguage.DEFAULT serves every language)' : `at most ${MAX_LINKS}`}.`);
    }
    list.forEach((link, i) => {
      const language = link.language.languageId;
      const url = link.url;
      if (language in out) {
        problems.push(`[terms-links] ${where}[${i}].language = ${language}: a second link for the same language. Fix: keep one link per language.`);
      }
      if (!Token.isUnresolved(url) && (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL || !URL_CHARACTERS.test(url))) {
        problems.push(`[terms-links] ${where}[${i}].url = ${JSON.stringify(url)}: a link is 1 to ${MAX_URL} characters without spaces or control characters. Fix: give the document's URL, with spaces encoded as %20.`);
      }
      out[language] = url;
    });
    return out;
  };
  const termsOfUse = links('termsOfUse');
  const privacyPolicy = links('privacyPolicy');
  const ofUse = Object.keys(termsOfUse);
  const ofPolicy = Object.keys(privacyPolicy);
  if (ofUse.length && ofPolicy.length && !ofUse.some((l) => l in privacyPolicy)) {
    problems.push(`[terms-both-kinds] terms: the terms of use (${ofUse.join(', ')}) and the privacy policy (${ofPolicy.join(', ')}) have no language in common, and Cognito shows the documents only in a language that has both. Fix: give both documents in at least one language (TermsLanguage.DEFAULT counts as one).`);
  }
  return { termsOfUse, privacyPolicy };
}

/**
 * Creates the satellites of `plan` under `client`, naming the client by `Ref`. The client session
 * attachment depends on the pool's session tracking attachment where the stack has one (once the
 * app is complete); where it has none, the client says what the pool needs.
 */
export function createSatellites(client: Construct, plan: SatellitePlan, userPoolId: string, clientResource: CfnResource): Satellites {
  const clientId = clientResource.ref;
  const out: Satellites = {};
  if (plan.branding) {
    const properties: { [key: string]: any } = { ...plan.branding.properties, ClientId: clientId, UserPoolId: userPoolId };
    out.managedLoginBranding = new CfnResource(client, 'ManagedLoginBranding', {
      type: BRANDING,
      properties: Object.fromEntries(Object.keys(properties).sort().map((k) => [k, properties[k]])),
    });
    if (plan.branding.imageCharacters > BRANDING_SIZE_WARNING) {
      Annotations.of(client).addWarningV2('cdk-cognito-app-client:branding-size',
        `managedLogin: the style's images are ${plan.branding.imageCharacters} characters of Base64 in the template, and a template is at most 1 MB (CloudFormation reads larger ones from S3 up to that limit). Fix: use smaller images (SVG, or compressed PNG or WebP), or fewer; or acknowledge this warning if the stack has room.`);
    }
  }
  if (plan.terms) {
    const terms = (id: string, name: string, links: { [language: string]: string }) => new CfnResource(client, id, {
      type: TERMS,
      properties: { ClientId: clientId, Enforcement: 'NONE', Links: links, TermsName: name, TermsSource: 'LINK', UserPoolId: userPoolId },
    });
    out.termsOfUse = terms('TermsOfUse', 'terms-of-use', plan.terms.termsOfUse);
    out.privacyPolicy = terms('PrivacyPolicy', 'privacy-policy', plan.terms.privacyPolicy);
  }
  if (plan.ssoSessionMinutes !== undefined) {
    const attachment = new CfnResource(client, 'SsoSession', {
      type: CLIENT_SESSION,
      properties: { ClientId: clientId, SSOSession: { MaxValidityMinutes: plan.ssoSessionMinutes }, UserPoolId: userPoolId },
    });
    out.ssoSessionAttachment = attachment;
    Aspects.of(client).add(new SessionTracking(client, attachment, userPoolId));
  }
  return out;
}

/**
 * Once the app is complete: makes the client session attachment depend on its pool's session
 * attachments in the stack, and warns when none turns session tracking on. The pool's attachment is
 * never created here: there is one per pool, it caps every user's sessions and tracks every client.
 */
class SessionTracking implements IAspect {
  constructor(private readonly client: Construct, private readonly attachment: CfnResource, private readonly userPoolId: string) {}

  public visit(node: IConstruct): void {
    if (node !== this.client) return;
    const stack = Stack.of(this.client);
    const pool = poolKey(stack.resolve(this.userPoolId));
    let decided = false;
    let found = 0;
    // as synthesized: overrides included, tokens resolved as far as they go
    const { template, byId } = renderTemplate(stack, poolSessionAttachments(stack));
    for (const [id, r] of byId) {
      const properties = template.Resources[id].Properties ?? {};
      if (poolKey(properties.UserPoolId) !== pool) continue;
      found++;
      this.attachment.node.addDependency(r);
      // ENABLED, or a value resolved at deploy time (not for the client to judge)
      const tracking = properties.UserSessionTracking;
      if (tracking === 'ENABLED' || (tracking !== undefined && typeof tracking !== 'string')) decided = true;
    }
    if (decided) return;
    const now = found
      ? 'the pool\'s AWS::Cognito::UserPoolSessionConfigurationAttachment in this stack does not turn session tracking on (UserSessionTracking: ENABLED)'
      : 'no AWS::Cognito::UserPoolSessionConfigurationAttachment in this stack turns session tracking on for the user pool (UserSessionTracking: ENABLED)';
    Annotations.of(this.client).addWarningV2('cdk-cognito-app-client:sso-session-tracking',
      `ssoSessionValidity: the client's SSO session setting takes effect only while its user pool tracks sessions, and ${now}. Fix: give the pool one AWS::Cognito::UserPoolSessionConfigurationAttachment with UserSessionTracking: ENABLED and TokenSession.MaxPerUser (it applies to every client of the pool and caps each user's sessions, so the AppClient does not create it); the client's setting then depends on it.`);
  }
}

/** The pool session attachments of `stack` itself (not of its nested stacks). */
function poolSessionAttachments(stack: Stack): CfnResource[] {
  const out: CfnResource[] = [];
  const visit = (c: IConstruct) => {
    if (CfnResource.isCfnResource(c) && c.cfnResourceType === POOL_SESSION) out.push(c);
    for (const child of c.node.children) if (!Stack.isStack(child)) visit(child);
  };
  visit(stack);
  return out;
}

/** One key per pool: `Ref` and `Fn::GetAtt [<pool>, UserPoolId]` designate the same pool. */
function poolKey(v: unknown): string {
  if (typeof v === 'string') return `id:${v}`;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { [key: string]: any };
    if (typeof o.Ref === 'string') return `pool:${o.Ref}`;
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att) && att[1] === 'UserPoolId') return `pool:${att[0]}`;
  }
  return JSON.stringify(v);
}
