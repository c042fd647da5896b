import { Injectable } from '@nestjs/common';
import type { IndicatorLink, PlanImportResult, SuggestLinks } from '@sen/contracts';
import { importPlanDocx, importPlanMarkdown, importPlanText, PlanImportError, suggestIndicatorLinks, type ImportResult } from '@sen/plans';
import { IndicatorService } from '../indicators/indicator.service';
import { PlanImportFailedError } from './plan.exceptions';

/** Text of an uploaded .txt/.md: UTF-8, or UTF-16 when the file starts with its byte-order mark (Notepad's "Unicode"). */
export function decodeText(content: Buffer): string {
  if (content.length >= 2 && content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  if (content.length >= 2 && content[0] === 0xfe && content[1] === 0xff) {
    const swapped = Buffer.from(content.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return content.toString('utf8');
}

/**
 * Import of a plan document (.docx, .txt, .md, or text) into the plan structure — nothing is saved; the
 * answer is exactly @sen/plans' ImportResult `{plan, warnings}` — and indicator suggestions for targets.
 */
@Injectable()
export class PlanImportService {
  constructor(private readonly indicators: IndicatorService) {}

  async importFile(filename: string, content: Buffer): Promise<PlanImportResult> {
    const lower = filename.toLowerCase();
    return this.run('file', async () => {
      if (lower.endsWith('.docx')) return importPlanDocx(content);
      if (lower.endsWith('.md')) return importPlanMarkdown(decodeText(content));
      return importPlanText(decodeText(content));
    });
  }

  importText(text: string): Promise<PlanImportResult> {
    return this.run('text', () => Promise.resolve(importPlanText(text)));
  }

  private async run(field: 'file' | 'text', fn: () => Promise<ImportResult>): Promise<PlanImportResult> {
    try {
      const result = await fn();
      // Exactly the importer's answer: {plan, warnings}.
      return { plan: result.plan, warnings: result.warnings } as unknown as PlanImportResult;
    } catch (e) {
      if (e instanceof PlanImportError) throw new PlanImportFailedError(field, e.code, e.message);
      throw e;
    }
  }

  /** Indicators of the tenant's catalogue (national + own) suggested for each target, best first. */
  async suggestLinks(body: SuggestLinks): Promise<IndicatorLink[]> {
    const catalogue = (await this.indicators.definitions()).map((d) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      keywords: d.description ? [d.description] : undefined,
    }));
    return suggestIndicatorLinks(
      body.targets.map((t) => ({ text: t.text, unit: t.unit ?? null })),
      catalogue,
    );
  }
}
