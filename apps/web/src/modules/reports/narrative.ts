/**
 * The narrative part of a report (phần thuyết minh): free text under headings, saved by the API as
 * `narrative: {key: text}`. Report forms carry no headings of their own, so every form offers the sections a
 * union's periodic report is written in; text stored under any other key is shown too (nothing is hidden or
 * lost on the next save).
 */
export const NARRATIVE_SECTIONS = ['results', 'shortcomings', 'nextTasks', 'proposals'] as const;
export type NarrativeSectionKey = (typeof NARRATIVE_SECTIONS)[number];

export interface NarrativeSection {
  key: string;
  /** True for the usual sections (their headings are translated); false for a key found in the stored text. */
  standard: boolean;
}

/** The sections to show: the usual ones, then any other key the stored narrative holds. */
export function narrativeSections(stored: Record<string, string> | null | undefined): NarrativeSection[] {
  const standard = new Set<string>(NARRATIVE_SECTIONS);
  const extra = Object.keys(stored ?? {}).filter((k) => !standard.has(k));
  return [...NARRATIVE_SECTIONS.map((key) => ({ key, standard: true })), ...extra.map((key) => ({ key, standard: false }))];
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
