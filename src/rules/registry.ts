import { ANALYTICS_RULES } from './analytics';
import { ATTACHMENT_CLIENT_ID_RULE, ATTACHMENT_POOL_RULE } from './attachment-links';
import { ATTRIBUTE_RULES } from './attributes';
import { AUTH_FLOW_RULES } from './auth-flows';
import { BRANDING_PAIR_RULES, BRANDING_RULES } from './branding';
import { CHANGE_RULES } from './changes';
import { CONTEXT_RULES } from './cross-resource';
import { ENUM_RULES } from './enums';
import { IDENTITY_PROVIDER_RULES } from './identity-providers';
import { NAME_RULES } from './name';
import { OAUTH_RULES } from './oauth';
import { AttachmentRule } from './private/attachments';
import { Rule } from './private/rule';
import { rulePage } from './private/sources';
import { PROPERTY_TYPE_RULES } from './property-type';
import { REDIRECT_URI_RULES } from './redirect-uris';
import { REFRESH_ROTATION_RULES } from './refresh-rotation';
import { SECRET_RULES } from './secrets';
import { SSO_SESSION_PAIR_RULES, SSO_SESSION_RULES } from './sso-session';
import { TERMS_PAIR_RULES, TERMS_RULES } from './terms';
import { TOKEN_RULES } from './tokens';
import { RuleInfo } from './types';
import { UNREADABLE_RULE } from './unreadable';

/**
 * Every rule that can be decided from one client's own properties, in catalog order.
 * This file is the only place rules are wired; every entry point runs exactly these lists.
 */
export const CLIENT_RULES: ReadonlyArray<Rule> = [
  ...PROPERTY_TYPE_RULES,
  UNREADABLE_RULE,
  ...NAME_RULES,
  ...TOKEN_RULES,
  ...REFRESH_ROTATION_RULES,
  ...AUTH_FLOW_RULES,
  ...OAUTH_RULES,
  ...REDIRECT_URI_RULES,
  ...SECRET_RULES,
  ...IDENTITY_PROVIDER_RULES,
  ...ATTRIBUTE_RULES,
  ...ANALYTICS_RULES,
  ...ENUM_RULES,
];

/** Rules that need the client's surroundings in a template or app (pool, resource servers, identity providers). */
export { CONTEXT_RULES } from './cross-resource';
/** Rules that compare a client with its previous deployment. */
export { CHANGE_RULES } from './changes';
/**
 * Rules about the resources that configure a client beside it (issue 22): its managed login style
 * (`AWS::Cognito::ManagedLoginBranding`), its terms documents (`AWS::Cognito::Terms`) and its SSO
 * session setting (`AWS::Cognito::UserPoolClientSessionConfigurationAttachment`), linked to the client
 * by `ClientId`. They run on a whole template (`ClientRules.checkTemplate`) and report on the attached
 * resource (`branding-missing` on the client), in catalog order.
 */
export const ATTACHMENT_RULES: ReadonlyArray<AttachmentRule> = [
  ...BRANDING_RULES,
  ATTACHMENT_CLIENT_ID_RULE,
  ...BRANDING_PAIR_RULES,
  ATTACHMENT_POOL_RULE,
  ...TERMS_RULES,
  ...TERMS_PAIR_RULES,
  ...SSO_SESSION_RULES,
  ...SSO_SESSION_PAIR_RULES,
];

/** Organisation-policy rules (off unless a policy turns them on). */
export { POLICY_RULES } from './policy';

/**
 * Every documented rule once (a rule with a per-client part and a template part is listed once).
 */
export const DOCUMENTED_RULES: ReadonlyArray<RuleInfo> = (() => {
  const seen = new Set<string>();
  const out: RuleInfo[] = [];
  for (const r of [...CLIENT_RULES, ...CONTEXT_RULES, ...ATTACHMENT_RULES, ...CHANGE_RULES]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, severity: r.severity, title: r.title, source: r.source, docs: rulePage(r.id) });
  }
  return out;
})();
