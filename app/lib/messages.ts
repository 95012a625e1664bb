import { withoutControls } from "./text";

/**
 * Builds an error message carrying translation parameters (see splitMessage in field.tsx).
 * Parameters may quote what someone typed (a census line, a name): they are shown back
 * without control characters (`withoutControls`), so a typed NUL never reaches a page.
 */
export function msg(key: string, params?: Record<string, string | number>): string {
  if (!params) return key;
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? withoutControls(v) : v]));
  return `${key}::${JSON.stringify(shown)}`;
}
