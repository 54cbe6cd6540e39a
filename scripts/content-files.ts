/** Reads the content store from disk, the way `validateContent` takes it. Node only. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '../src/content/validate';
import { MODELS_DIR } from '../src/content/campusModel';

/** Raw text of every JSON file under `<root>/assets/content`, keyed by path relative to root. */
export function readContentFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.json')) files[rel] = readFileSync(path.join(root, rel), 'utf8');
    }
  };
  walk(CONTENT_DIR);
  return files;
}

/** Says whether a file exists under `<root>/assets`. */
export const assetExistsIn = (root: string) => (assetPath: string) => existsSync(path.join(root, 'assets', assetPath));

/** Raw text of every campus model (`<root>/assets/models/*.json`), keyed by path relative to root. */
export function readModelFiles(root: string): Record<string, string> {
  const dir = path.join(root, MODELS_DIR);
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json')) files[`${MODELS_DIR}/${name}`] = readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}
