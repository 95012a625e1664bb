/** Shapes shared by the decision register's modules. */
import type { DecisionOutcome, Role, SubjectKind } from "#db/enums";

export interface Evidence {
  label: string;
  url: string;
}

export interface DecisionInput {
  /** NULL = the whole town. */
  councilId: number | null;
  subject: { kind: SubjectKind; id: string | null; title: string };
  /** One of DECISION_OUTCOMES (each has a decisions.outcomes.* translation). */
  outcome: DecisionOutcome;
  /** Markdown; checked against the rulebook's minimum length and for filler. */
  explanation: string;
  evidence?: Evidence[];
  supersedesSeq?: number | null;
  /** The role the author acts in (see actingRole in the policy). */
  authorRole: Role;
  /** Which rulebook applies: "town" (default) or a process scope. */
  ruleScope?: string;
  /** Which field of the caller's form holds the explanation (for error messages). */
  explanationField?: string;
}
