import type { FormInstance } from 'antd';
import { errorMessage, fieldReason, isApiError, type UiLanguage } from './api-error';

/**
 * Puts the API's per-field reasons under the fields of an antd form and returns what is left to
 * show above the form (the general message, plus reasons of fields the form does not have).
 * `fields` maps API field names (e.g. "into.name") to form name paths (e.g. ['into', 'name']).
 */
export function applyApiErrors(
  form: FormInstance,
  error: unknown,
  fields: Record<string, (string | number)[]>,
  language: UiLanguage,
  fallback: string,
): { message: string; details: string[] } {
  const details: string[] = [];
  if (isApiError(error)) {
    const byField = new Map<string, string[]>();
    for (const fe of error.fieldErrors) {
      const reason = fieldReason(fe, language);
      if (fields[fe.field]) byField.set(fe.field, [...(byField.get(fe.field) ?? []), reason]);
      else details.push(fe.field ? `${fe.field}: ${reason}` : reason);
    }
    form.setFields([...byField].map(([field, errors]) => ({ name: fields[field]!, errors })));
  }
  return { message: errorMessage(error, language, fallback), details };
}
