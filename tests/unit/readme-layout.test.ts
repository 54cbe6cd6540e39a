// @vitest-environment node
/**
 * The README's layout section stays true: every folder and file its tree names is in the
 * repository (`git ls-files`), and every folder of the app (src/**) and at the top is in the tree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const files = new Set(tracked);
const dirs = new Set(tracked.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

/** The tree block of the README's "How it is built": the code block after "The tree (". */
function treeBlock(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf('The tree (`git ls-files`'));
  const block = /```\n([\s\S]*?)```/.exec(after);
  if (!block?.[1]) throw new Error('README: no tree block after "The tree (`git ls-files`"');
  return block[1].split('\n').filter((line) => line.trim() !== '');
}

const FOLDER = /(?:^|\s|\()((?:\.?[\w-]+\/)+)/g;
const FILE = /(?:^|[\s(,])((?:[\w-]+\/)*[\w.-]+\.(?:tsx?|css|json|sh|html|js))\b/g;

/** Each line's folder (by indentation) and the folders and files it names. */
function readTree() {
  const stack: { indent: number; dir: string }[] = [];
  const named = { dirs: [] as string[], files: [] as string[] };
  for (const line of treeBlock()) {
    const indent = line.length - line.trimStart().length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const parent = stack.at(-1)?.dir ?? '';
    const join = (name: string) => (parent ? `${parent}/${name}` : name).replace(/\/$/, '');
    const text = line.trim();
    const leading = /^((?:[\w-]+\/\s*)+)/.exec(text)?.[1];
    const declared = leading ? leading.split(/\s+/).filter(Boolean).map(join) : [];
    named.dirs.push(...declared);
    if (declared.length === 1) stack.push({ indent, dir: declared[0]! });
    const here = declared.length === 1 ? declared[0]! : parent;
    const rest = leading ? text.slice(leading.length) : text;
    for (const [, dir] of rest.matchAll(FOLDER)) named.dirs.push((here ? `${here}/${dir}` : dir!).replace(/\/$/, ''));
    for (const [, file] of rest.matchAll(FILE)) if (file !== 'three.js') named.files.push(here ? `${here}/${file}` : file!); // the library, not a file
  }
  return named;
}

describe("the README's layout section", () => {
  const named = readTree();

  it('names only folders and files that are in the repository', () => {
    const missing = [...named.dirs.filter((d) => !dirs.has(d)), ...named.files.filter((f) => !files.has(f) && ![...files].some((t) => t.startsWith(`${path.dirname(f)}/`) && t.endsWith(`/${path.basename(f)}`)))];
    expect(missing, `README names what is not in git ls-files: ${missing.join(', ')}`).toEqual([]);
  });

  it("names every folder of the app and every folder at the top", () => {
    const shown = new Set(named.dirs);
    const wanted = [...dirs].filter((d) => d.startsWith('src/') || (!d.includes('/') && !['assets', 'docs', 'public'].includes(d)));
    const absent = wanted.filter((d) => !shown.has(d));
    expect(absent, `README's tree leaves out: ${absent.join(', ')}`).toEqual([]);
  });
});
