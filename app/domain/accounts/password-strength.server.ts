/**
 * Password strength, estimated by zxcvbn-ts with the French and English dictionaries (and
 * the person's own name, email and the town's name as words to avoid). A password must
 * reach score 3 of 4 ("safely unguessable: moderate protection from offline attacks").
 * The feedback comes back as translation keys (locales "password.warnings.*" and
 * "password.suggestions.*", taken from zxcvbn-ts's own French and English texts).
 * The dictionaries are large, so they load on the first check, on the server only.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as fr from "@zxcvbn-ts/language-fr";
import { DomainError } from "../errors";

export const MIN_SCORE = 3;
let factory: ZxcvbnFactory | undefined;

function zxcvbn() {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  return factory;
}

export function passwordStrength(password: string, userInputs: string[] = []) {
  // zxcvbn's cost grows with length; past 100 characters a password is long enough.
  const r = zxcvbn().check(password.slice(0, 100), userInputs.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((s) => s.length >= 3));
  return { score: r.score, warning: r.feedback.warning, suggestions: r.feedback.suggestions };
}

/** Throws a 400 on the password field, with zxcvbn's advice, when the password is too easy. */
export function assertStrongPassword(password: string, userInputs: string[] = [], field = "password") {
  const r = passwordStrength(password, userInputs);
  if (r.score >= MIN_SCORE) return;
  throw new DomainError("errors.passwordWeak", 400, field, {
    warningKey: r.warning ? `password.warnings.${r.warning}` : "",
    suggestionKey: r.suggestions[0] ? `password.suggestions.${r.suggestions[0]}` : "password.suggestions.useWords",
  });
}
