// A step of `npm test`: fails when a tracked file reads a path outside the
// repository: a sibling folder (such as shared/ next to the clone), a home or workplace folder, or a
// relative path that climbs above the root. A clone must be the whole project.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ABSOLUTE = [
  {
    pattern: /(?<![\w.-])\/(?:home|Users|root)\/[\w.-]+/g,
    what: 'a home folder',
  },
  { pattern: /(?<![\w.-])\/work\/[\w.-]+/g, what: 'the workplace folder' },
  // built from parts so that this file does not flag itself
  {
    pattern: new RegExp(String.raw`(?:^|[^.\w])\.\.\/` + 'shared\\b', 'g'),
    what: 'a sibling shared/ folder',
  },
];
// "../../x" in a string: how far it climbs from the file that holds it
const CLIMB = /(?<![\w.])((?:\.\.\/)+)[\w.-]/g;
// config files resolve relative paths from the backend package's folder
const CONFIG = /^app-config[\w.-]*\.ya?ml$/;
const SKIP = /(^|\/)package-lock\.json$|\.(png|ico|jpg|svg)$/;

/** Problems in one file's text, as "file:line: what". */
export function findOutsidePaths(file, text) {
  const base = CONFIG.test(file) ? 'packages/backend' : dirname(file);
  const problems = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const { pattern, what } of ABSOLUTE) {
      for (const match of line.matchAll(pattern))
        problems.push(`${where}: reads ${what} (${match[0].trim()})`);
    }
    for (const match of line.matchAll(CLIMB)) {
      const climbs = match[1].length / 3;
      const depth = base === '.' ? 0 : base.split('/').length;
      if (climbs > depth)
        problems.push(
          `${where}: ${match[1]}… climbs ${climbs} folders from ${base}/, above the repository root`,
        );
    }
  });
  return problems;
}

function selfTest() {
  const caught = [
    ['a/b/c.ts', `resolve(__dirname, '../../../../${'sha' + 'red'}/x')`],
    ['a/b.ts', "readFileSync('../../../report.schema.json')"],
    ['x.mjs', "const p = '/home/dev/fixtures';"],
    ['app-config.yaml', 'file: ../../../elsewhere/dump.json'],
  ].filter(([f, t]) => findOutsidePaths(f, t).length === 0);
  const passed = [
    ['a/b/c.ts', "resolve(__dirname, '../../fixtures/upstream')"],
    ['app-config.yaml', 'file: ../../examples/clusters/x.json'],
    ['a.mjs', "spawn('/usr/bin/chromium')"],
  ].filter(([f, t]) => findOutsidePaths(f, t).length > 0);
  if (caught.length || passed.length) {
    console.error('guard self-test failed', { caught, passed });
    process.exit(2);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  selfTest();
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter(
      f => f && !SKIP.test(f) && f !== 'test/guards/paths-inside-repo.mjs',
    );
  const problems = files.flatMap(f => {
    let text;
    try {
      text = readFileSync(resolve(root, f), 'utf8');
    } catch {
      return [];
    }
    return text.includes('\0')
      ? []
      : findOutsidePaths(f.split(sep).join('/'), text);
  });
  for (const p of problems) console.error(p);
  console.log(
    `paths guard: ${files.length} tracked files, ${problems.length} read outside the repository`,
  );
  process.exit(problems.length ? 1 : 0);
}
