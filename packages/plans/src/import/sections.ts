/**
 * Builds the nested sections of a plan body (I., II. → 1., 2. → 1.1. → "-" → "+") from classified lines.
 * A bullet with sub-bullets becomes a child section whose heading is the bullet; a bullet without them is
 * an item. A numbered line that is really a numbered paragraph (a leaf ending with "." or ";" or a long
 * one) becomes an item of its parent.
 */
import type { Section, SectionMarker } from '../model/types';
import { classifyLine, romanValue, RANK } from './classify';
import { sectionRole } from './roles';

interface Node {
  kind: 'root' | 'heading' | 'bullet' | 'text';
  rank: number;
  marker: SectionMarker;
  label: string;
  text: string;
  /** The line as written (without its number), for numbered paragraphs that become items. */
  raw: string;
  children: Node[];
}

export interface SectionBuild {
  sections: Section[];
  warnings: string[];
}

const newNode = (kind: Node['kind'], rank: number, text: string, marker: SectionMarker = 'numbered', label = ''): Node => ({
  kind,
  rank,
  marker,
  label,
  text,
  raw: text,
  children: [],
});

/** Cleans a heading: trailing ":" or "." removed, quotes kept. */
export function cleanHeading(s: string): string {
  return s.replace(/\s*[:.]+\s*$/u, '').trim();
}

/** "Số lượng: 80 đại biểu." → heading "Số lượng" with item "80 đại biểu."; "KINH PHÍ …: từ nguồn …" likewise. */
function splitHeading(text: string, rank: number): { heading: string; item: string | null } {
  const colon = text.indexOf(':');
  if (colon > 0 && colon < text.length - 1) {
    const before = text.slice(0, colon).trim();
    const after = text.slice(colon + 1).trim();
    const beforeWords = before.split(/\s+/).length;
    const upperBefore = !/\p{Ll}/u.test(before) && /\p{Lu}/u.test(before);
    if (after.length > 0 && beforeWords <= 10 && (/[.!]$/.test(after) || (rank === RANK.roman && upperBefore))) {
      return { heading: cleanHeading(before), item: after };
    }
  }
  return { heading: cleanHeading(text), item: null };
}

function isSentenceLike(text: string): boolean {
  return /[.;!?]["”’)]*$/u.test(text.trim()) || text.length > 160;
}

/**
 * Turns the node tree into sections. Inside a CHỈ TIÊU section every numbered line without content under it
 * is a target ("1. Mỗi cơ sở Hội có ít nhất 01 mô hình", as Word's automatic numbering or a typist writes
 * it), never a sub-heading.
 */
function toSection(node: Node, inTargets = false): Section {
  const section: Section = { heading: node.text, items: [], children: [], marker: node.marker };
  const targets = inTargets || (node.kind === 'heading' && sectionRole(node.text) === 'targets');
  // A numbered paragraph becomes an item only before any numbered sub-section: after one, an item could not
  // be told apart from that sub-section's own content in the document.
  let keptNumbered = false;
  for (const child of node.children) {
    if (child.kind === 'text') {
      section.items.push(child.text);
    } else if (child.kind === 'bullet' && child.children.length === 0) {
      section.items.push(child.text);
    } else if (child.kind === 'heading' && child.children.length === 0 && (targets || (isSentenceLike(child.raw) && !keptNumbered))) {
      section.items.push(child.raw);
    } else {
      if (child.kind === 'heading') keptNumbered = true;
      const sub = toSection(child, targets);
      sub.heading = cleanHeading(sub.heading);
      sub.at = section.items.length;
      section.children.push(sub);
    }
  }
  return section;
}

/** Builds sections from body lines. The returned sections are the top-level ones. */
export function buildSections(lines: string[]): SectionBuild {
  const warnings: string[] = [];
  const root = newNode('root', 0, '');
  const stack: Node[] = [root];
  let lastRoman = 0;
  const top = (): Node => stack[stack.length - 1] ?? root;

  for (const line of lines) {
    const c = classifyLine(line);
    if (c.type === 'heading') {
      while (stack.length > 1 && top().rank >= c.rank) stack.pop();
      if (c.rank === RANK.roman) {
        const value = romanValue(c.label) ?? 0;
        if (lastRoman > 0 && value !== lastRoman + 1) {
          warnings.push(`Số thứ tự mục không liên tục: "${c.label}." sau mục số ${lastRoman}.`);
        }
        lastRoman = value;
      }
      const { heading, item } = splitHeading(c.text, c.rank);
      const node = newNode('heading', c.rank, heading, 'numbered', c.label);
      node.raw = c.text;
      if (item) node.children.push(newNode('text', 99, item));
      top().children.push(node);
      stack.push(node);
    } else if (c.type === 'bullet') {
      while (stack.length > 1 && top().kind === 'bullet' && top().rank >= c.rank) stack.pop();
      const node = newNode('bullet', c.rank, c.text, c.marker);
      top().children.push(node);
      stack.push(node);
    } else {
      while (stack.length > 1 && top().kind === 'bullet') stack.pop();
      top().children.push(newNode('text', 99, c.text));
    }
  }

  const rootSection = toSection(root);
  const sections = rootSection.children;
  if (rootSection.items.length > 0) {
    // Text before the first heading: keep it in an untitled section so nothing is lost.
    sections.unshift({ heading: '', items: rootSection.items, children: [], marker: 'numbered', at: 0 });
  }
  return { sections, warnings };
}

/** Every item of a section and its descendants, in document order, with the heading of bullet sections. */
export function flattenItems(section: Section): string[] {
  const out: string[] = [];
  for (const c of sectionContent(section)) {
    if ('item' in c) {
      out.push(c.item);
    } else {
      if (c.section.marker && c.section.marker !== 'numbered') out.push(c.section.heading);
      out.push(...flattenItems(c.section));
    }
  }
  return out;
}

/** Children and items of a section interleaved in document order. */
export function sectionContent(section: Section): ({ item: string } | { section: Section })[] {
  const out: ({ item: string } | { section: Section })[] = [];
  const children = [...section.children].sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  let ci = 0;
  for (let i = 0; i <= section.items.length; i++) {
    while (ci < children.length && (children[ci]?.at ?? section.items.length) <= i) {
      const child = children[ci++];
      if (child) out.push({ section: child });
    }
    const item = section.items[i];
    if (item !== undefined) out.push({ item });
  }
  while (ci < children.length) {
    const child = children[ci++];
    if (child) out.push({ section: child });
  }
  return out;
}

/** Depth-first walk over sections with their ancestors. */
export function walkSections(sections: Section[], visit: (s: Section, ancestors: Section[]) => void, ancestors: Section[] = []): void {
  for (const s of sections) {
    visit(s, ancestors);
    walkSections(s.children, visit, [...ancestors, s]);
  }
}
