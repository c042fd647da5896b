import fc from 'fast-check';
import { ALL_SEEDS, readSeed } from '../__tests__/fixtures';
import { PlanImportError } from './errors';
import { importPlanDocx, importPlanMarkdown, importPlanText } from './importer';

/** Runs an import and accepts only a result or a PlanImportError. */
function importOrPlanError(text: string): 'ok' | 'rejected' {
  try {
    const r = importPlanText(text);
    expect(typeof r.plan.title).toBe('string');
    expect(Array.isArray(r.plan.sections)).toBe(true);
    expect(Array.isArray(r.warnings)).toBe(true);
    return 'ok';
  } catch (e) {
    if (e instanceof PlanImportError) return 'rejected';
    throw e;
  }
}

const seedArb = fc.integer({ min: 0, max: ALL_SEEDS.length - 1 }).map((i) => ALL_SEEDS[i] as string);

/** Random edits of a seed: deletions, duplications, insertions of noise, line shuffles. */
const mutationArb = fc.tuple(
  seedArb,
  fc.array(
    fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'insert', 'swapLines', 'truncate'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.integer({ min: 0, max: 400 }),
      noise: fc.constantFrom('**', '##', '\uFFFD', '\t', '  ', '\n', '\n\n', '- ', '+ ', 'I. ', '1.1. ', '(1)', '“', '”', ':', ';', 'Số: ', 'ngày 32/13/2024', 'Quý V/2024', 'tháng 13 năm 2024', 'TM. ', 'Nơi nhận:', '2.500', '%', 'ít nhất', 'Giao Ban ', 'chủ trì ', '(', ')', '\u0301', 'e\u0301'),
    }),
    { minLength: 1, maxLength: 12 },
  ),
);

function mutate(text: string, edits: { kind: string; at: number; len: number; noise: string }[]): string {
  let s = text;
  for (const e of edits) {
    const pos = Math.floor(e.at * s.length);
    if (e.kind === 'delete') s = s.slice(0, pos) + s.slice(pos + e.len);
    else if (e.kind === 'duplicate') s = s.slice(0, pos) + s.slice(pos, pos + e.len) + s.slice(pos);
    else if (e.kind === 'insert') s = s.slice(0, pos) + e.noise + s.slice(pos);
    else if (e.kind === 'truncate') s = s.slice(0, Math.max(pos, 1));
    else {
      const lines = s.split('\n');
      const i = Math.floor(e.at * lines.length);
      const j = (i + 1 + (e.len % 5)) % lines.length;
      const a = lines[i];
      lines[i] = lines[j] ?? '';
      lines[j] = a ?? '';
      s = lines.join('\n');
    }
  }
  return s;
}

describe('import robustness (property tests)', () => {
  it('never throws anything but PlanImportError on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (s) => {
        importOrPlanError(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws anything but PlanImportError on random lines made of plan-like pieces', () => {
    const piece = fc.constantFrom(
      'KẾ HOẠCH',
      'Số: 12/KH-BTV',
      'Hà Nội, ngày 1 tháng 2 năm 2024',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỈ TIÊU',
      '- Mỗi cơ sở Hội có ít nhất 01 mô hình',
      '+ Thời gian: Quý II, III/2023',
      '1. Ban Tuyên giáo',
      '1.1. Giao Văn phòng chủ trì',
      'Thực hiện Quyết định số 1/QĐ-UBND ngày 2/3/2024 của UBND về',
      'Nơi nhận:',
      'TM. BAN THƯỜNG VỤ',
      'CHỦ TỊCH',
      'Nguyễn Thị A',
      '(',
      ');',
      '',
      'báo cáo 6 tháng (trước ngày 13/6)',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 30 })), { maxLength: 40 }), (lines) => {
        importOrPlanError(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but PlanImportError on random mutations of the seeds, and mostly still imports', () => {
    let ok = 0;
    let runs = 0;
    fc.assert(
      fc.property(mutationArb, ([seed, edits]) => {
        runs++;
        if (importOrPlanError(mutate(seed, edits)) === 'ok') ok++;
      }),
      { numRuns: 300 },
    );
    // Truncations can cut a document down to nothing; the other edits leave a plan.
    expect(ok / runs).toBeGreaterThan(0.2);
  });

  it('still imports seeds edited without truncation', () => {
    let ok = 0;
    let runs = 0;
    fc.assert(
      fc.property(mutationArb, ([seed, edits]) => {
        runs++;
        if (importOrPlanError(mutate(seed, edits.filter((e) => e.kind !== 'truncate'))) === 'ok') ok++;
      }),
      { numRuns: 150 },
    );
    expect(ok / runs).toBeGreaterThan(0.9);
  });

  it('imports the markdown importer’s random inputs the same way', () => {
    fc.assert(
      fc.property(mutationArb, ([seed, edits]) => {
        try {
          importPlanMarkdown(mutate(seed, edits));
        } catch (e) {
          if (!(e instanceof PlanImportError)) throw e;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('import errors', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t\n  '],
    ['only noise', '**\n##\n\uFFFD\n---\n'],
  ])('rejects %s text as EMPTY', (_, text) => {
    expect(() => importPlanText(text)).toThrow(PlanImportError);
    try {
      importPlanText(text);
    } catch (e) {
      expect((e as PlanImportError).code).toBe('EMPTY');
    }
  });

  it('rejects text without a recognisable plan', () => {
    expect(() => importPlanText('Xin chào, đây là một bức thư bình thường.\nHẹn gặp lại.')).toThrow(/no recognisable plan text/);
    expect(() => importPlanText('Lorem ipsum dolor sit amet')).toThrow(expect.objectContaining({ code: 'NOT_A_PLAN' }));
  });

  it('rejects non-string input', () => {
    expect(() => importPlanText(undefined as unknown as string)).toThrow(PlanImportError);
  });

  it('rejects an empty, a non-docx and a legacy .doc buffer', async () => {
    await expect(importPlanDocx(Buffer.alloc(0))).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(importPlanDocx(Buffer.from('hello, not a zip'))).rejects.toMatchObject({ code: 'NOT_DOCX' });
    await expect(importPlanDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toMatchObject({ code: 'UNSUPPORTED_DOC' });
    await expect(importPlanDocx(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).rejects.toMatchObject({ code: 'UNREADABLE' });
  });

  it('rejects random buffers with a PlanImportError only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (bytes, zip) => {
        const buf = Buffer.from(zip ? [0x50, 0x4b, 0x03, 0x04, ...bytes] : bytes);
        await expect(importPlanDocx(buf)).rejects.toBeInstanceOf(PlanImportError);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts a plan with only the kind and a number', () => {
    const r = importPlanText('Số: 5/KH-BTV\nKẾ HOẠCH\nHọp mặt 8/3');
    expect(r.plan).toMatchObject({ kind: 'KH', number: '5/KH-BTV', title: 'Họp mặt 8/3', sections: [] });
    expect(r.warnings).toContain('Không tìm thấy mục "Nơi nhận".');
  });
});

describe('noisy input', () => {
  it('joins broken lines, removes replacement characters and markdown marks', () => {
    const text = [
      '## Số: **7** /KH - BTV',
      'Hà Nội, ngày 3 tháng 3 năm 2024',
      '',
      '### KẾ HOẠCH',
      '**Tổ chức Ngày hội\u00A0phụ nữ**',
      '',
      'Thực hiện Kế hoạch số 1/KH-BTV ngày 2/1/2024 của Ban Thường vụ Hội LHPN Hà Nội về công tác năm 2024, Ban Thường vụ Hội LHPN Hà Nội xây dựng kế hoạch như sau:',
      'I. MỤC ĐÍCH',
      '- Tuyên truyền sâu rộng tới hội viên về nội dung',
      '',
      'của kế hoạch\uFFFD[1] và\ttổ chức tốt.',
    ].join('\n');
    const r = importPlanText(text);
    expect(r.plan.number).toBe('7/KH-BTV');
    expect(r.plan.title).toBe('Tổ chức Ngày hội phụ nữ');
    expect(r.plan.purposes).toEqual(['Tuyên truyền sâu rộng tới hội viên về nội dung của kế hoạch và tổ chức tốt.']);
    expect(r.warnings.some((w) => w.includes('U+FFFD'))).toBe(true);
  });

  it('normalises decomposed Unicode (NFD) to NFC', () => {
    const nfd = readSeed(4).normalize('NFD');
    const r = importPlanText(nfd);
    expect(r.plan.number).toBe('13/KH-BTV');
    expect(r.plan.title.startsWith('Triển khai thực hiện Đề án')).toBe(true);
  });

  it('imports markdown with headings, emphasis, links and list stars', () => {
    const md = [
      'Số: 9/KH-BTV',
      '',
      'Hà Nội, ngày 9 tháng 9 năm 2024',
      '',
      '# KẾ HOẠCH',
      '',
      '**Tập huấn [cán bộ](https://example.invalid) Hội**',
      '',
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '',
      '* Nâng cao _kỹ năng_ cho cán bộ.',
      '',
      '## II. CHỈ TIÊU',
      '',
      '* Ít nhất 200 cán bộ được tập huấn.',
    ].join('\n');
    const r = importPlanMarkdown(md);
    expect(r.plan.title).toBe('Tập huấn cán bộ Hội');
    expect(r.plan.purposes).toEqual(['Nâng cao kỹ năng cho cán bộ.']);
    expect(r.plan.targets[0]).toMatchObject({ value: 200, unit: 'cán bộ', comparator: 'gte' });
  });
});

describe('performance', () => {
  /** One long plan: the header of seed 000, the bodies of all seeds, the tail of seed 000 (about 20 pages). */
  function twentyPages(): string {
    const bodies = ALL_SEEDS.map((seed) => {
      const start = seed.search(/^#*\s*I\. /mu);
      const end = seed.search(/^\s*(?:Trên đây|#*\s*Nơi nhận)/mu);
      return seed.slice(start, end < 0 ? undefined : end);
    });
    const first = ALL_SEEDS[0] as string;
    const head = first.slice(0, first.search(/^I\. /mu));
    const tail = first.slice(first.search(/^Trên đây/mu));
    return [head, ...bodies, ...bodies, tail].join('\n\n');
  }

  it('imports a 20-page document well under a second', () => {
    const big = twentyPages();
    expect(big.length).toBeGreaterThan(90_000);
    const start = process.hrtime.bigint();
    const r = importPlanText(big);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(r.plan.sections.length).toBeGreaterThan(30);
    expect(r.plan.signatory.name).toBe('Lê Thị Thiên Hương');
    // Generous bound: it takes tens of milliseconds; the benchmark elsewhere measures it.
    expect(ms).toBeLessThan(5000);
  });
});

describe('a plan whose lines are out of order', () => {
  /** The seed's lines in a fixed pseudo-random order (a Park–Miller generator, so the test is repeatable). */
  function shuffled(text: string, seed: number): string {
    let state = seed;
    const next = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
    const lines = text.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines.join('\n');
  }

  it.each(ALL_SEEDS.flatMap((_, i) => [1, 2, 3].map((k) => [i, k] as const)))('seed %i shuffled (%i) imports, with a warning when parts are misplaced', (i, k) => {
    const text = shuffled(ALL_SEEDS[i] as string, 7919 * (i + 1) + k);
    const { plan, warnings } = importPlanText(text);
    expect(typeof plan.title).toBe('string');
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('says "out of order" for a plan whose header ended up at the bottom', () => {
    const seed = readSeed(1);
    const lines = seed.split('\n');
    const head = lines.findIndex((l) => l.startsWith('I. MỤC ĐÍCH'));
    const moved = [...lines.slice(head), ...lines.slice(0, head)].join('\n'); // header and preamble after the signature
    const { warnings } = importPlanText(moved);
    expect(warnings[0]).toMatch(/^Các phần của văn bản không theo thứ tự thường gặp/u);
    expect(warnings[0]).toContain('tên loại "KẾ HOẠCH"');
  });

  it('refuses a text that is no plan, naming what it saw and what it did not', () => {
    expect(() => importPlanText('I. MỤC ĐÍCH\n- Một việc\nII. NỘI DUNG\n- Một việc khác')).toThrow(
      /chỉ thấy các mục I\., II\., mục Mục đích, Chỉ tiêu hay Tổ chức thực hiện; không thấy tên loại "KẾ HOẠCH"/u,
    );
    // It never claims the headings are missing when they are there.
    try {
      importPlanText('I. MỤC ĐÍCH\n- Một việc\nII. NỘI DUNG\n- Một việc khác');
    } catch (e) {
      expect((e as PlanImportError).code).toBe('NOT_A_PLAN');
      expect((e as PlanImportError).message).not.toMatch(/không thấy[^;]*các mục I\., II\./u);
    }
    expect(() => importPlanText('Lorem ipsum dolor sit amet')).toThrow(/không thấy tên loại "KẾ HOẠCH", số, ký hiệu/u);
  });
});
