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
    // issue 21, round three: format characters that are not default-ignorable, private-use and unassigned code points
    ['Arabic number signs and interlinear annotation characters', '\u0600\u06DD\uFFF9\uFFFA\uFFFB'.repeat(2)],
    ['Egyptian hieroglyph format controls', '\u{13430}\u{13431}'.repeat(5)],
    ['private-use characters', '\uE000\u{F0000}'.repeat(5)],
    ['unassigned code points', '\u0378\u0379'.repeat(5)],
    ['musical null noteheads', '\u{1D159}'.repeat(10)],
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
