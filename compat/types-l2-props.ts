// Type-checked on the current line's releases (aws-cdk-lib 2.251.0 and the newest, strict, with
// skipLibCheck on and off): objects typed with aws-cdk-lib's own UserPoolClientOptions and
// UserPoolClientProps fit AppClientOptions and AppClientProps without a cast (issue 23).
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AppClient, AppClientOptions, AppClientProps } from 'cdk-cognito-app-client';

const app = new App();
const stack = new Stack(app, 'Auth');
const userPool = new cognito.UserPool(stack, 'Pool');
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') });

const options: cognito.UserPoolClientOptions = {
  oAuth: { callbackUrls: ['https://app.example.org/cb'] },
  analytics: { applicationId: 'abcdef0123456789abcdef0123456789', externalId: 'ext', role },
};
const props: cognito.UserPoolClientProps = { userPool, ...options };
const asOptions: AppClientOptions = options;
const asProps: AppClientProps = props;
new AppClient(userPool, 'Web', { userPool, ...options });
new AppClient(stack, 'Mobile', props);
void [asOptions, asProps];
