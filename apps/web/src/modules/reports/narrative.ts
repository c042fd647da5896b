/**
 * The narrative part of a report (phần thuyết minh): free text under headings, saved by the API as
 * `narrative: {heading: text}`. The headings are the form's (`narrativeSections` of the report: a plan's report
 * form has its own, the others the national ones); text stored under any other heading is shown too (nothing is
 * hidden or lost on the next save).
 */
export interface NarrativeSection {
  key: string;
  /** True for a heading of the form; false for one found only in the stored text. */
  standard: boolean;
}

/** The sections to show: the form's headings, then any other heading the stored narrative holds. */
export function narrativeSections(headings: readonly string[], stored: Record<string, string> | null | undefined): NarrativeSection[] {
  const standard = new Set<string>(headings);
  const extra = Object.keys(stored ?? {}).filter((k) => !standard.has(k));
  return [...headings.map((key) => ({ key, standard: true })), ...extra.map((key) => ({ key, standard: false }))];
}

/**
 * The form's texts → the PUT body's `narrative` (trimmed, empty sections left out). Undefined — nothing sent,
 * the stored narrative kept — while the report has none and nothing was typed.
 */
export function toNarrativeBody(texts: Record<string, string | undefined> | undefined, stored: Record<string, string> | null | undefined): Record<string, string> | undefined {
  const out = Object.fromEntries(
    Object.entries(texts ?? {})
      .map(([k, v]) => [k, (v ?? '').trim()] as const)
      .filter(([, v]) => v.length > 0),
  );
  if (Object.keys(out).length === 0 && (!stored || Object.keys(stored).length === 0)) return undefined;
  return out;
}
