import * as fc from 'fast-check';
import { ClientRules } from '../../src';
import { show } from '../../src/rules/private/values';

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

describe('control characters in values are escaped', () => {
  test('C1 controls, separators and bidirectional controls are shown as \\u escapes', () => {
    fc.assert(fc.property(fc.constantFrom('\u0085', '\u009b', '\u007f', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\u001b', '\n'), (c) => {
      const text = show(`a${c}b`);
      expect(text).toBe(`"a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b"`.replace('\\u000a', '\\n'));
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e\u2066\ufeff]/);
    }));
  });
});
