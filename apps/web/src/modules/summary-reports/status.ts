import type { SummaryReportStatus } from '@sen/contracts';

/** The job has stopped: the page stops polling and offers the file (or the reason it failed). */
export function isSettled(status: SummaryReportStatus | undefined): boolean {
  return status === 'done' || status === 'failed';
}

/** The bar's percentage: done is 100 whatever was last written; clamps to 0–100. */
export function barPercent(r: { status: SummaryReportStatus; progress: number } | undefined): number {
  if (!r) return 0;
  if (r.status === 'done') return 100;
  return Math.max(0, Math.min(100, Math.round(r.progress)));
}

export function barStatus(status: SummaryReportStatus | undefined): 'success' | 'exception' | 'active' | 'normal' {
  if (status === 'done') return 'success';
  if (status === 'failed') return 'exception';
  return status === 'running' ? 'active' : 'normal';
}

export const STATUS_COLORS: Record<SummaryReportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** "Báo cáo tổng hợp 2024S1.docx" until the API's Content-Disposition names it. */
export const fallbackFileName = (period: string): string => `bao-cao-tong-hop-${period}.docx`;

/** 48213 → "47 KB"; the size of the Word file in the list. */
export function fileSizeLabel(bytes: number | null | undefined, format: (n: number, digits?: number) => string): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format(Math.round(bytes / 1024))} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
