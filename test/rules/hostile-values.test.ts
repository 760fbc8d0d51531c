import * as fc from 'fast-check';
import { ClientRules } from '../../src';
import { codePoints, lengthOutside, show } from '../../src/rules/private/values';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123' };

/** An array that counts how many of its items are read. */
function counted<T>(items: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

describe('formatting a value costs at most what is shown', () => {
  test('show() of a long list reads only the items it shows, and states the number of items', () => {
    fc.assert(fc.property(fc.integer({ min: 300, max: 100_000 }), fc.string({ minLength: 1, maxLength: 40 }), (n, item) => {
      const { list, reads } = counted(Array.from({ length: n }, () => item));
      const text = show(list);
      expect(reads()).toBeLessThanOrEqual(260);
      expect(text.endsWith(`... (${n} items)`)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(256 + `... (${n} items)`.length);
    }), { numRuns: 50 });
  });

  test('show() of nested and cyclic values is bounded too', () => {
    const cyclic: any = { a: [] };
    cyclic.a.push(cyclic);
    expect(show(cyclic).length).toBeLessThan(300);
    expect(show(cyclic).startsWith('{"a":[{"a":[{"a":')).toBe(true);
    let deep: any = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(show(deep).length).toBeLessThan(300);
  });

  test('show() is JSON.stringify for values that fit', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
      const json = JSON.stringify(v);
      fc.pre(json.length <= 256 && !/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(json));
      expect(show(v)).toBe(json);
    }), { numRuns: 300 });
  });

  test('show() never throws, and a value that cannot be read shows as (unreadable)', () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error('no keys'); } });
    expect(show(hostile)).toBe('(unreadable)');
    expect(show({ get a() { throw new Error('boom'); } })).toBe('(unreadable)');
  });

  test('200 clients sharing one 5,000-item list: every message is short', () => {
    const shared = Array.from({ length: 5_000 }, () => 'email');
    const Resources: { [id: string]: unknown } = {};
    for (let i = 0; i < 200; i++) {
      Resources[`C${i}`] = {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: { ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://a.example.org/cb'], AllowedOAuthScopes: shared, WriteAttributes: [shared] },
      };
    }
    const findings = ClientRules.checkTemplate({ Resources });
    expect(findings.length).toBeGreaterThanOrEqual(400);
    for (const f of findings) {
      expect(f.message.length).toBeLessThan(4000);
      expect(f.fix.length).toBeLessThan(1200);
    }
    // The value of the list is cut, saying how many items it has.
    expect(findings.find((f) => f.ruleId === 'oauth-scope-openid-companion')!.message).toContain('... (5000 items)');
  });
});

describe('messages past a limit state the true length', () => {
  test.each([
    ['a 3,022-character URL', { CallbackURLs: [`https://app.example.org/${'a'.repeat(2998)}`] }, 'redirect-uri-length', 'this one is 3022.'],
    ['a 5,000-character name', { ClientName: 'n'.repeat(5000) }, 'client-name-length', 'the name is 5000 characters long'],
    ['a 300-character scope', { AllowedOAuthScopes: ['s'.repeat(300)] }, 'oauth-scope-format', 'this one is 300.'],
  ])('%s', (_what, props, ruleId, text) => {
    const f = ClientRules.check({ ...BASE, ...props }).find((x) => x.ruleId === ruleId);
    expect(f?.message).toContain(text);
  });

  test('any length past the limit, counted in code points (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 129, max: 20_000 }), fc.boolean(), (n, astral) => {
      const name = astral ? '\u{1F600}'.repeat(n) : 'n'.repeat(n);
      const f = ClientRules.check({ ...BASE, ClientName: name }).find((x) => x.ruleId === 'client-name-length');
      expect(f?.message).toContain(`the name is ${n} characters long`);
      // The value itself is cut past 256 characters, with its true length in UTF-16 code units.
      if (name.length > 256) expect(f?.message).toContain(`... (${name.length} characters)`);
      else expect(f?.message).toContain(JSON.stringify(name));
    }), { numRuns: 50 });
  });
});

describe('lengthOutside decides as a count of code points would', () => {
  // It skips the count when the string's UTF-16 length already decides; this checks the shortcut
  // against the count, with astral characters and lone surrogates at either end.
  const unit = fc.constantFrom('a', '\u{1F600}', '\ud800', '\udc00', 'é', ' ');
  test('for every bound pair (property)', () => {
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 14 }), (parts, min, max) => {
      const s = parts.join('');
      const n = codePoints(s);
      expect(lengthOutside(s, min, max)).toBe(n < min || n > max ? n : undefined);
    }), { numRuns: 2000, seed: 20261204 });
  });

  test.each([
    ['empty', '', 1, 128, 0],
    ['one character', 'a', 1, 128, undefined],
    ['a lone high surrogate counts for nothing', '\ud800', 1, 128, 0],
    ['at the limit', 'a'.repeat(128), 1, 128, undefined],
    ['one past the limit', 'a'.repeat(129), 1, 128, 129],
    ['129 UTF-16 units, 65 code points', '\u{1F600}'.repeat(64) + 'a', 1, 128, undefined],
  ])('%s', (_what, s, min, max, expected) => {
    expect(lengthOutside(s, min, max)).toBe(expected);
  });
});

describe('control characters in values are escaped', () => {
  test('C1 controls, separators and bidirectional controls are shown as \\u escapes', () => {
    fc.assert(fc.property(fc.constantFrom('\u0085', '\u009b', '\u007f', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\u001b', '\n'), (c) => {
      const text = show(`a${c}b`);
      expect(text).toBe(`"a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b"`.replace('\\u000a', '\\n'));
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e\u2066\ufeff]/);
    }));
  });
});

describe('values that are not plain JSON: getters and Proxy traps that throw', () => {
  /** Wraps a value so that reading it throws after `n` reads (a Proxy with throwing traps). */
  function trap(value: object, n: number): object {
    let reads = 0;
    const boom = () => {
      if (reads++ >= n) throw new Error('trap\n    at evil (x.js:1:1)');
    };
    return new Proxy(value, {
      get(t, k, r) { boom(); const v = Reflect.get(t, k, r); return typeof v === 'object' && v !== null ? trap(v, n - reads) : v; },
      has(t, k) { boom(); return Reflect.has(t, k); },
      ownKeys(t) { boom(); return Reflect.ownKeys(t); },
      getOwnPropertyDescriptor(t, k) { boom(); return Reflect.getOwnPropertyDescriptor(t, k); },
      getPrototypeOf(t) { boom(); return Reflect.getPrototypeOf(t); },
    });
  }

  const props = fc.dictionary(
    fc.constantFrom('ClientName', 'CallbackURLs', 'AllowedOAuthFlows', 'TokenValidityUnits', 'AccessTokenValidity', 'AnalyticsConfiguration', 'RefreshTokenRotation'),
    fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });

  test('ClientRules.check never throws, whatever throws where', () => {
    fc.assert(fc.property(props, fc.nat(60), (p, n) => {
      const findings = ClientRules.check(trap({ ...BASE, ...p }, n) as any);
      for (const f of findings) {
        expect(typeof f.message).toBe('string');
        expect(f.message).not.toContain('\n');
      }
    }), { numRuns: 300 });
  });

  test('a throwing getter is a property-type finding, not an exception', () => {
    const findings = ClientRules.check({ ...BASE, get CallbackURLs(): string[] { throw new TypeError('getter'); } });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'property-type', severity: 'error', property: 'Properties' })]);
    expect(findings[0].message).toContain('Properties = (unreadable): reading them threw an error (getter)');
  });

  test('a revoked Proxy as the properties', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(ClientRules.check(proxy)).toEqual([expect.objectContaining({ ruleId: 'property-type' })]);
  });

  test('ClientRules.checkTemplate throws nothing but InvalidTemplateError, with a one-line message', () => {
    fc.assert(fc.property(props, fc.nat(80), fc.boolean(), (p, n, wrapProperties) => {
      const client = { Type: 'AWS::Cognito::UserPoolClient', Properties: wrapProperties ? trap({ ...BASE, ...p }, n) : { ...BASE, ...p } };
      const template = wrapProperties
        ? { Resources: { Pool: { Type: 'AWS::Cognito::UserPool' }, Client: client } }
        : trap({ Resources: { Pool: { Type: 'AWS::Cognito::UserPool' }, Client: client } }, n);
      try {
        for (const f of ClientRules.checkTemplate(template as any)) expect(f.resource).toBe('Client');
      } catch (e) {
        expect((e as Error).name).toBe('InvalidTemplateError');
        expect((e as Error).message).not.toContain('\n');
      }
    }), { numRuns: 300 });
  });
});

describe('values reached twice cost nothing more', () => {
  test('an object with two references to itself is checked at once (a walk without a seen set costs 2^depth)', () => {
    const o: any = { UserPoolId: 'eu-west-1_AbC123' };
    o.AnalyticsConfiguration = o;
    o.TokenValidityUnits = o;
    const start = Date.now();
    const findings = ClientRules.check(o);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(findings.map((f) => f.ruleId)).toContain('analytics-target-required');
  });

  test('a value shared 30 levels deep, twice at each level, is read once per object', () => {
    const o: any = { UserPoolId: 'eu-west-1_AbC123', CallbackURLs: ['http://a.example.org/cb'] };
    let cur = o;
    for (let i = 0; i < 30; i++) {
      const child = {};
      cur.AnalyticsConfiguration = child;
      cur.TokenValidityUnits = child;
      cur = child;
    }
    cur.X = { 'Fn::If': ['C', 'a', 'b'] };
    const start = Date.now();
    ClientRules.check(o);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
