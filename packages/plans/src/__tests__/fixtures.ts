import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

export const SEEDS_DIR = join(__dirname, '..', '..', 'fixtures', 'seeds');

export const SEED_FILES = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The text of seed 000 … 004. */
export function readSeed(index: number): string {
  const file = SEED_FILES[index];
  if (!file) throw new Error(`no seed ${index}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

export const ALL_SEEDS: string[] = SEED_FILES.map((_, i) => readSeed(i));

export const DOCX_DIR = join(__dirname, '..', '..', 'fixtures', 'docx');

/** A Word file of fixtures/docx (see its README for how each was made). */
export function readDocx(name: string): Buffer {
  return readFileSync(join(DOCX_DIR, name));
}
