/** An outcome or status shown by a word and an icon (never by colour alone). */
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "./ui/icon";

const LOOK: Record<string, { icon: IconName; tone: "success" | "danger" | "warning" | "info" | "neutral" }> = {
  accepted: { icon: "check", tone: "success" },
  adopted: { icon: "check", tone: "success" },
  rules_published: { icon: "book", tone: "info" },
  implemented: { icon: "check", tone: "success" },
  funded: { icon: "check", tone: "success" },
  confirmed: { icon: "check", tone: "success" },
  rejected: { icon: "x", tone: "danger" },
  postponed: { icon: "clock", tone: "warning" },
  under_review: { icon: "clock", tone: "warning" },
  noted: { icon: "info", tone: "neutral" },
  merged: { icon: "link", tone: "info" },
  on_agenda: { icon: "calendar", tone: "info" },
  in_budget: { icon: "info", tone: "info" },
  hidden: { icon: "eyeOff", tone: "warning" },
  restored: { icon: "check", tone: "neutral" },
  departed: { icon: "alert", tone: "warning" },
  phase_changed: { icon: "arrowRight", tone: "info" },
  abandoned: { icon: "x", tone: "danger" },
  scope_changed: { icon: "edit", tone: "warning" },
};

/**
 * `outcome` is a code (DECISION_OUTCOMES, or an idea status with keyPrefix "ideas.statuses").
 * The word always comes from a translation key: a code without one shows "Other outcome",
 * never the raw code (and tests/unit/enum-keys.test.ts fails first).
 */
export function OutcomeBadge({ outcome, keyPrefix = "decisions.outcomes" }: { outcome: string; keyPrefix?: string }) {
  const { t, i18n } = useTranslation();
  const look = LOOK[outcome] ?? { icon: "info" as IconName, tone: "neutral" as const };
  const key = `${keyPrefix}.${outcome}`;
  return (
    <span className={`badge badge-${look.tone}`}>
      <Icon name={look.icon} size={16} />
      {i18n.exists(key) ? t(key) : t("decisions.outcomeUnknown")}
    </span>
  );
}
