/**
 * Funding sources (Kinh phí): the paragraphs of KINH PHÍ sections and sentences about "kinh phí"/"ngân sách"
 * elsewhere, classified into sources. To add a source, add a [pattern, label] pair to FUNDING_SOURCES.
 */

export const FUNDING_SOURCES: readonly [RegExp, string][] = [
  [
    /ngân\s+sách|chi\s+thường\s+xuyên|(?:UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)[^.;]{0,80}?(?:cấp|bố\s+trí|phê\s+duyệt)[^.;]{0,40}?kinh\s+phí/iu,
    'Ngân sách nhà nước',
  ],
  [/xã\s+hội\s+h[óo]á?|xã\s+hội\s+hoá/iu, 'Xã hội hóa'],
  [/hội\s+phí/iu, 'Hội phí'],
  [/quỹ\s+hội(?![\p{L}])/iu, 'Quỹ Hội'],
  [/tài\s+trợ/iu, 'Tài trợ'],
  [/kinh\s+phí\s+tự\s+có|nguồn\s+tự\s+có/iu, 'Kinh phí tự có'],
];

/** Sources named in funding paragraphs, in order of first mention. */
export function fundingSourcesIn(texts: string[]): string[] {
  const found: string[] = [];
  for (const t of texts) {
    const hits = FUNDING_SOURCES.map(([re, label]) => ({ label, at: t.search(re) }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at);
    for (const h of hits) if (!found.includes(h.label)) found.push(h.label);
  }
  return found;
}

/** A sentence about funding outside a KINH PHÍ section. */
export function mentionsFunding(text: string): boolean {
  return /kinh\s+phí|ngân\s+sách/iu.test(text);
}
