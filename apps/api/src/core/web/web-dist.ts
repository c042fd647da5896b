import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Finds the repository root (the folder with pnpm-workspace.yaml), for relative paths in the config. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

/** The folder of the built web app, or null when it is not configured or not built. */
export function resolveWebDist(configured: string): string | null {
  if (!configured) return null;
  const dir = isAbsolute(configured) ? configured : join(repoRoot(), configured);
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

let cachedIndex: { dir: string; html: Buffer } | null = null;
/** The web app's index.html, answered for the single-page app's own paths (/org-units, /login, …). */
export function webIndexHtml(dir: string): Buffer {
  if (!cachedIndex || cachedIndex.dir !== dir) cachedIndex = { dir, html: readFileSync(join(dir, 'index.html')) };
  return cachedIndex.html;
}
