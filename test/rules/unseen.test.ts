import { unseenFindings } from '../../src/rules/unseen';

// What may make app clients that no check can see is said in a finding, never skipped.
const ids = (t: any, seen: (id: string) => boolean = () => false) => unseenFindings(t, seen).map((f) => `${f.resource} ${f.ruleId} ${f.property} ${f.severity}`);

describe('what a template holds unseen', () => {
  test('AWS::Include and a custom macro, as the template\'s Transform', () => {
    expect(ids({ Transform: ['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'], Resources: {} })).toEqual([]);
    expect(ids({ Transform: { Name: 'AWS::Include', Parameters: { Location: 's3://b/clients.yaml' } }, Resources: {} }))
      .toEqual(['Transform client-not-checkable Transform warning']);
    expect(ids({ Transform: 'MyCompany::Macro', Resources: {} })).toEqual(['Transform client-not-checkable Transform warning']);
  });

  test('resources included with Fn::Transform', () => {
    expect(ids({ Resources: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/r.yaml' } } } }))
      .toEqual(['Fn::Transform client-not-checkable Fn::Transform warning']);
  });

  test('a nested stack whose template is not checked; a stack set; a serverless application', () => {
    const t = {
      Resources: {
        Seen: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/seen.json' } },
        Unseen: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/other.json' } },
        Set: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateURL: 'https://s3/set.json' } },
        App: { Type: 'AWS::Serverless::Application', Properties: { Location: { ApplicationId: 'arn:x', SemanticVersion: '1.0.0' } } },
        Pool: { Type: 'AWS::Cognito::UserPool' },
      },
    };
    expect(ids(t, (id) => id === 'Seen')).toEqual([
      'Unseen client-not-checkable TemplateURL warning',
      'Set client-not-checkable TemplateURL warning',
      'App client-not-checkable Location warning',
    ]);
    expect(unseenFindings(t, () => true)[0].message).toMatch(/^\[client-not-checkable\] TemplateURL = "https:\/\/s3\/set\.json": the stacks this stack set deploys are not checked here/);
  });
});
