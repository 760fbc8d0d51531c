import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

// The release publishes both lines: every publish job makes the classic line's artifact beside the
// current line's, before collecting them (.projenrc.ts patches projen's release workflow).
test("every publish job of the release makes the classic line's package beside the current line's", () => {
  const workflow = parse(readFileSync(join(__dirname, '..', '.github', 'workflows', 'release.yml'), 'utf8'));
  const targets: { [job: string]: string } = { release_npm: 'js', release_maven: 'java', release_pypi: 'python', release_nuget: 'dotnet', release_golang: 'go' };
  expect(Object.keys(workflow.jobs).filter((j) => j.startsWith('release_') && j !== 'release_github').sort()).toEqual(Object.keys(targets).sort());
  for (const [job, target] of Object.entries(targets)) {
    const names: string[] = workflow.jobs[job].steps.map((s: { name?: string }) => s.name);
    const at = names.indexOf(`Create ${target} artifact`);
    expect(at).toBeGreaterThan(0);
    expect(names.slice(at, at + 3)).toEqual([`Create ${target} artifact`, `Create the classic line's ${target} artifact`, `Collect ${target} artifact`]);
    expect(workflow.jobs[job].steps[at + 1].run).toBe(`cd .repo && node lines/build-classic.js --target ${target} --outdir dist`);
  }
});
