/**
 * A word-level diff rendered accessibly: insertions in <ins>, deletions in <del>, each
 * announced by hidden text for screen readers, and shown by underline / strike-through
 * plus a marker (not by colour alone).
 */
import { useTranslation } from "react-i18next";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <div className="diff" aria-describedby="diff-legend">
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[{t("diff.addedStart")}] </span>
            {p.text}
            <span className="visually-hidden"> [{t("diff.addedEnd")}]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{t("diff.removedStart")}] </span>
            {p.text}
            <span className="visually-hidden"> [{t("diff.removedEnd")}]</span>
          </del>
        ),
      )}
    </div>
  );
}

export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p id="diff-legend" className="diff-legend">
      <ins>{t("diff.legendAdded")}</ins> <del>{t("diff.legendRemoved")}</del>
    </p>
  );
}
