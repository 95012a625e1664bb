/** Builds an error message carrying translation parameters (see splitMessage in field.tsx). */
export function msg(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}::${JSON.stringify(params)}` : key;
}
