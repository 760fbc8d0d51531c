// aws-cdk-lib's own CloudFormation schema validation costs seconds per jest worker and is not
// what these tests check; the library's rules run regardless of it.
process.env.CDK_VALIDATION ??= 'false';
