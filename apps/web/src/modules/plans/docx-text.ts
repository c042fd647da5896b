/**
 * The text of a Word .docx, read in the browser for the review screen (the import answer carries only the
 * structure): a .docx is a zip; its word/document.xml holds the paragraphs. Deflated entries are inflated
 * with the browser's DecompressionStream.
 */

export type Inflate = (data: Uint8Array) => Promise<Uint8Array>;

/** Inflates raw DEFLATE data with the browser's DecompressionStream('deflate-raw'). */
export const browserInflate: Inflate = async (data) => {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** One entry of a zip archive (stored or deflated), or null when the archive does not hold it. */
export async function readZipEntry(zip: Uint8Array, name: string, inflate: Inflate = browserInflate): Promise<Uint8Array | null> {
  // End of central directory: the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  const decoder = new TextDecoder();
  for (let n = 0; n < entries && p + 46 <= zip.length; n++) {
    if (u32(zip, p) !== 0x02014b50) return null;
    const method = u16(zip, p + 10);
    const compressedSize = u32(zip, p + 20);
    const nameLength = u16(zip, p + 28);
    const extraLength = u16(zip, p + 30);
    const commentLength = u16(zip, p + 32);
    const localOffset = u32(zip, p + 42);
    const entryName = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    if (entryName === name) {
      if (u32(zip, localOffset) !== 0x04034b50) return null;
      const start = localOffset + 30 + u16(zip, localOffset + 26) + u16(zip, localOffset + 28);
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflate(data);
      return null;
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The paragraphs of word/document.xml as lines of text (runs joined, tabs and line breaks kept). */
export function documentXmlToText(xml: string): string {
  const body = xml.replace(/<w:(?:del|instrText)\b[\s\S]*?<\/w:(?:del|instrText)>/g, '').replace(/<w:p\s*\/>/g, '<w:p></w:p>');
  const lines: string[] = [];
  for (const paragraph of body.split(/<\/w:p>/)) {
    let line = '';
    for (const m of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[1] !== undefined) line += decodeXml(m[1]);
      else line += m[2] === 'tab' ? '\t' : '\n';
    }
    if (/<w:p[\s>]/.test(paragraph) || line) lines.push(line);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The text of a .docx file, or null when it cannot be read here. */
export async function docxText(file: Blob, inflate: Inflate = browserInflate): Promise<string | null> {
  try {
    const zip = new Uint8Array(await file.arrayBuffer());
    const xml = await readZipEntry(zip, 'word/document.xml', inflate);
    return xml ? documentXmlToText(new TextDecoder().decode(xml)) : null;
  } catch {
    return null;
  }
}

/** The text of a .txt/.md file: UTF-8, or UTF-16 with its byte-order mark. */
export async function plainText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}
