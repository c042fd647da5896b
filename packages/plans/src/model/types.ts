/**
 * The plan model. `ImportedPlan` and `ImportResult` are a FIXED API contract: outside clients rely on the
 * listed fields, their names and their types. Fields marked "extra" were added on top of the contract;
 * extra fields may be added, listed ones must never change.
 */

/** How a target's value compares with what is achieved. null: the text states a plain number. */
export type Comparator = 'gte' | 'gt' | 'lte' | 'eq' | 'approx';

/** Reporting period kinds. `half` is six months. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** Levels of the union hierarchy as written in plans (configured per tenant downstream). */
export type UnitLevel = 'province' | 'district' | 'grassroots' | 'branch' | 'group';

/** How a target aggregates up the hierarchy (see DOMAIN.md "Targets are not all sums"). Extra. */
export type TargetAggregation = 'total' | 'ratio' | 'perUnitMinimum' | 'activityCount';

/** Known document kinds (Nghị định 30/2020/NĐ-CP, Phụ lục III). */
export type DocumentKindCode = 'KH' | 'CTr' | 'ĐA' | 'HD' | 'PA' | 'DA';

export interface LegalBasis {
  /** "Quyết định", "Hướng dẫn", "Kế hoạch", "Chương trình", "Nghị quyết", "Chỉ thị", "Thông báo", "Công văn", … */
  kind: string | null;
  /** Number and symbol: "4028/QĐ-UBND". */
  number: string | null;
  /** ISO date "2023-08-10". */
  date: string | null;
  /** "Ủy ban Nhân dân thành phố Hà Nội". */
  issuer: string | null;
  /** What it is about, without the leading "về việc"/"về". */
  title: string | null;
  /** Extra: the verb that introduced it in the preamble. */
  introducedBy?: 'Thực hiện' | 'Căn cứ' | null;
}

export interface Target {
  /** The sentence or clause stating the target. */
  text: string;
  value: number | null;
  /** "%", "hội viên", "mô hình", "hộ", … (lower case). */
  unit: string | null;
  comparator: Comparator | null;
  /** The level the target applies to: "province", "district", "grassroots", "branch", "group". */
  level: string | null;
  /** Extra: every level named (e.g. "Hội LHPN quận, huyện, phường, xã" → district, grassroots). */
  levels?: string[];
  /** Extra: how the target aggregates up the hierarchy. */
  aggregation?: TargetAggregation;
  /** Extra: recurrence stated with the target ("Hằng năm" → year). */
  period?: PeriodKind | null;
  /** Extra: for a percentage, who it is a percentage of ("cán bộ, hội viên phụ nữ"). */
  subject?: string | null;
  /** Extra: heading of the section the target was found in. */
  section?: string | null;
}

/** Extra: how a section is marked in the document. Numbered sections are renumbered on export. */
export type SectionMarker = 'numbered' | '-' | '+' | '•';

export interface Section {
  heading: string;
  items: string[];
  children: Section[];
  /** Extra: numbered heading (I., 1., 1.1.) or a bullet ("-", "+", "•") that has sub-bullets. */
  marker?: SectionMarker;
  /** Extra: the position among the parent's items before which this section appears (items.length: after them all). */
  at?: number;
}

export interface ActivityTime {
  /** The time as written: "Tháng 3 năm 2024", "Quý II, III/2023", "từ ngày 15/11-15/12/2024". */
  text: string | null;
  /** ISO date of the first day, when determinable. */
  from: string | null;
  /** ISO date of the last day, when determinable. */
  to: string | null;
  /** Extra: recurrence ("Hằng năm" → year, "định kỳ 6 tháng" → half). */
  recurrence?: PeriodKind | null;
}

/**
 * Extra: how far an activity has got. The plan document states activities as `planned`; the platform records
 * the progress of an issued plan's activities beside it (an issued plan is read-only, its execution is not).
 */
export type ActivityStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export interface Activity {
  name: string;
  time: ActivityTime;
  leadUnits: string[];
  cooperatingUnits: string[];
  /** Extra: the level that holds it ("Cấp Thành phố tổ chức …" → province; "Các huyện …" → district). */
  level?: UnitLevel | null;
  /** Extra: its content items ("Nội dung: + Giải đi bộ …; + Trưng bày …"). */
  items?: string[];
  /** Extra: its progress (see ActivityStatus); absent means planned. */
  status?: ActivityStatus;
  /** Extra: where it takes place ("Hội trường Hội LHPN Hà Nội (Số 7 phố Tôn Thất Thuyết, …)"). */
  venue?: string | null;
  /** Extra: expected number of participants ("80 đại biểu"). */
  participants?: number | null;
}

export interface Assignment {
  unit: string;
  role: 'lead' | 'cooperating';
  tasks: string[];
}

export interface ReportingObligation {
  periodKind: PeriodKind;
  /** Day and month "13/06", set by the plan (not derived from the period's end). */
  deadline: string | null;
  /** Who receives the report: a body or the department named ("thông qua Ban …"). */
  reportTo: string | null;
  /** Extra: who reports (the unit the task was assigned to). */
  reporter?: string | null;
}

export interface Signatory {
  /** "TM. BAN THƯỜNG VỤ" (with its TM./KT./Q./TL. prefix). */
  onBehalfOf: string | null;
  /** "PHÓ CHỦ TỊCH". */
  title: string | null;
  name: string | null;
}

export interface ImportedPlan {
  /** Number and symbol "31/KH-BTV". */
  number: string | null;
  /** ISO date "2024-02-07". */
  issuedOn: string | null;
  /** Place of the date line: "Hà Nội". */
  place: string | null;
  title: string;
  legalBases: LegalBasis[];
  purposes: string[];
  targets: Target[];
  sections: Section[];
  activities: Activity[];
  fundingSources: string[];
  assignments: Assignment[];
  reportingObligations: ReportingObligation[];
  recipients: string[];
  signatory: Signatory;

  /** Extra (required): the YÊU CẦU items. */
  requirements: string[];
  /** Extra (required): "Ban Thường vụ Hội LHPN Hà Nội". */
  issuer: string | null;
  /** Extra (required): document kind code, 'KH' for a Kế hoạch. */
  kind: DocumentKindCode;
  /** Extra (required): the Đề án/Chương trình the plan implements. */
  programme: string | null;

  /** Extra: superior body in the header ("HỘI LHPN VIỆT NAM"), when the document names it. */
  parentBody?: string | null;
  /** Extra: issuing body as written in the header ("BAN THƯỜNG VỤ HỘI LHPN HÀ NỘI"). */
  issuingBody?: string | null;
  /** Extra: documents cited in the body (not legal bases). */
  references?: LegalBasis[];
  /** Extra: the paragraphs of the funding section(s). */
  fundingDetails?: string[];
  /** Extra: footnote texts. */
  footnotes?: string[];
  /** Extra: the closing paragraph ("Trên đây là Kế hoạch …"). */
  closing?: string | null;
}

export interface ImportResult {
  plan: ImportedPlan;
  warnings: string[];
}

/** A plan with the header names the exporter may use. */
export type ExportablePlan = ImportedPlan & { issuingBody?: string | null; parentBody?: string | null };

/** An empty plan: every list empty, every value null. */
export function emptyPlan(): ImportedPlan {
  return {
    number: null,
    issuedOn: null,
    place: null,
    title: '',
    legalBases: [],
    purposes: [],
    targets: [],
    sections: [],
    activities: [],
    fundingSources: [],
    assignments: [],
    reportingObligations: [],
    recipients: [],
    signatory: { onBehalfOf: null, title: null, name: null },
    requirements: [],
    issuer: null,
    kind: 'KH',
    programme: null,
  };
}
