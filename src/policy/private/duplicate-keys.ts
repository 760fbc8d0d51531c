/**
 * The keys that appear more than once in the same object of a JSON text, as paths
 * (`forbidImplicitFlow`, `severities.policy-no-implicit`). `JSON.parse` keeps the last value of a
 * repeated key without a word; a policy file must not hide a setting that way. The text must be
 * valid JSON (parse it first): this only scans it, in one pass.
 */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  // One frame per open object or array: the keys seen in an object, and the key being read.
  const frames: Array<{ keys?: Set<string>; key?: string }> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const frame = frames[frames.length - 1];
      if (expectKey && frame?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (frame.keys.has(key)) found.push(pathOf(frames, key));
        frame.keys.add(key);
        frame.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{') {
      frames.push({ keys: new Set() });
      expectKey = true;
    } else if (c === '[') {
      frames.push({});
    } else if (c === '}' || c === ']') {
      frames.pop();
    } else if (c === ',') {
      expectKey = frames[frames.length - 1]?.keys !== undefined;
    }
  }
  return found;
}

function pathOf(frames: Array<{ keys?: Set<string>; key?: string }>, key: string): string {
  return [...frames.slice(0, -1).map((f) => f.key).filter((k): k is string => k !== undefined), key].join('.');
}
