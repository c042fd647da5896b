import { TextDecoder as NodeTextDecoder } from 'node:util';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { documentXmlToText, readZipEntry } from './docx-text';

// jsdom has no TextDecoder; the browser does.
if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

const inflate = async (data: Uint8Array) => new Uint8Array(inflateRawSync(data));

/** A zip with the given entries (deflated), as Word writes them. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = deflateRawSync(Buffer.from(text));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(text), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Buffer.byteLength(text), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, eocd]));
}

const DOCUMENT = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>Số: 13/KH-BTV</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Hà Nội, ngày 24 </w:t></w:r><w:r><w:t>tháng 01 năm 2024</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>
<w:p><w:r><w:t>Đề án &quot;Nông thôn mới&quot; &amp; đô thị</w:t></w:r><w:r><w:tab/><w:t>văn minh</w:t></w:r></w:p>
<w:p><w:del><w:r><w:t>đã xoá</w:t></w:r></w:del><w:r><w:t>Nơi nhận:</w:t></w:r></w:p>
</w:body></w:document>`;

describe('reading a .docx in the browser', () => {
  it('turns word/document.xml into lines of text (runs joined, entities decoded, deletions dropped)', () => {
    expect(documentXmlToText(DOCUMENT).split('\n')).toEqual([
      'Số: 13/KH-BTV',
      'Hà Nội, ngày 24 tháng 01 năm 2024',
      '',
      'KẾ HOẠCH',
      'Đề án "Nông thôn mới" & đô thị\tvăn minh',
      'Nơi nhận:',
    ]);
  });

  it('finds and inflates an entry of a zip archive', async () => {
    const archive = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': DOCUMENT });
    const entry = await readZipEntry(archive, 'word/document.xml', inflate);
    expect(new TextDecoder().decode(entry!)).toBe(DOCUMENT);
    expect(await readZipEntry(archive, 'word/missing.xml', inflate)).toBeNull();
    expect(await readZipEntry(new Uint8Array([1, 2, 3]), 'word/document.xml', inflate)).toBeNull();
  });
});
