import { ClientRules, TemplateFinding } from '../../src';

/** Templates with a pool, a client and the resources attached to it (issue 22). */
export const POOL = { Ref: 'Pool' };
export const CLIENT = { Ref: 'Client' };

/** Drops keys set to undefined, so "absent" really is absent. */
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const pool = (props: any = {}) => ({ Type: 'AWS::Cognito::UserPool', Properties: props });
export const client = (props: any = {}) => ({ Type: 'AWS::Cognito::UserPoolClient', Properties: clean({ UserPoolId: POOL, ...props }) });
/** A hosted sign-in client (code grant). */
export const hosted = (props: any = {}) => client({
  AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.org/cb'], ...props,
});
export const style = (props: any = {}, extra: any = {}) => ({
  Type: 'AWS::Cognito::ManagedLoginBranding', ...extra, Properties: clean({ UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: true, ...props }),
});
export const terms = (name: any, links: any = { 'cognito:default': `https://app.example.org/${name}` }, props: any = {}) => ({
  Type: 'AWS::Cognito::Terms',
  Properties: clean({ UserPoolId: POOL, ClientId: CLIENT, TermsName: name, TermsSource: 'LINK', Enforcement: 'NONE', Links: links, ...props }),
});
export const tracking = (props: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolSessionConfigurationAttachment',
  Properties: clean({ UserPoolId: POOL, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 }, ...props }),
});
export const session = (minutes: any = 480, props: any = {}, extra: any = { DependsOn: 'Tracking' }) => ({
  Type: 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment',
  ...extra,
  Properties: clean({ UserPoolId: POOL, ClientId: CLIENT, SSOSession: { MaxValidityMinutes: minutes }, ...props }),
});
export const domain = (version: any = 2, props: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolDomain', Properties: clean({ UserPoolId: POOL, Domain: 'example-app', ManagedLoginVersion: version, ...props }),
});

/** A template with Pool and Client, plus `resources`. */
export const withClient = (resources: any, c: any = client()) => ({ Resources: { Pool: pool(), Client: c, ...resources } });

/** The findings of one rule on a template (its Resources, or a whole template). */
export function find(resources: any, ruleId: string, options?: any): TemplateFinding[] {
  const template = resources.Resources ? resources : { Resources: resources };
  return ClientRules.checkTemplate(template, options).filter((f) => f.ruleId === ruleId);
}

/** The resources the findings of one rule are on. */
export const on = (resources: any, ruleId: string, options?: any) => find(resources, ruleId, options).map((f) => f.resource);
