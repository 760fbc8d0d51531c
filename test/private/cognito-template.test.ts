import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as fc from 'fast-check';
import { AppClient } from '../../src';
import { CLIENT_FIELDS, FieldKind, renderClientProperties } from '../../src/private/cognito-template';

/** aws-cdk-lib's own renderer of CfnUserPoolClient props (the protected method, reached the public way). */
class L1Renderer extends cognito.CfnUserPoolClient {
  public render(props: { [key: string]: unknown }): unknown {
    return this.renderProperties(props);
  }
}

const stack = new Stack(new App(), 'Renderers');
const l1 = new L1Renderer(stack, 'L1', { userPoolId: 'eu-west-1_abc' });

/** The L1's rendering, or the error it throws. */
function l1Render(props: { [key: string]: unknown }): { value?: unknown; error?: string } {
  try {
    return { value: l1.render(props) };
  } catch (e) {
    return { error: String((e as Error).message) };
  }
}

describe('the AppClient resource renders its props as aws-cdk-lib\'s CfnUserPoolClient does', () => {
  test('every prop of the installed CfnUserPoolClient is in the table, under the CloudFormation name the L1 gives it', () => {
    const known = new Map(CLIENT_FIELDS.map(([camel, name]) => [camel, name]));
    const props = Object.keys((l1 as unknown as { cfnProperties: object }).cfnProperties);
    expect(props.length).toBeGreaterThan(20);
    for (const camel of props) {
      const marker = { Ref: 'Marker' };
      const rendered = l1.render({ userPoolId: 'p', [camel]: marker }) as { [key: string]: unknown };
      expect([camel, known.get(camel)]).toEqual([camel, Object.keys(rendered).find((k) => rendered[k] === marker)]);
    }
  });

  test('nested property types: each field under the name the L1 gives it', () => {
    for (const [camel, , kind] of CLIENT_FIELDS) {
      if (typeof kind === 'string') continue;
      for (const [field, [name]] of Object.entries(kind)) {
        const { value, error } = l1Render({ userPoolId: 'p', [camel]: { [field]: { Ref: 'Marker' } } });
        const nested = (value as { [key: string]: any })[CLIENT_FIELDS.find(([c]) => c === camel)![1]];
        // A nested type this aws-cdk-lib release does not have (RefreshTokenRotation before 2.200).
        if (error !== undefined || nested === undefined) continue;
        expect([camel, field, Object.keys(nested).find((k) => nested[k] !== undefined)]).toEqual([camel, field, name]);
      }
    }
  });

  // Values of each kind the L1 accepts, and values its validator rejects.
  const intrinsic = fc.oneof(fc.constant({ Ref: 'Pool' }), fc.constant({ 'Fn::GetAtt': ['Pool', 'Arn'] }), fc.constant('{{resolve:ssm:/p}}'));
  const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.constant([1]), fc.constant({ a: 1, b: 2 }), fc.constant(null));
  const valueOf = (kind: FieldKind, bad: boolean): fc.Arbitrary<unknown> => {
    if (kind === 'string') return fc.oneof(fc.string(), intrinsic, ...(bad ? [wrong] : []));
    if (kind === 'number') return fc.oneof(fc.integer(), intrinsic, ...(bad ? [wrong] : []));
    if (kind === 'boolean') return fc.oneof(fc.boolean(), intrinsic, ...(bad ? [wrong] : []));
    if (kind === 'list') return fc.oneof(fc.array(fc.oneof(fc.string(), intrinsic)), intrinsic, ...(bad ? [wrong, fc.array(wrong)] : []));
    const fields = Object.entries(kind);
    return fc.oneof(
      fc.record(Object.fromEntries(fields.map(([k, [, inner]]) => [k, valueOf(inner, bad)])), { requiredKeys: [] }),
      intrinsic,
      ...(bad ? [wrong, fc.constant({ unknownField: 'x' })] : []),
    );
  };
  // The fields RefreshTokenRotation has only on the aws-cdk-lib releases whose L1 renders it.
  const l1Fields = new Set(Object.keys((l1 as unknown as { cfnProperties: object }).cfnProperties));
  const propsOf = (bad: boolean) => fc.record(
    Object.fromEntries(CLIENT_FIELDS.filter(([camel]) => l1Fields.has(camel)).map(([camel, , kind]) => [camel, valueOf(kind, bad)])),
    { requiredKeys: bad ? [] : ['userPoolId'] },
  );

  test('well-typed props: the same rendering as the L1, key order and all, without asking the L1', () => {
    fc.assert(fc.property(propsOf(false), (props) => {
      const ours = renderClientProperties(props);
      expect(ours).toBeDefined();
      const theirs = l1Render(props);
      expect(theirs.error).toBeUndefined();
      expect(ours).toEqual(theirs.value); // the L1 also writes absent props as undefined
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs.value));
    }), { numRuns: 500, seed: 15 });
  });

  test('any props: either the L1\'s exact rendering, or nothing, so that the L1 renders them (and rejects what it rejects)', () => {
    let declined = 0;
    fc.assert(fc.property(propsOf(true), (props) => {
      const ours = renderClientProperties(props);
      const theirs = l1Render(props);
      if (ours === undefined) {
        declined++;
        return;
      }
      expect(theirs.error).toBeUndefined();
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs.value));
    }), { numRuns: 1000, seed: 15 });
    expect(declined).toBeGreaterThan(100); // the generator does reach the L1's rejections
  });

  test('a prop the table does not know (a newer aws-cdk-lib\'s) is left to the L1, so it is never dropped', () => {
    expect(renderClientProperties({ userPoolId: 'p', someFutureProp: 'x' })).toBeUndefined();
    expect(renderClientProperties({ userPoolId: 'p', tokenValidityUnits: { accessToken: 'hours', futureUnit: 'x' } })).toBeUndefined();
    expect(renderClientProperties({ userPoolId: 'p', someFutureProp: undefined })).toEqual({ UserPoolId: 'p' });
  });

  test('props given as one intrinsic are left to the L1', () => {
    expect(renderClientProperties({ 'Fn::If': ['C', {}, {}] })).toBeUndefined();
  });

  test('an AppClient synthesizes without the L1\'s generic renderer, and an escape-hatch value of the wrong type is still refused by it', () => {
    const spy = jest.spyOn(cognito.CfnUserPoolClient.prototype as any, 'renderProperties');
    try {
      const app = new App();
      const s = new Stack(app, 'Stack');
      const userPool = new cognito.UserPool(s, 'Pool');
      const client = new AppClient(s, 'Client', { userPool, oAuth: { callbackUrls: ['https://a.example.org/cb'] } });
      expect(() => app.synth()).not.toThrow();
      expect(spy).not.toHaveBeenCalled();

      (client.resource as any).callbackUrLs = 'https://a.example.org/cb';
      expect(() => app.synth({ force: true })).toThrow(/callbackUrLs|CallbackURLs/);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
