import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cliJson, tempDir } from './cli-harness';

// Clients made through the SDK, in the forms the AwsCustomResource docs list, are checked by the checker.
describe('SDK-created clients in the checker', () => {
  let dir: string;
  beforeAll(() => { dir = tempDir(); });
  afterAll(() => cleanTemp(dir));

  const request = (service: string) => JSON.stringify({
    service,
    action: 'createUserPoolClient',
    parameters: { UserPoolId: 'eu-west-1_AbC123', ClientName: 'sdk', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://sdk.example.org/cb'] },
    physicalResourceId: { responsePath: 'UserPoolClient.ClientId' },
  });

  test.each([
    ['Custom::AWS', 'cognito-identity-provider'],
    ['AWS::CloudFormation::CustomResource', 'CognitoIdentityServiceProvider'],
    ['AWS::CloudFormation::CustomResource', '@aws-sdk/client-cognito-identity-provider'],
  ])('a %s calling %s is checked from its request', (type, service) => {
    const file = path.join(dir, `${type.replace(/\W/g, '')}-${service.replace(/\W/g, '')}.json`);
    fs.writeFileSync(file, JSON.stringify({
      Resources: { SdkClient: { Type: type, Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:f', Create: request(service) } } },
    }));
    const r = cliJson([file]);
    expect(r.report.findings.map((f: any) => `${f.resource} ${f.ruleId} ${f.property}`)).toEqual(['SdkClient redirect-uri-https Create.parameters.CallbackURLs[0]']);
    expect(r.status).toBe(1);
  });
});
