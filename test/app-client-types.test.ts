import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ts from 'typescript';
import { AppClient } from '../src';

// The types of AppClientProps (src/app-client.ts), as a TypeScript app sees them: what the L2 takes fits.
describe("objects typed with aws-cdk-lib's UserPoolClientOptions and UserPoolClientProps", () => {
  // The current line takes what the L2 takes: userPool an IUserPoolRef, analytics.role an IRoleRef.
  const SNIPPET = [
    "import { App, Stack } from 'aws-cdk-lib';",
    "import * as cognito from 'aws-cdk-lib/aws-cognito';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    "import { AppClient, AppClientOptions, AppClientProps } from 'cdk-cognito-app-client';",
    "const stack = new Stack(new App(), 'Auth');",
    "const userPool = new cognito.UserPool(stack, 'Pool');",
    "const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') });",
    'const options: cognito.UserPoolClientOptions = { analytics: { applicationId: \'a\', externalId: \'e\', role } };',
    'const props: cognito.UserPoolClientProps = { userPool, ...options };',
    'export const asOptions: AppClientOptions = options;',
    'export const asProps: AppClientProps = props;',
    "export const made = [new AppClient(userPool, 'Web', { userPool, ...options }), new AppClient(stack, 'Mobile', props)];",
    'export const bare: AppClientProps = { userPool: userPool.node.defaultChild as cognito.CfnUserPool, analytics: { role: role.node.defaultChild as iam.CfnRole } };',
    '',
  ].join('\n');

  test.each([true, false])('fit AppClientOptions and AppClientProps without a cast (strict, skipLibCheck %s)', (skipLibCheck) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-client-types-'));
    try {
      const ROOT = path.join(__dirname, '..');
      const file = path.join(dir, 'l2-props.ts');
      fs.writeFileSync(file, SNIPPET);
      // the app's aws-cdk-lib is this repository's
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        skipLibCheck,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        paths: { 'cdk-cognito-app-client': [path.join(ROOT, 'src', 'index.ts')] },
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      });
      const errors = ts.getPreEmitDiagnostics(program)
        .filter((d) => d.file && !d.file.fileName.includes('node_modules'))
        .map((d) => `${path.basename(d.file!.fileName)}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bare role reference (CfnRole) and a bare pool reference (CfnUserPool) synthesize as the L2 writes them', () => {
    const app = new App();
    const stack = new Stack(app, 'Auth', { env: { region: 'eu-west-1', account: '111111111111' } });
    const pool = new cognito.UserPool(stack, 'Pool');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') });
    const client = new AppClient(stack, 'Web', {
      userPool: pool.node.defaultChild as cognito.CfnUserPool,
      analytics: { applicationId: 'abcdef0123456789abcdef0123456789', externalId: 'ext', role: role.node.defaultChild as iam.CfnRole },
    });
    CoreAnnotations.of(stack).acknowledgeWarning('cdk-cognito-app-client:analytics-pinpoint-eol', 'tested here');
    const props = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(client.resource)].Properties;
    expect(props.UserPoolId).toEqual({ Ref: stack.getLogicalId(pool.node.defaultChild as cognito.CfnUserPool) });
    expect(props.AnalyticsConfiguration.RoleArn).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] });
  });
});
