import { App, Aspects, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClientChecks, ClientPolicy } from '../../src';

// A CfnParameter with allowedValues, used in a client: the pack (cdk-nag 2, an Aspect) checks each value.

test('cdk-nag 2: a client whose flow is a parameter allowing implicit fails the policy for that value', () => {
  const app = new App();
  Aspects.of(app).add(new AppClientChecks(app, { reports: false, policy: new ClientPolicy({ forbidImplicitFlow: true }) }));
  const stack = new Stack(app, 'Stack');
  const flow = new CfnParameter(stack, 'Flow', { type: 'String', allowedValues: ['code', 'implicit'] });
  const pool = new cognito.CfnUserPool(stack, 'Pool');
  new cognito.CfnUserPoolClient(stack, 'Client', {
    userPoolId: pool.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: [flow.valueAsString],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: ['https://app.example.org/cb'],
  });
  const errors = Annotations.fromStack(stack).findError('/Stack/Client', Match.stringLikeRegexp('AppClientChecks-policy-no-implicit'));
  expect(errors.map((e) => String(e.entry.data))).toEqual([expect.stringContaining('when parameter Flow is "implicit"')]);
});
