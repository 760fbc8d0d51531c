import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

// No source file uses an internal member of aws-cdk-lib or cdk-nag (a member whose name starts with
// `_`) or a deep import that is not a package's public entry point. The one exception has no public
// equivalent and is pinned by tests on the minimum (here) and on the newest aws-cdk-lib (compat/).
const SRC = join(__dirname, '..', 'src');
const ALLOWED_INTERNALS: { [member: string]: string } = {
  // CfnResource._toCloudFormation(): the only way to render one resource as synthesis will
  // (overrides included) before the template is written. The same on 2.100 and 2.276: pinned by
  // test/kept-rendering.test.ts, and by compat/ (the same AppClient template on every release).
  // CfnElement's, the same member, renders a stack's own sections for cdk-nag 2's Fn::ForEach check.
  _toCloudFormation: 'src/private/cognito-template.ts',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const files = sources(SRC).map((f) => ({ file: relative(join(SRC, '..'), f), text: readFileSync(f, 'utf8') }));
/** Underscore members the library declares itself (its own, not a dependency's). */
const own = new Set(files.flatMap(({ text }) => [...text.matchAll(/^\s*(?:public |private |protected )?(?:static )?(?:get )?(_[A-Za-z]\w*)\s*[(:=]/gm)].map((m) => m[1])));

test('no internal member of a dependency is used, except the pinned one', () => {
  const used = files.flatMap(({ file, text }) => [...text.matchAll(/\.(_[A-Za-z]\w*)\b/g)]
    .map((m) => m[1])
    .filter((member) => !own.has(member) || member in ALLOWED_INTERNALS)
    .map((member) => `${file}: ${member}`));
  expect(used.filter((u) => {
    const [file, member] = u.split(': ');
    return ALLOWED_INTERNALS[member] !== file;
  })).toEqual([]);
  expect(own.has('_settings')).toBe(true); // the scan sees the library's own members
});

test('only public entry points of aws-cdk-lib, constructs and cdk-nag are imported', () => {
  const deep = files.flatMap(({ file, text }) => [...text.matchAll(/(?:from |require\()'((?:aws-cdk-lib|constructs|cdk-nag)[^']*)'/g)]
    .map((m) => m[1])
    // aws-cdk-lib/interfaces (2.2xx and later) only in the current line's line.ts, which the classic line replaces
    .filter((spec) => /\/lib\/|^cdk-nag\/|^constructs\//.test(spec) || (spec === 'aws-cdk-lib/interfaces' && file !== 'src/private/line.ts'))
    .map((spec) => `${file}: ${spec}`));
  expect(deep).toEqual([]);
});

test('cdk-nag is loaded in one place, only when a pack is made', () => {
  const loading = files.filter(({ text }) => /(?:from |require\()'cdk-nag/.test(text)).map(({ file }) => file);
  expect(loading).toEqual(['src/policy/private/cdk-nag.ts']);
});
