import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as cr from 'aws-cdk-lib/custom-resources';
import { ClientRules, ClientPolicy } from '../../src';

// A client made through the SDK by an AwsCustomResource is checked from its request in the template.
function templateWith(parameters: { [key: string]: unknown }, action = 'createUserPoolClient', service = 'CognitoIdentityServiceProvider') {
  const app = new App();
  const stack = new Stack(app, 'S');
  const pool = new cognito.UserPool(stack, 'Pool');
  new cr.AwsCustomResource(stack, 'Client', {
    onCreate: {
      service,
      action,
      parameters: { UserPoolId: pool.userPoolId, ...parameters },
      physicalResourceId: cr.PhysicalResourceId.fromResponse('UserPoolClient.ClientId'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
  });
  return Template.fromStack(stack).toJSON();
}

const ids = (t: any, policy?: ClientPolicy) => ClientRules.checkTemplate(t, { policy }).map((f) => `${f.ruleId} ${f.property}`);

describe('clients created through the SDK (AwsCustomResource)', () => {
  test('the request is checked as request JSON, on the custom resource', () => {
    const t = templateWith({ ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://app.example.org/cb'] });
    const findings = ClientRules.checkTemplate(t, { policy: ClientPolicy.recommended() });
    const id = findings.find((f) => f.ruleId === 'redirect-uri-https')!;
    expect(id.property).toBe('Create.parameters.CallbackURLs[0]');
    expect(id.resource).toMatch(/^Client/);
    expect(ids(t, ClientPolicy.recommended())).toEqual(expect.arrayContaining(['policy-no-implicit Create.parameters.AllowedOAuthFlows[0]']));
  });

  test('a token inside the request stays unknown: the UserPoolId Ref is not a finding; a literal prefix still decides', () => {
    const t = templateWith({ ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.org/cb'] });
    expect(ids(t)).toEqual([]);
  });

  test.each(['cognito-identity-provider', '@aws-sdk/client-cognito-identity-provider', 'CognitoIdentityProvider', 'cognito-idp'])('the service named %s is recognised', (service) => {
    const t = templateWith({ ClientName: 'web', CallbackURLs: ['http://app.example.org/cb'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] }, 'createUserPoolClient', service);
    expect(ids(t)).toContain('redirect-uri-https Create.parameters.CallbackURLs[0]');
  });

  test('a custom resource whose Type is AWS::CloudFormation::CustomResource does not hide the call', () => {
    const t = templateWith({ ClientName: 'web', CallbackURLs: ['http://app.example.org/cb'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] });
    for (const r of Object.values<any>(t.Resources)) if (r.Type === 'Custom::AWS') r.Type = 'AWS::CloudFormation::CustomResource';
    expect(ids(t)).toContain('redirect-uri-https Create.parameters.CallbackURLs[0]');
  });

  test('UpdateUserPoolClient is checked too', () => {
    const t = templateWith({ ClientId: 'abc', CallbackURLs: ['https://app.example.org/#x'] }, 'updateUserPoolClient');
    expect(ids(t)).toContain('redirect-uri-no-fragment Create.parameters.CallbackURLs[0]');
  });

  test('fails open, saying so, when the request cannot be read before deployment', () => {
    const t = { Resources: { C: { Type: 'Custom::AWS', Properties: { Create: { 'Fn::Join': ['', ['{"service":"CognitoIdentityServiceProvider","action":"createUserPoolClient","parameters":', { Ref: 'Params' }, '}']] } } } } };
    expect(ids(t)).toEqual(['client-not-checkable Create']);
  });

  test('other custom resources and other SDK calls are not clients', () => {
    const t = {
      Resources: {
        A: { Type: 'Custom::AWS', Properties: { Create: '{"service":"S3","action":"putObject","parameters":{"Bucket":"b"}}' } },
        B: { Type: 'Custom::Thing', Properties: { Create: 42 } },
        C: { Type: 'Custom::AWS', Properties: { Create: '{"service":"CognitoIdentityServiceProvider","action":"describeUserPoolClient","parameters":{"ClientId":"x"}}' } },
      },
    };
    expect(ids(t)).toEqual([]);
  });
});
