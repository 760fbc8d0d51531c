import { readFileSync } from 'fs';
import { join } from 'path';
import { format } from 'util';
import * as ts from 'typescript';

// Every TypeScript snippet of README.md runs here as written, and prints what the README shows.
//
// A snippet is a ```ts block (jsii-rosetta's `fixture=...` tag allowed). Each one must be followed by
// its output, a ```text block introduced by one short sentence ending in ':' ("It prints:"), or be
// marked with an HTML comment on the line before it:
//   <!-- snippet: no-output -->  it runs, and must print nothing;
//   <!-- snippet: cdk-nag-3 no-output -->, <!-- snippet: cdk-nag-3 fails-with=RULE[,RULE...] -->
//        it needs cdk-nag 3, which cannot run beside the cdk-nag 2 of these tests: it is type-checked
//        here, and run by the install check (compat/readme-snippets.js), which checks that it prints
//        nothing, or that its synth fails with exactly these rules' findings.
// The text of a snippet is used as it is, except for one thing: its module specifier
// 'cdk-cognito-app-client' is this repository's src/. Snippets run with examples/ as the working
// directory, so `ClientPolicy.fromFile('client-policy.json')` reads examples/client-policy.json.

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MODULE = 'cdk-cognito-app-client';
const EXAMPLES = join(ROOT, 'examples');
const MARKERS = [/^no-output$/, /^cdk-nag-3$/, /^fails-with=AppClientChecks-[a-z0-9-]+(,AppClientChecks-[a-z0-9-]+)*$/];

export interface Snippet {
  /** The heading the snippet is under, e.g. `Usage > The construct`. */
  readonly heading: string;
  /** Its first line of code in README.md (1-based). */
  readonly line: number;
  readonly code: string;
  readonly markers: string[];
  /** The text block that follows it. */
  readonly output?: string;
  /** Why the README cannot be read as the test expects. */
  readonly problem?: string;
}

/** Every ```ts block of a markdown text, with its heading, markers and output block. */
export function readmeSnippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const blocks: Array<{ info: string; start: number; end: number; body: string; headings: string[] }> = [];
  const headings: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,})(.*)$/.exec(lines[i]);
    if (open) {
      const fence = open[1];
      let j = i + 1;
      while (j < lines.length && !new RegExp(`^ {0,3}${fence}\\s*$`).test(lines[j])) j++;
      blocks.push({ info: open[2].trim(), start: i, end: j, body: lines.slice(i + 1, j).join('\n'), headings: [...headings] });
      i = j;
      continue;
    }
    const heading = /^(#{2,6}) (.*)$/.exec(lines[i]);
    if (heading) {
      headings.length = heading[1].length - 2;
      headings.push(heading[2].trim());
    }
  }
  const snippets: Snippet[] = [];
  blocks.forEach((b, n) => {
    if (!/^(ts|typescript)\b/.test(b.info)) return;
    // the marker: the line before the fence
    const before = lines.slice(0, b.start).reverse().find((l) => l.trim() !== '') ?? '';
    const marker = /^<!-- snippet: ([^>]+?) -->$/.exec(before.trim());
    const markers = marker ? marker[1].trim().split(/\s+/) : [];
    let problem = markers.filter((m) => !MARKERS.some((re) => re.test(m))).map((m) => `unknown snippet marker '${m}'`).join('; ') || undefined;
    const failsWith = markers.some((m) => m.startsWith('fails-with='));
    if (failsWith && !markers.includes('cdk-nag-3')) problem = problem ?? 'fails-with is checked by the install check, for cdk-nag-3 snippets only';
    // the output: the next block, if it is text and only one sentence ending in ':' stands between
    let output: string | undefined;
    const next = blocks[n + 1];
    if (next && next.info === 'text') {
      const between = lines.slice(b.end + 1, next.start).join('\n').trim();
      if (between === '' || (/:$/.test(between) && !between.includes('\n\n') && !/^#/m.test(between))) output = `${next.body}\n`;
    }
    if (output === undefined && !markers.includes('no-output') && !failsWith) {
      problem = problem ?? 'no output block (a ```text block right after it, introduced by a sentence ending in ":") and no <!-- snippet: no-output --> marker';
    }
    if (output !== undefined && (markers.includes('no-output') || failsWith)) problem = problem ?? `marked ${failsWith ? 'fails-with' : 'no-output'}, but followed by an output block`;
    if (output !== undefined && markers.includes('cdk-nag-3')) problem = problem ?? 'the install check does not compare the output of cdk-nag-3 snippets: mark it no-output or fails-with=...';
    snippets.push({ heading: b.headings.join(' > ') || '(top)', line: b.start + 2, code: b.body + '\n', markers, output, problem });
  });
  return snippets;
}

/** The snippet's text with its module specifier pointing at this repository's source. */
function retarget(code: string, target: string): string {
  return code.replace(/(\bfrom\s+|\brequire\(\s*|\bimport\(\s*)(['"])cdk-cognito-app-client\2/g, (_m, a, q) => `${a}${q}${target}${q}`);
}

/** Runs a snippet as a program and returns everything it printed. */
function runSnippet(s: Snippet): string {
  const js = ts.transpileModule(retarget(s.code, join(ROOT, 'src')), {
    fileName: 'snippet.ts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  let printed = '';
  const write = (chunk: unknown) => { printed += String(chunk); return true; };
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...args: unknown[]) => { printed += `${format(...args)}\n`; })),
    jest.spyOn(process.stdout, 'write').mockImplementation(write),
    jest.spyOn(process.stderr, 'write').mockImplementation(write),
  ];
  const cwd = process.cwd();
  process.chdir(EXAMPLES);
  try {
    const module = { exports: {} };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('require', 'module', 'exports', js)(require, module, module.exports);
  } catch (e) {
    throw new Error(`the snippet threw after printing:\n${printed}\n${(e as Error).stack ?? e}`);
  } finally {
    process.chdir(cwd);
    for (const spy of spies) spy.mockRestore();
  }
  return printed;
}

/**
 * Type-checks the snippets as they are (strict), in one program: `cdk-nag-cognito-app-client` is
 * this repository's src/ by a path mapping. The tests' aws-cdk-lib (2.251) has no
 * `Validations.of(x).acknowledge` (2.253 and later): snippets marked cdk-nag-3 see it declared.
 */
function typeCheck(snippets: Snippet[]): Map<Snippet, string[]> {
  const dir = join(ROOT, 'test', '__readme_snippets__');
  const files = new Map<string, string>();
  snippets.forEach((s, i) => {
    const text = s.markers.includes('cdk-nag-3') ? `${s.code}\n${VALIDATIONS_ACKNOWLEDGE}` : s.code;
    files.set(join(dir, `snippet-${i + 1}.ts`), text);
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    paths: { [MODULE]: [join(ROOT, 'src', 'index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.getSourceFile = (f, v, onError, create) => {
    const text = files.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, v, true) : getSourceFile(f, v, onError, create);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const result = new Map<Snippet, string[]>();
  snippets.forEach((s, i) => {
    const file = program.getSourceFile(join(dir, `snippet-${i + 1}.ts`))!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    result.set(s, diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${where ? `README.md:${s.line + where.line}:${where.character + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    }));
  });
  return result;
}

/** What aws-cdk-lib 2.253 and later declare (`Validations.of(x).acknowledge`), for the tests' 2.251. */
const VALIDATIONS_ACKNOWLEDGE = `declare module 'aws-cdk-lib' {
  interface Validations {
    acknowledge(...rules: Array<{ readonly id: string; readonly reason: string }>): void;
  }
}
`;

const snippets = readmeSnippets(README);
const title = (s: Snippet) => `${s.heading} (README.md line ${s.line})`;

test('README.md has TypeScript snippets, each with its output or a marker', () => {
  expect(snippets.length).toBeGreaterThan(0);
  expect(snippets.filter((s) => s.problem).map((s) => `${title(s)}: ${s.problem}`)).toEqual([]);
});

test('every snippet type-checks as written (strict)', () => {
  const errors = typeCheck(snippets);
  expect(snippets.flatMap((s) => errors.get(s)!.map((e) => `${title(s)}: ${e}`))).toEqual([]);
}, 120_000);

const runnable = snippets.filter((s) => !s.markers.includes('cdk-nag-3'));
test.each(runnable.map((s) => [title(s), s] as const))('%s runs and prints what the README shows', (_t, s) => {
  expect(runSnippet(s)).toBe(s.output ?? '');
}, 60_000);

const cdkNag3 = snippets.filter((s) => s.markers.includes('cdk-nag-3'));
test.each(cdkNag3.map((s) => [title(s), s] as const))('%s needs cdk-nag 3: type-checked here, and run by the install check', (_t, s) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cdkNag3Snippets } = require('../compat/readme-snippets');
  const found = cdkNag3Snippets(README).find((c: { line: number }) => c.line === s.line);
  expect(found).toBeDefined();
  expect(found.code).toBe(s.code);
  expect(found.failsWith).toEqual(s.markers.filter((m) => m.startsWith('fails-with=')).flatMap((m) => m.slice('fails-with='.length).split(',')));
});

describe('the snippet reader', () => {
  const md = (body: string) => readmeSnippets(`# Title\n\n## Part\n\n### Sub\n\n${body}`);

  test('an output block after one sentence ending in ":"', () => {
    const [s] = md('```ts fixture=bare\nconsole.log(1);\n```\n\nIt prints:\n\n```text\n1\n```\n');
    expect(s).toMatchObject({ heading: 'Part > Sub', line: 8, code: 'console.log(1);\n', output: '1\n', markers: [] });
    expect(s.problem).toBeUndefined();
  });

  test('no output block and no marker is a problem; a marker is not', () => {
    expect(md('```ts\nx;\n```\n\nSome text.\n\n```text\n1\n```\n')[0].problem).toMatch(/no output block/);
    expect(md('<!-- snippet: no-output -->\n```ts\nx;\n```\n')[0].problem).toBeUndefined();
    expect(md('<!-- snippet: cdk-nag-3 no-output -->\n```ts\nx;\n```\n')[0].markers).toEqual(['cdk-nag-3', 'no-output']);
    expect(md('<!-- snippet: cdk-nag-3 fails-with=AppClientChecks-a,AppClientChecks-b -->\n```ts\nx;\n```\n')[0].problem).toBeUndefined();
    expect(md('<!-- snippet: fails-with=AppClientChecks-a -->\n```ts\nx;\n```\n')[0].problem).toMatch(/cdk-nag-3 snippets only/);
    expect(md('<!-- snippet: cdk-nag-3 -->\n```ts\nx;\n```\n')[0].problem).toMatch(/no output block/);
    expect(md('<!-- snippet: fast -->\n```ts\nx;\n```\n')[0].problem).toMatch(/unknown snippet marker 'fast'/);
    expect(md('<!-- snippet: no-output -->\n```ts\nx;\n```\n```text\n1\n```\n')[0].problem).toMatch(/marked no-output/);
  });

  test('only the module specifier is rewritten', () => {
    expect(retarget("import { A } from 'cdk-cognito-app-client';\nconst s = 'cdk-cognito-app-client';\n", '/src'))
      .toBe("import { A } from '/src';\nconst s = 'cdk-cognito-app-client';\n");
  });

  test('snippets are found under their heading', () => {
    expect(snippets.map((s) => s.heading)).toContain('Usage > The construct, `AppClient`');
  });
});
