/**
 * Renders explanations (explain.ts) as one sentence per project, in French or English.
 * Owns the wording, plurals, ordinals ("3e tour" / "round 3", "classé 1er" / "ranked 1st"),
 * and number and money formats through Intl.NumberFormat (fr-FR / en-GB). Money is rounded
 * exactly from the rationals (whole amounts without decimals, otherwise two decimals); the
 * currency is a parameter (ISO 4217 code, EUR by default) or any other unit ("points").
 * French typography: no-break space before ":" and ";" (Intl itself puts U+202F between
 * thousands and a no-break space before "€").
 */
import type { BelowMinimumExplanation, GreedyExplanation, MesFundedExplanation, MesNotFundedExplanation, MoneyDestination, ProjectExplanation } from "./explain";
import type { Rational } from "./rational";

export type Lang = "fr" | "en";

export interface RenderOptions {
  lang: Lang;
  /** ISO 4217 code ("EUR", "PLN", "HUF") or a free unit ("points"). Default "EUR". */
  currency?: string;
  /** How to name a project in "their money went to …" (default: its id). */
  label?: (d: MoneyDestination) => string;
}

const TAG: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };
const NBSP = "\u00a0";

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) {
    f = make();
    numberFormats.set(key, f);
  }
  return f;
}

/** "1 234" / "1,234". */
export function formatCount(n: number, lang: Lang): string {
  return nf(`n:${lang}`, () => new Intl.NumberFormat(TAG[lang])).format(n);
}

/** Exact money amount, rounded to cents (no decimals when whole): "61,50 €", "€9,800". */
export function formatMoney(amount: Rational, lang: Lang, currency = "EUR"): string {
  const cents = amount.toFixed(2);
  const whole = cents.endsWith(".00");
  const digits = whole ? 0 : 2;
  const text = (whole ? amount.toFixed(0) : cents) as `${number}`;
  if (/^[A-Z]{3}$/.test(currency)) {
    return nf(`c:${lang}:${currency}:${digits}`, () =>
      new Intl.NumberFormat(TAG[lang], {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
    ).format(text);
  }
  const num = nf(`u:${lang}:${digits}`, () =>
    new Intl.NumberFormat(TAG[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(text);
  return `${num}${NBSP}${currency}`;
}

/** "1er", "2e" / "1st", "2nd", "3rd", "11th". */
export function ordinal(n: number, lang: Lang): string {
  if (lang === "fr") return n === 1 ? "1er" : `${n}e`;
  const rule = new Intl.PluralRules("en-GB", { type: "ordinal" }).select(n);
  const suffix = rule === "one" ? "st" : rule === "two" ? "nd" : rule === "few" ? "rd" : "th";
  return `${n}${suffix}`;
}

/** "au 3e tour" / "in round 3". */
export function roundPhrase(round: number, lang: Lang): string {
  return lang === "fr" ? `au ${ordinal(round, "fr")} tour` : `in round ${round}`;
}

function list(items: string[], lang: Lang): string {
  return new Intl.ListFormat(TAG[lang], { style: "long", type: "conjunction" }).format(items);
}

function votes(n: number, lang: Lang): string {
  return lang === "fr" ? `${formatCount(n, lang)} voix` : `${formatCount(n, lang)} ${n === 1 ? "vote" : "votes"}`;
}

function greedySentence(x: GreedyExplanation, o: Required<Pick<RenderOptions, "lang" | "currency">>): string {
  const { lang, currency } = o;
  const left = formatMoney(x.moneyLeft, lang, currency);
  const cost = formatMoney(x.cost, lang, currency);
  const rank = ordinal(x.rank, lang);
  if (lang === "fr") {
    const classe = `classé ${rank} avec ${votes(x.approvals, lang)}`;
    if (x.kind === "completion") {
      return `Ajouté lors de la complétion${NBSP}: ${classe}${NBSP}; il restait ${left} et il coûte ${cost}.`;
    }
    return x.fit
      ? `Financé${NBSP}: ${classe}${NBSP}; il restait ${left} à son tour et il coûte ${cost}.`
      : `Non financé${NBSP}: ${classe}${NBSP}; il ne restait que ${left} à son tour et il coûte ${cost}.`;
  }
  const ranked = `ranked ${rank} with ${votes(x.approvals, lang)}`;
  if (x.kind === "completion") return `Added in the completion step: ${ranked}; ${left} was left and it costs ${cost}.`;
  return x.fit
    ? `Funded: ${ranked}; ${left} was left when its turn came and it costs ${cost}.`
    : `Not funded: ${ranked}; only ${left} was left when its turn came and it costs ${cost}.`;
}

function fundedSentence(x: MesFundedExplanation, o: Required<Pick<RenderOptions, "lang" | "currency">>): string {
  const { lang, currency } = o;
  const pay = formatMoney(x.maxPayment, lang, currency);
  const total = x.paidMax + x.paidLess + x.paidNothing;
  const others = x.paidLess + x.paidNothing;
  const n = (k: number) => formatCount(k, lang);
  if (lang === "fr") {
    const head = `Financé ${roundPhrase(x.round, lang)}${NBSP}: `;
    if (others === 0) {
      return total === 1
        ? `${head}son unique soutien a payé ${pay}.`
        : `${head}ses ${n(total)} soutiens ont payé ${pay} chacun.`;
    }
    const first = x.paidMax === 1 ? `1 de ses ${n(total)} soutiens a payé ${pay}` : `${n(x.paidMax)} de ses ${n(total)} soutiens ont payé ${pay} chacun`;
    const rest =
      others === 1
        ? "l’autre a payé moins car il lui restait moins"
        : `les ${n(others)} autres ont payé moins car il leur restait moins`;
    const nothing =
      x.paidNothing === 0 ? "" : x.paidNothing === 1 ? ` (1 n’avait plus rien)` : ` (${n(x.paidNothing)} n’avaient plus rien)`;
    return `${head}${first}, ${rest}${nothing}.`;
  }
  const head = `Funded ${roundPhrase(x.round, lang)}: `;
  if (others === 0) {
    return total === 1 ? `${head}its only supporter paid ${pay}.` : `${head}its ${n(total)} supporters paid ${pay} each.`;
  }
  const first = x.paidMax === 1 ? `1 of its ${n(total)} supporters paid ${pay}` : `${n(x.paidMax)} of its ${n(total)} supporters paid ${pay} each`;
  const rest =
    others === 1 ? "the other one paid less because they had less left" : `the other ${n(others)} paid less because they had less left`;
  const nothing = x.paidNothing === 0 ? "" : x.paidNothing === 1 ? " (1 had nothing left)" : ` (${n(x.paidNothing)} had nothing left)`;
  return `${head}${first}; ${rest}${nothing}.`;
}

function notFundedSentence(x: MesNotFundedExplanation, o: Required<Pick<RenderOptions, "lang" | "currency">> & RenderOptions): string {
  const { lang, currency } = o;
  if (x.reason === "no-supporters") return lang === "fr" ? `Non financé${NBSP}: personne ne l’a soutenu.` : "Not funded: nobody voted for it.";
  if (x.reason === "zero-cost") {
    return lang === "fr"
      ? `Non financé${NBSP}: la méthode des parts égales ne retient que les projets de coût positif.`
      : "Not funded: Equal Shares only considers projects with a positive cost.";
  }
  const left = formatMoney(x.leftover, lang, currency);
  const cost = formatMoney(x.cost, lang, currency);
  const label = o.label ?? ((d: MoneyDestination) => d.projectId);
  const dest = x.spentOn.map((d) => `${label(d)} (${formatMoney(d.amount, lang, currency)})`);
  const mostly = x.destinationCount > x.spentOn.length;
  const sep = lang === "fr" ? `${NBSP}; ` : "; ";
  let s: string;
  if (lang === "fr") {
    s =
      x.approvals === 1
        ? `Non financé${NBSP}: son unique soutien n’avait plus que ${left}${sep}il coûte ${cost}`
        : `Non financé${NBSP}: ses soutiens n’avaient plus que ${left} à eux tous${sep}il coûte ${cost}`;
    if (dest.length > 0) {
      const to = dest.length === 1 ? `au projet ${dest[0]}` : `aux projets ${list(dest, lang)}`;
      s += `${sep}${x.approvals === 1 ? "son" : "leur"} argent est allé ${mostly ? "surtout " : ""}${to}`;
    }
    if (x.completion) s += `${sep}il ne rentrait pas non plus dans le reste du budget (${formatMoney(x.completion.moneyLeft, lang, currency)})`;
  } else {
    s =
      x.approvals === 1
        ? `Not funded: its only supporter had ${left} left${sep}it costs ${cost}`
        : `Not funded: its supporters had ${left} left between them${sep}it costs ${cost}`;
    if (dest.length > 0) {
      const to = dest.length === 1 ? `project ${dest[0]}` : `projects ${list(dest, lang)}`;
      s += `${sep}their money went ${mostly ? "mostly " : ""}to ${to}`;
    }
    if (x.completion) s += `${sep}it did not fit in the remaining budget either (${formatMoney(x.completion.moneyLeft, lang, currency)} left)`;
  }
  return `${s}.`;
}

function belowMinimumSentence(x: BelowMinimumExplanation, lang: Lang): string {
  const got = votes(x.approvals, lang);
  const needed = votes(x.minimum, lang);
  if (x.approvals === 0 && x.minimum === 1) return lang === "fr" ? `Non financé${NBSP}: personne ne l’a soutenu.` : "Not funded: nobody voted for it.";
  return lang === "fr"
    ? `Non financé${NBSP}: il a reçu ${got}, et le règlement exige au moins ${needed} pour qu’un projet puisse être financé.`
    : `Not funded: it received ${got}, and the rules require at least ${needed} for a project to be funded.`;
}

/** One sentence explaining what happened to one project. */
export function renderExplanation(x: ProjectExplanation, options: RenderOptions): string {
  const o = { ...options, currency: options.currency ?? "EUR" };
  switch (x.kind) {
    case "greedy":
    case "completion":
      return greedySentence(x, o);
    case "mes-funded":
      return fundedSentence(x, o);
    case "mes-not-funded":
      return notFundedSentence(x, o);
    case "below-minimum":
      return belowMinimumSentence(x, o.lang);
  }
}
