import { clientsWithoutStyle } from './branding';
import type { PolicyRule } from './policy';
import { BRANDING, CLIENT_SESSION, DOMAIN, TERMS, differentLink, sameLink, topOf } from './private/attachments';
import { show } from './private/values';
import { TERMS_NAMES } from './terms';
import { Severity } from './types';

const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';
const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';

/**
 * Policy rules about what configures a client beside it (issue 22): its managed login style, its
 * terms documents and its SSO session setting. They read a template's attachment model
 * (src/rules/private/attachments.ts), so they run where a template is checked: `ClientRules.checkTemplate`,
 * the cdk-nag pack with cdk-nag 3 and the checker.
 */
export const POLICY_ATTACHMENT_RULES: ReadonlyArray<PolicyRule> = [
  {
    id: 'policy-branding-required',
    defaultSeverity: Severity.ERROR,
    title: 'Every hosted sign-in client of a managed login (version 2) domain has a managed login style in the template',
    source: `${API_REF}/API_DeleteManagedLoginBranding.html`,
    fix: 'Add an AWS::Cognito::ManagedLoginBranding for the client (AppClient: the managedLoginBranding prop; UseCognitoProvidedValues: true for the default style).',
    reads: [BRANDING, DOMAIN],
    reportsOn: 'client',
    supersedes: 'branding-missing',
    checkTemplate(model, emit) {
      for (const { client: c, domain } of clientsWithoutStyle(model)) {
        emit(c.logicalId, 'AllowedOAuthFlows', c.flows, `user pool domain ${domain.logicalId} serves managed login (ManagedLoginVersion 2) and the policy requires a style for every hosted sign-in client, but no style in this template names this client (without one, its sign-in pages show "Login pages unavailable").`);
      }
    },
  },
  {
    id: 'policy-terms-required',
    defaultSeverity: Severity.ERROR,
    title: 'Every hosted sign-in client has terms documents of both kinds (terms-of-use and privacy-policy) in the template',
    source: `${CFN}/aws-resource-cognito-terms.html`,
    fix: 'Add an AWS::Cognito::Terms of each kind, terms-of-use and privacy-policy, for the client (AppClient: the terms prop).',
    reads: [TERMS],
    reportsOn: 'client',
    checkTemplate(model, emit) {
      if (!model.complete) return;
      const terms = model.attachments.filter((a) => a.kind === 'terms');
      for (const c of model.clients) {
        if (!c.hostedSignIn) continue;
        const me = `client:${c.logicalId}`;
        const missing = TERMS_NAMES.filter((kind) => !terms.some((t) => {
          if (t.kind !== 'terms') return false;
          // a document that names the client, or may (an unresolved ClientId, or a literal id on a pool that may be the client's)
          const names = sameLink(t.client, me)
            || (t.client !== undefined && !(typeof t.client === 'string' && t.client.startsWith('client:')) && !differentLink(t.pool, c.pool));
          return names && (t.unreadable || typeof t.TermsName !== 'string' || t.TermsName === kind);
        }));
        if (missing.length) {
          emit(c.logicalId, 'AllowedOAuthFlows', c.flows, `the policy requires terms documents for every hosted sign-in client, and no ${missing.join(' or ')} document in this template names this client.`);
        }
      }
    },
  },
  {
    id: 'policy-max-sso-session-validity',
    defaultSeverity: Severity.ERROR,
    title: 'A client\'s SSO session validity (SSOSession.MaxValidityMinutes) is at most the policy\'s maximum',
    source: `${CFN}/aws-properties-cognito-userpoolclientsessionconfigurationattachment-ssosession.html`,
    fix: 'Lower SSOSession.MaxValidityMinutes to at most the policy\'s maximum (AppClient: the ssoSessionValidity prop).',
    reads: [CLIENT_SESSION],
    reportsOn: 'attachment',
    checkTemplate(model, emit, p) {
      const maxSeconds = p.maxSsoSessionValidity!;
      for (const s of topOf(model, 'client-session')) {
        const m = s.MaxValidityMinutes;
        if (typeof m === 'number' && m * 60 > maxSeconds) {
          emit(s.logicalId, 'SSOSession.MaxValidityMinutes', show(m), `the client would reuse a sign-in session for ${m} minutes; the policy allows at most ${maxSeconds / 60} minutes.`);
        }
      }
    },
  },
];
