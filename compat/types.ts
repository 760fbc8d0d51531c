// Type-checked (strict, with skipLibCheck on and off) on the oldest and the newest aws-cdk-lib: an
// AppClient goes wherever aws-cdk-lib asks for an IUserPoolClient, and the pack is an Aspect.
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as actions from 'aws-cdk-lib/aws-elasticloadbalancingv2-actions';
import { AppClient, AppClientChecks } from 'cdk-cognito-app-client';

const app = new App();
const stack = new Stack(app, 'Auth');
const userPool = new cognito.UserPool(stack, 'Pool');
const client = new AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'] } });

const asInterface: cognito.IUserPoolClient = client;
const asRef: { readonly userPoolClientRef: { readonly userPoolId: string; readonly clientId: string } } = client;
const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
// the L2's signInUrl takes the UserPoolClient class; the AppClient has its own, typed
const signIn: string = client.signInUrl(domain, { redirectUri: 'https://app.example.org/cb' });
// addClient's place in the tree: the pool as the scope
const mobile: cognito.IUserPoolClient = new AppClient(userPool, 'Mobile', { userPool, authFlows: {} });
const imported: cognito.IUserPoolClient = AppClient.fromUserPoolClientId(stack, 'Imported', 'client-id');
const injectionId: string = AppClient.PROPERTY_INJECTION_ID;
void [signIn, mobile, imported, injectionId];
new actions.AuthenticateCognitoAction({
  userPool,
  userPoolClient: client,
  userPoolDomain: domain,
  next: elbv2.ListenerAction.fixedResponse(200),
});
Aspects.of(app).add(new AppClientChecks(app));
void asInterface;
void asRef;
void ec2;
