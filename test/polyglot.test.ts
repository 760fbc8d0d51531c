import { readFileSync } from 'fs';
import { join } from 'path';

// The README's Python, Java and Go examples are the programs polyglot/run.js runs, as they are.
const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = /### In Python, Java, C# and Go\n([\s\S]*?)\n### /.exec(readme)?.[1] ?? '';

test.each([
  ['python', 'polyglot/python/readme_example.py'],
  ['java', 'polyglot/java/src/main/java/ReadmeExample.java'],
  ['go', 'polyglot/go/readme/main.go'],
])("README's %s example is %s", (lang, file) => {
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  expect(block).toBe(readFileSync(join(ROOT, file), 'utf8'));
});

test("README's C# example uses the names the other examples use", () => {
  const cs = /```csharp\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  for (const name of ['AppClient(stack, "Web"', 'AppClientOAuthSettings', 'AppClientChecks(app, props)', 'ClientPolicy.Recommended()', 'Validations.Of(app).AddPlugins']) {
    expect(cs).toContain(name);
  }
});
