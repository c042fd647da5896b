/**
 * Opens the exported Word files in LibreOffice (soffice → PDF) and checks the PDF text. This test fails,
 * not skips, when soffice or pdftotext is missing: the project's test script installs them
 * (Debian: libreoffice-writer, poppler-utils).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ALL_SEEDS } from '../__tests__/fixtures';
import { importPlanText } from '../import/importer';
import { exportPlanDocx } from './docx';

jest.setTimeout(120_000);

/** Whitespace and hyphens removed: PDF text breaks lines (dropping a hyphen at a line end) and sometimes words at font fallbacks. */
const squash = (s: string): string => s.normalize('NFC').replace(/[\s\-–]+/g, '');

describe('exported docx opens in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sen-plans-lo-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts every seed to a PDF with the header, number, kind, title and "Nơi nhận"', () => {
    const files: { docx: string; plan: ReturnType<typeof importPlanText>['plan'] }[] = [];
    return Promise.all(
      ALL_SEEDS.map(async (seed, i) => {
        const plan = importPlanText(seed).plan;
        const docx = join(dir, `plan-${i}.docx`);
        writeFileSync(docx, await exportPlanDocx(plan));
        files.push({ docx, plan });
      }),
    ).then(() => {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => f.docx)],
        { stdio: 'pipe', timeout: 110_000 },
      );
      for (const { docx, plan } of files) {
        const pdf = docx.replace(/\.docx$/, '.pdf');
        expect(existsSync(pdf)).toBe(true);
        const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
        expect(text).toContain(squash('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
        expect(text).toContain(squash('Độc lập - Tự do - Hạnh phúc'));
        expect(text).toContain(squash('KẾ HOẠCH'));
        expect(text).toContain(squash(plan.title));
        expect(text).toContain(squash('Nơi nhận'));
        if (plan.number) expect(text).toContain(squash(plan.number));
      }
    });
  });
});
