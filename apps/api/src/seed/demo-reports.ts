import type { DataSource } from 'typeorm';
import { recomputeRollups, TenantContext } from '@sen/db';
import { NATIONAL_NARRATIVE_HEADINGS } from '@sen/contracts';
import { formatNumberVi, NATIONAL_INDICATORS, NATIONAL_RULES, validateReport, type ReportValues } from '@sen/indicators';
import { isLate, reportDeadline } from '../modules/reports/report-deadline';
import { nationalForms } from '../modules/reports/national-forms';

/** A small seeded PRNG (mulberry32): the demo data is the same on every machine and every run. */
function prng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const share = (rng: Rng, n: number, min: number, max: number): number => Math.round(n * (min + rng() * (max - min)));

/** What stays the same about a commune across periods. */
interface Profile {
  members: number;
  women: number;
  branches: number;
  strong: boolean;
}

function profileOf(rng: Rng, branches: number): Profile {
  const members = int(rng, 800, 3000);
  const rate = 0.6 + rng() * 0.35;
  return { members, women: Math.ceil(members / rate), branches: branches > 0 ? branches : int(rng, 6, 20), strong: rng() < 0.7 };
}

/**
 * The commune as it was `drift` half-years after the first half of 2024 (negative: before): members grow about
 * 1,5 % a half-year, women over 18 about 0,4 %, so the membership rate creeps up. 2024S1 and 2024 (drift 0)
 * are the profile itself, as they were before the other periods were added.
 */
function profileAt(p: Profile, drift: number): Profile {
  if (drift === 0) return p;
  const members = Math.round(p.members * (1 + 0.015 * drift));
  return { ...p, members, women: Math.max(members, Math.round(p.women * (1 + 0.004 * drift))) };
}

type Entry = { value: number } | { numerator: number; denominator: number };

/**
 * Plausible values of every national indicator for one commune and period, consistent with NATIONAL_RULES
 * (new members 2–8 % of members, the membership rate = members / women over 18, …). A year's flows are about
 * twice the half-year's; its stocks grow a little.
 */
function generateValues(rng: Rng, p: Profile, kind: 'half' | 'year', drift = 0): Record<string, Entry> {
  const scale = kind === 'year' ? 2 : 1;
  const members = kind === 'year' ? p.members + share(rng, p.members, 0.01, 0.04) : p.members;
  const women = Math.max(p.women + (kind === 'year' ? int(rng, 0, 40) : 0), members);
  const branches = p.branches;
  const poor = int(rng, 0, 15) * scale;
  const nearPoor = int(rng, 0, 20) * scale;
  const borrowers = rng() < 0.15 ? 0 : int(rng, 3, 40) * scale;
  const cadres = branches * 2 + int(rng, 5, 15);
  const poorInArea = poor + nearPoor + int(rng, 1, 12);
  const violence = int(rng, 1, 4);
  const drafts = int(rng, 0, 6) * scale;
  const policies = int(rng, 0, 3);
  const models = int(rng, 1, 6);
  const ratio = (numerator: number, denominator: number): Entry => ({ numerator, denominator });
  const v = (value: number): Entry => ({ value });
  return {
    HOI_VIEN: v(members),
    HOI_VIEN_MOI: v(share(rng, members, 0.02, 0.08) * scale),
    PHU_NU_TU_18_TUOI: v(women),
    TY_LE_TAP_HOP_HOI_VIEN: ratio(members, women),
    // Rounded down so that it never exceeds the unit's own rate (a rule checks this).
    TY_LE_TAP_HOP_THAP_NHAT: v(Math.floor((1000 * members) / women) / 10),
    CO_SO_HOI: v(1),
    TY_LE_CO_SO_HOI_VUNG_MANH: ratio(p.strong ? 1 : 0, 1),
    CHI_HOI: v(branches),
    CHI_HOI_TIEU_BIEU: v(share(rng, branches, 0, 0.4)),
    CHI_HOI_KHO_KHAN_DUOC_DONG_HANH: v(int(rng, 0, Math.min(2, branches))),
    SINH_HOAT_CHI_HOI_BINH_QUAN: v(Math.round((0.8 + rng() * 1.2) * 10) / 10),
    HOI_PHI_DA_THU: v(members * 6000 * scale),
    CAN_BO_DUOC_TAP_HUAN: v(int(rng, 10, 60) * scale),
    TY_LE_CAN_BO_DUOC_TAP_HUAN: ratio(share(rng, cadres, 0.8, 1), cadres),
    TY_LE_CHI_HOI_TRUONG_SU_DUNG_NEN_TANG_SO: ratio(share(rng, branches, 0.6, 1), branches),
    CAN_BO_NU_DUOC_GIOI_THIEU: v(int(rng, 0, 5)),
    TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN: ratio(share(rng, members, 0.85, 1), members),
    // The environment campaign reaches more members period after period (0,7–1 of them in 2024S1).
    TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN_MOI_TRUONG: ratio(share(rng, members, Math.min(0.9, Math.max(0.6, 0.7 + 0.04 * drift)), 1), members),
    LUOT_NGUOI_DUOC_TUYEN_TRUYEN: v(share(rng, members, 1, 4) * scale),
    SAN_PHAM_TRUYEN_THONG: v(int(rng, 5, 40) * scale),
    CHUONG_TRINH_SU_KIEN: v(int(rng, 2, 12) * scale),
    MO_HINH: v(models),
    CO_SO_CO_MO_HINH: v(models),
    CAU_LAC_BO: v(int(rng, 2, 15)),
    CO_SO_CO_HOAT_DONG_VAN_HOA_THE_THAO: v(rng() < 0.9 ? int(rng, 1, 4) : 0),
    CHINH_SACH_DUOC_GIAM_SAT: v(policies),
    CO_SO_GIAM_SAT_CHINH_SACH: v(policies),
    CO_SO_GOP_Y_DU_THAO: v(drafts),
    DU_THAO_DUOC_GOP_Y: v(drafts),
    HO_NGHEO_DUOC_GIUP_DO: v(poor),
    HO_CAN_NGHEO_DUOC_GIUP_DO: v(nearPoor),
    HO_THOAT_NGHEO: v(share(rng, poor + nearPoor, 0, 0.6)),
    TY_LE_HO_NGHEO_DUOC_DANG_KY_GIUP: ratio(share(rng, poorInArea, 0.6, 1), poorInArea),
    HO_GIA_DINH_5_KHONG_3_SACH: v(share(rng, members, 0.3, 0.8)),
    PHU_NU_DUOC_HO_TRO_KINH_DOANH: v(int(rng, 10, 100) * scale),
    PHU_NU_DUOC_HO_TRO_KHOI_NGHIEP: v(int(rng, 0, 15) * scale),
    DOANH_NGHIEP_THANH_LAP_MOI: v(int(rng, 0, 2)),
    HOP_TAC_XA_THANH_LAP_MOI: v(int(rng, 0, 1)),
    TO_HOP_TAC_THANH_LAP_MOI: v(int(rng, 0, 3)),
    SAN_PHAM_OCOP_CUA_PHU_NU: v(int(rng, 0, 4)),
    VON_VAY_GIAI_NGAN: v(borrowers * int(rng, 30, 80) * 1_000_000),
    HO_DUOC_VAY_VON: v(borrowers),
    DU_NO_VON_UY_THAC: v(int(rng, 2_000, 30_000) * 1_000_000),
    PHU_NU_DUOC_KHAM_SANG_LOC_UNG_THU: v(int(rng, 20, 300) * scale),
    VU_VIEC_BAO_LUC_DUOC_HO_TRO: v(int(rng, 0, 3)),
    TY_LE_VU_VIEC_BAO_LUC_DUOC_GIAM_SAT: ratio(violence - (rng() < 0.1 ? 1 : 0), violence),
    // The Action Month for Gender Equality runs 15/11–15/12: a half-year report says no, most yearly ones yes.
    CO_SO_HUONG_UNG_THANG_HANH_DONG_BDG: v(kind === 'year' && rng() < 0.9 ? 1 : 0),
  };
}

/** Fails the seeding when the generator produces a value the national checks would flag. */
function assertClean(values: Record<string, Entry>, where: string): void {
  const missing = NATIONAL_INDICATORS.filter((d) => !(d.code in values)).map((d) => d.code);
  const issues = validateReport(values as ReportValues, { rules: NATIONAL_RULES, definitions: NATIONAL_INDICATORS });
  if (missing.length > 0 || issues.length > 0) {
    throw new Error(`demo reports: generated values of ${where} are not clean: missing ${missing.join(', ') || '-'}; ${issues.map((i) => `${i.rule} ${i.message}`).join('; ')}`);
  }
}

const CHUNK = 1000;
const DAY = 86_400_000;

/** One demo period: its form, its drift from 2024S1 (see profileAt) and the shares of approved and submitted reports. */
interface DemoPeriod {
  form: 'QG-6T' | 'QG-NAM';
  period: string;
  kind: 'half' | 'year';
  drift: number;
  approved: number;
  submitted: number;
}

/**
 * The periods of the demo, oldest first: the half-years 2023S2–2025S2 (QG-6T) and the years 2023–2025 (QG-NAM), so
 * that the central comparison has a previous period and a time series. A year's profile is that of its first
 * half (the yearly report adds its own growth). Completeness varies: the half-year of the reorganisation
 * (2025S1) and the latest ones have gaps. 2023S1 and before are left empty (tests use them as empty periods).
 */
export const DEMO_PERIODS: readonly DemoPeriod[] = [
  { form: 'QG-6T', period: '2023S2', kind: 'half', drift: -1, approved: 0.9, submitted: 0.95 },
  { form: 'QG-NAM', period: '2023', kind: 'year', drift: -2, approved: 0.88, submitted: 0.95 },
  { form: 'QG-6T', period: '2024S1', kind: 'half', drift: 0, approved: 0.8, submitted: 0.9 },
  { form: 'QG-6T', period: '2024S2', kind: 'half', drift: 1, approved: 0.85, submitted: 0.93 },
  { form: 'QG-NAM', period: '2024', kind: 'year', drift: 0, approved: 0.8, submitted: 0.9 },
  { form: 'QG-6T', period: '2025S1', kind: 'half', drift: 2, approved: 0.65, submitted: 0.8 },
  { form: 'QG-6T', period: '2025S2', kind: 'half', drift: 3, approved: 0.75, submitted: 0.88 },
  { form: 'QG-NAM', period: '2025', kind: 'year', drift: 2, approved: 0.7, submitted: 0.85 },
];

const valueIn = (e: Entry | undefined): number => (e && 'value' in e ? e.value : 0);
const percentIn = (e: Entry | undefined): number => (e && 'numerator' in e && e.denominator > 0 ? (100 * e.numerator) / e.denominator : 0);

/** What a commune writes under the national headings, from its own figures (deterministic, no randomness). */
function narrativeOf(values: Record<string, Entry>): Record<string, string> {
  const membership = percentIn(values.TY_LE_TAP_HOP_HOI_VIEN);
  const environment = percentIn(values.TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN_MOI_TRUONG);
  const [highlights, weaknesses, next, proposals] = NATIONAL_NARRATIVE_HEADINGS;
  return {
    [highlights]:
      `Kết nạp ${formatNumberVi(valueIn(values.HOI_VIEN_MOI))} hội viên mới, nâng tổng số hội viên lên ${formatNumberVi(valueIn(values.HOI_VIEN))}; ` +
      `duy trì ${formatNumberVi(valueIn(values.MO_HINH))} mô hình, ${formatNumberVi(valueIn(values.CAU_LAC_BO))} câu lạc bộ; ` +
      `giúp đỡ ${formatNumberVi(valueIn(values.HO_NGHEO_DUOC_GIUP_DO) + valueIn(values.HO_CAN_NGHEO_DUOC_GIUP_DO))} hộ nghèo, cận nghèo.`,
    [weaknesses]:
      membership < 70
        ? `Tỷ lệ tập hợp hội viên mới đạt ${formatNumberVi(membership, 1)}%, còn thấp; sinh hoạt chi hội ở một số địa bàn chưa đều.`
        : environment < 85
          ? `Tuyên truyền về bảo vệ môi trường, phân loại rác thải mới đến ${formatNumberVi(environment, 1)}% hội viên.`
          : 'Nguồn lực hỗ trợ phụ nữ phát triển kinh tế còn hạn chế; một số chi hội trưởng kiêm nhiệm nhiều việc.',
    [next]:
      membership < 70
        ? 'Rà soát, vận động phụ nữ tham gia Hội ở các chi hội có tỷ lệ tập hợp thấp; đổi mới nội dung sinh hoạt chi hội.'
        : 'Tiếp tục nhân rộng các mô hình hiệu quả; đẩy mạnh chuyển đổi số trong sinh hoạt chi hội.',
    [proposals]:
      membership < 70
        ? 'Đề nghị Hội LHPN cấp trên hỗ trợ tài liệu, tập huấn kỹ năng vận động hội viên cho chi hội trưởng.'
        : 'Đề nghị cấp ủy, chính quyền địa phương tiếp tục hỗ trợ kinh phí nhân rộng các mô hình của Hội.',
  };
}

/**
 * The demo reports of HN and DN: the national forms for the periods of DEMO_PERIODS, one report per CURRENT
 * grassroots unit (valid_to IS NULL: the communes of 2025). For periods from 1 July 2025 these are the units that
 * report; before, it is a simplification — the reporting units were the former communes (valid until 30/06/2025),
 * which POST /report-forms/:id/instances would pick for such a period — chosen so that the demo shows today's
 * units, the ones users log in to. Per period most reports are approved (by the tenant administrator), some
 * submitted, the rest drafts without values; the demo reporter's commune (Cầu Giấy) keeps its 2024S1 report as an
 * empty draft to fill in, and has its other periods approved. Values are plausible, deterministic, evolve from
 * period to period (see profileAt) and pass every national check; each report carries a narrative under the national headings. Branches (chi hội) get
 * no report: the national forms are the communes' (reporting level grassroots), and a branch's figures would count
 * twice in its commune's total; the plan progress of a branch says that it reports no form. Multi-row INSERTs only,
 * then a full recompute of the rollups of each period.
 */
export async function seedDemoReports(dataSource: DataSource, tenants: Record<'HN' | 'DN', string>, log: (line: string) => void = () => undefined): Promise<void> {
  for (const code of ['HN', 'DN'] as const) {
    const tenantId = tenants[code];
    await TenantContext.run(TenantContext.system(tenantId, code, 'demo-seed'), async () => {
      const forms: { id: string; code: string }[] = await dataSource.query(`SELECT id, code FROM report_form WHERE tenant_id = ? AND code IN ('QG-6T', 'QG-NAM')`, [tenantId]);
      const formId = new Map(forms.map((f) => [f.code, String(f.id)]));
      const [admin]: { id: string }[] = await dataSource.query(`SELECT id FROM app_user WHERE tenant_id = ? AND username = 'admin'`, [tenantId]);
      const reporterUnits: { unit_id: string }[] = await dataSource.query(
        `SELECT ra.unit_id FROM role_assignment ra JOIN app_user a ON a.tenant_id = ra.tenant_id AND a.id = ra.user_id
         WHERE ra.tenant_id = ? AND a.username = 'reporter' AND ra.role = 'reporter'`,
        [tenantId],
      );
      const reporterUnit = new Set(reporterUnits.map((r) => String(r.unit_id)));
      const communes: { id: string; branches: string }[] = await dataSource.query(
        `SELECT u.id, (SELECT COUNT(*) FROM org_unit b WHERE b.tenant_id = u.tenant_id AND b.parent_id = u.id AND b.level = 'branch') AS branches
         FROM org_unit u WHERE u.tenant_id = ? AND u.level = 'grassroots' AND u.valid_to IS NULL ORDER BY u.id`,
        [tenantId],
      );
      const profiles = new Map<string, Profile>();
      const base = prng(`${code}-profiles`);
      for (const c of communes) profiles.set(String(c.id), profileOf(base, Number(c.branches)));

      for (const spec of DEMO_PERIODS) {
        const rule = nationalForms().find((f) => f.code === spec.form)!.deadlineRule;
        const deadline = reportDeadline(spec.period, rule);
        const deadlineMs = Date.parse(`${deadline}T09:00:00+07:00`);
        const rng = prng(`${code}-${spec.period}`);
        const reports: unknown[][] = [];
        const valuesByUnit = new Map<string, Record<string, Entry>>();
        for (const c of communes) {
          const unitId = String(c.id);
          const roll = rng();
          // The reporter's commune has one report to fill in, 2024S1; its other periods are approved.
          const status = reporterUnit.has(unitId) ? (spec.period === '2024S1' ? 'draft' : 'approved') : roll < spec.approved ? 'approved' : roll < spec.submitted ? 'submitted' : 'draft';
          if (status === 'draft') {
            reports.push([tenantId, formId.get(spec.form), spec.form, unitId, spec.period, 'draft', deadline, 0, null, null, null, null, 0, null]);
            continue;
          }
          const values = generateValues(rng, profileAt(profiles.get(unitId)!, spec.drift), spec.kind, spec.drift);
          assertClean(values, `${code} ${spec.period} unit ${unitId}`);
          valuesByUnit.set(unitId, values);
          // Most reports arrive in the last days before the deadline; some after it.
          const submitted = new Date(deadlineMs + (rng() < 0.1 ? int(rng, 1, 5) : -int(rng, 0, 12)) * DAY + int(rng, 0, 8) * 3_600_000);
          const approved = status === 'approved' ? new Date(submitted.getTime() + int(rng, 1, 4) * DAY) : null;
          const narrative = JSON.stringify(narrativeOf(values));
          reports.push([
            tenantId, formId.get(spec.form), spec.form, unitId, spec.period, status, deadline,
            isLate(deadline, submitted) ? 1 : 0, narrative, submitted, approved, approved ? admin?.id ?? null : null,
            status === 'approved' ? 3 : 2, approved ?? submitted,
          ]);
        }
        for (let i = 0; i < reports.length; i += CHUNK) {
          const chunk = reports.slice(i, i + CHUNK);
          await dataSource.query(
            `INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, late, narrative, submitted_at, approved_at, approved_by, version, updated_at)
             VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,COALESCE(?, CURRENT_TIMESTAMP(3)))').join(',')}`,
            chunk.flat(),
          );
        }
        const ids: { id: string; unit_id: string }[] = await dataSource.query(`SELECT id, unit_id FROM report WHERE tenant_id = ? AND form_id = ? AND period = ?`, [
          tenantId,
          formId.get(spec.form),
          spec.period,
        ]);
        const values: unknown[][] = [];
        for (const r of ids) {
          const entries = valuesByUnit.get(String(r.unit_id));
          if (!entries) continue;
          for (const [indicator, e] of Object.entries(entries)) {
            values.push('value' in e ? [tenantId, r.id, indicator, e.value, null, null] : [tenantId, r.id, indicator, null, e.numerator, e.denominator]);
          }
        }
        for (let i = 0; i < values.length; i += CHUNK) {
          const chunk = values.slice(i, i + CHUNK);
          await dataSource.query(
            `INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES ${chunk.map(() => '(?,?,?,?,?,?)').join(',')}`,
            chunk.flat(),
          );
        }
        const rollups = await recomputeRollups(dataSource, { tenantId, period: spec.period });
        log(`demo data: ${code} ${spec.form} ${spec.period}: ${ids.length} reports, ${values.length} values, ${rollups.values} counted values`);
      }
    });
  }
}
