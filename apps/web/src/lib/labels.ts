import { DEFAULT_LEVEL_LABELS_VI, REPORT_STATUS_LABELS_VI, ROLE_LABELS_VI, UNIT_KIND_LABELS_VI, type ReportStatus, type Role, type UnitKind } from '@sen/contracts';
import { NATIONAL_INDICATORS } from '@sen/indicators';
import type { TFunction } from 'i18next';
import type { Language } from '../i18n';

/** A configured level of the tenant (its names are the tenant's own words, e.g. "Thành phố"). */
export interface TenantLevel {
  code: string;
  name: string;
}

/**
 * The label of a level: the tenant's own name in Vietnamese; in English the English name of the
 * usual levels, else the tenant's name; the code when nothing is known.
 */
export function levelLabel(code: string, levels: TenantLevel[] | undefined, language: Language, t: TFunction): string {
  const configured = levels?.find((l) => l.code === code)?.name;
  if (language === 'en') {
    const english = t(`levels.${code}`, { defaultValue: '' });
    return english || configured || code;
  }
  return configured ?? DEFAULT_LEVEL_LABELS_VI[code] ?? code;
}

export function kindLabel(kind: UnitKind, language: Language, t: TFunction): string {
  return language === 'en' ? t(`kinds.${kind}`) : UNIT_KIND_LABELS_VI[kind];
}

export function roleLabel(role: Role, language: Language, t: TFunction): string {
  return language === 'en' ? t(`roles.${role}`) : ROLE_LABELS_VI[role];
}

export function reportStatusLabel(status: ReportStatus, language: Language, t: TFunction): string {
  return language === 'en' ? t(`reportStatus.${status}`) : REPORT_STATUS_LABELS_VI[status];
}

/**
 * An indicator's name in the interface language: its English name in English when it has one — its own, else
 * the national catalogue's (the indicator list of the API, a fixed shape, carries the Vietnamese name only).
 */
export function indicatorName(indicator: { code?: string; name: string; nameEn?: string | null }, language: Language): string {
  if (language !== 'en') return indicator.name;
  const english = indicator.nameEn ?? (indicator.code ? NATIONAL_BY_CODE.get(indicator.code)?.nameEn : undefined);
  return english || indicator.name;
}
const NATIONAL_BY_CODE = new Map(NATIONAL_INDICATORS.map((d) => [d.code, d]));
