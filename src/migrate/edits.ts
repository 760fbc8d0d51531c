/** One text splice: the text between `start` and `end` of the original is replaced with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Orders edits at the same position (lower first); the order they were made otherwise. */
  readonly order?: number;
}

/** Sorts edits by position, drops exact duplicates (one object literal shared by several clients), and checks that none overlap. */
export function normalize(edits: readonly Edit[]): Edit[] {
  const indexed = edits.map((e, i) => ({ e, i }));
  indexed.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || (a.e.order ?? 0) - (b.e.order ?? 0) || a.i - b.i);
  const out: Edit[] = [];
  for (const { e } of indexed) {
    const last = out[out.length - 1];
    if (last && last.start === e.start && last.end === e.end && last.text === e.text) continue;
    if (last && e.start < last.end) throw new Error(`overlapping edits at ${last.start}-${last.end} and ${e.start}-${e.end}`);
    out.push(e);
  }
  return out;
}

/** Applies the edits to the text; everything outside them stays byte for byte. */
export function apply(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of normalize(edits)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * A unified diff of `before` and `after`, where `after` is `before` with `edits` applied: the
 * changed lines are those the edits touch, so no line-matching search is needed.
 */
export function unifiedDiff(file: string, before: string, edits: readonly Edit[], context = 3): string {
  const sorted = normalize(edits);
  if (sorted.length === 0) return '';
  const oldLines = before === '' ? [''] : splitLines(before);
  const lineStarts: number[] = [];
  for (let i = 0, at = 0; i < oldLines.length; at += oldLines[i].length, i++) lineStarts.push(at);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  // Changed regions: groups of edits whose lines touch, as [first line, last line] of the original.
  const regions: { first: number; last: number; edits: Edit[] }[] = [];
  for (const e of sorted) {
    const first = lineOf(e.start);
    const last = Math.max(first, lineOf(Math.max(e.start, e.end - 1)));
    const r = regions[regions.length - 1];
    if (r && first <= r.last) {
      r.last = Math.max(r.last, last);
      r.edits.push(e);
    } else {regions.push({ first, last, edits: [e] });}
  }
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let shift = 0; // new line number minus old line number, before the current hunk
  let i = 0;
  while (i < regions.length) {
    // a hunk: regions closer than 2 * context lines together
    let j = i;
    while (j + 1 < regions.length && regions[j + 1].first - regions[j].last - 1 <= 2 * context) j++;
    const start = Math.max(0, regions[i].first - context);
    const end = Math.min(oldLines.length - 1, regions[j].last + context);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let line = start;
    for (let k = i; k <= j; k++) {
      const r = regions[k];
      for (; line < r.first; line++, oldCount++, newCount++) body.push(` ${oldLines[line]}`);
      const from = lineStarts[r.first];
      const to = lineStarts[r.last] + oldLines[r.last].length;
      const replaced = apply(before.slice(from, to), r.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })));
      const removed = oldLines.slice(r.first, r.last + 1);
      const added = splitLines(replaced);
      // lines the edits left as they were (an insertion before a line keeps that line) are context
      let head = 0;
      while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
      let tail = 0;
      const same = (n: number) => removed[removed.length - 1 - n] === added[added.length - 1 - n];
      while (tail < removed.length - head && tail < added.length - head && same(tail)) tail++;
      for (const l of removed.slice(0, head)) body.push(` ${l}`);
      for (const l of removed.slice(head, removed.length - tail)) body.push(`-${l}`);
      for (const l of added.slice(head, added.length - tail)) body.push(`+${l}`);
      for (const l of removed.slice(removed.length - tail)) body.push(` ${l}`);
      oldCount += removed.length;
      newCount += added.length;
      line = r.last + 1;
    }
    for (; line <= end; line++, oldCount++, newCount++) body.push(` ${oldLines[line]}`);
    const newStart = start + shift;
    out += `@@ -${start + 1},${oldCount} +${newStart + 1},${newCount} @@\n`;
    for (const l of body) out += l.endsWith('\n') ? l : `${l}\n\\ No newline at end of file\n`;
    shift += newCount - oldCount;
    i = j + 1;
  }
  return out;
}

/** Lines with their line ends. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
