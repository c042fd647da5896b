/**
 * Word's automatic list numbering is not text: mammoth's raw text drops it, and a plan numbered with Word's
 * lists ("I.", "1.", "a)", bullets) would lose its outline. mammoth's HTML keeps the lists as nested
 * <ol>/<ul>; this renders that HTML back to the text a reader sees, one paragraph per block, with the
 * numbers Word would show by depth (ordered: I. → 1. → a) → (1); bullets: - → + → •), so the text importer
 * builds the same sections as from a typed outline.
 */

const ORDERED_STYLES = ['roman', 'decimal', 'letter', 'paren'] as const;
type OrderedStyle = (typeof ORDERED_STYLES)[number];
const BULLETS = ['-', '+', '•'] as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Vietnamese lettered items skip no letter but add đ after d, as plans write them (a, b, c, d, đ, e …). */
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

function label(style: OrderedStyle, n: number): string {
  switch (style) {
    case 'roman':
      return `${roman(n)}.`;
    case 'decimal':
      return `${n}.`;
    case 'letter':
      return `${LETTERS[(n - 1) % LETTERS.length] ?? 'a'})`;
    case 'paren':
      return `(${n})`;
  }
}

interface OpenList {
  ordered: boolean;
}

/** The text of mammoth's HTML, one block a paragraph, list items numbered as Word shows them. */
export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  const lists: OpenList[] = [];
  let footnote = false;
  let skipDepth = 0; // inside the "↑" back-link of a footnote
  const counters: number[] = [];

  // A document that types its own "I." headings outside lists uses Word's lists one level lower ("1.").
  const typedRoman = /<p>\s*(?:<[^>]+>\s*)*[IVX]{1,5}\s*\.\s/u.test(html.replace(/<(ol|ul)[\s\S]*?<\/\1>/gu, ''));
  const orderedOffset = typedRoman ? 1 : 0;

  const flush = (): void => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };

  const tokens = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^>]*?)?)\s*(\/?)>|([^<]+)/gu;
  for (const m of html.matchAll(tokens)) {
    const text = m[5];
    if (text !== undefined) {
      if (skipDepth === 0) line += decodeEntities(text);
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'a' && !closing && /href="#(?:footnote|endnote)-ref-/u.test(attrs)) {
      skipDepth++;
      continue;
    }
    if (tag === 'a' && closing && skipDepth > 0) {
      skipDepth--;
      continue;
    }
    switch (tag) {
      case 'ol':
      case 'ul':
        flush();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol' });
        break;
      case 'li': {
        flush();
        if (closing) {
          footnote = false;
          break;
        }
        const list = lists[lists.length - 1];
        if (!list) break;
        if (/id="(?:footnote|endnote)-/u.test(attrs)) {
          // Footnotes end the document; the text importer keeps lines marked "�" apart as footnotes.
          footnote = true;
          line = '� ';
          break;
        }
        if (list.ordered) {
          // mammoth nests items by their Word level (ilvl) whatever list they belong to, and restarts an <ol>
          // after every interruption; Word keeps counting each level until a higher level resets it.
          const ilvl = lists.length - 1;
          counters[ilvl] = (counters[ilvl] ?? 0) + 1;
          counters.length = ilvl + 1;
          const style = ORDERED_STYLES[Math.min(ilvl + orderedOffset, ORDERED_STYLES.length - 1)] ?? 'paren';
          line = `${label(style, counters[ilvl] ?? 1)} `;
        } else {
          const depth = lists.filter((l) => !l.ordered).length - 1;
          line = `${BULLETS[Math.min(depth, BULLETS.length - 1)] ?? '•'} `;
        }
        break;
      }
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'tr':
      case 'td':
      case 'th':
      case 'table':
        // A paragraph inside a list item continues the item's line the first time.
        if (!closing && lists.length > 0 && /^(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\)|\(\d+\)|[-+•]|�) $/u.test(line)) break;
        flush();
        if (footnote && !closing) line = '� ';
        break;
      case 'br':
        flush();
        break;
      default:
        break;
    }
  }
  flush();
  return lines.join('\n\n');
}
