import { isRealReason, reasonRefusal } from '../../src/private/acknowledgements';

describe('isRealReason: at least 10 visible characters', () => {
  test.each([
    ['ten zero-width spaces', '\u200B'.repeat(10)],
    ['ten Hangul fillers', '\u3164'.repeat(12)],
    ['ten Braille blanks', '\u2800'.repeat(12)],
    ['ten Hangul choseong and jungseong fillers', '\u115F\u1160'.repeat(6)],
    ['ten halfwidth Hangul fillers', '\uFFA0'.repeat(10)],
    ['ten spaces', ' '.repeat(10)],
    ['ten no-break spaces', '\u00A0'.repeat(10)],
    ['soft hyphens and word joiners', '\u00AD\u2060\uFEFF\u180E'.repeat(4)],
    ['nine letters padded with invisible ones', 'ticket-12\u200B\u200B\u3164 '],
    ['empty', ''],
  ])('refuses %s', (_, reason) => {
    expect(isRealReason(reason)).toBe(false);
    expect(reasonRefusal(reason)).toMatch(/fewer than 10 visible characters/);
  });

  test.each([undefined, null, 42, {}])('refuses a reason that is not a string (%p)', (reason) => {
    expect(isRealReason(reason)).toBe(false);
  });

  test.each(['ticket-1234', 'legacy app until 2027', 'チケット番号は一二三四五六', '  ticket-1234  '])('accepts %p', (reason) => {
    expect(isRealReason(reason)).toBe(true);
    expect(reasonRefusal(reason)).toBeUndefined();
  });
});
