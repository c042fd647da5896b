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

const TARGET_AGGREGATIONS = ['total', 'ratio', 'perUnitMinimum', 'activityCount'] as const;
function isTargetAggregation(v: unknown): v is (typeof TARGET_AGGREGATIONS)[number] {
  return typeof v === 'string' && (TARGET_AGGREGATIONS as readonly string[]).includes(v);
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
    // The definitions as they are: the suggester weighs an indicator's kind (flow/stock) and method (coverage
    // for a per-unit minimum), and each target's value, level and aggregation, not only their words.
    return suggestIndicatorLinks(
      body.targets.map((t) => ({
        text: t.text,
        unit: t.unit ?? null,
        value: typeof t.value === 'number' ? t.value : null,
        level: typeof t.level === 'string' ? t.level : null,
        levels: Array.isArray(t.levels) ? t.levels.filter((l): l is string => typeof l === 'string') : undefined,
        aggregation: isTargetAggregation(t.aggregation) ? t.aggregation : undefined,
      })),
      await this.indicators.definitions(),
    );
  }
}
