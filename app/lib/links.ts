/** Where a register entry's subject lives in the app (pure: kind + id → path). */
export function subjectHref(kind: string, id: string | null): string | null {
  if (!id) return null;
  switch (kind) {
    case "rule_change": {
      const [scope, number] = id.split("/");
      return rulesHref(scope ?? "town", Number(number));
    }
    case "idea":
      return `/ideas/${id}`;
    case "meeting":
      return `/meetings/${id}`;
    case "vote":
      return `/votes/${id}`;
    case "budget":
      return `/budgets/${id}`;
    case "budget_result": {
      // "<budget>" or "<budget>/<envelope>"
      const [budget, envelope] = id.split("/");
      return `/budgets/${budget}/results${envelope ? `#envelope-${envelope}` : ""}`;
    }
    case "project": {
      // "<budget>/<project>"
      const [budget, project] = id.split("/");
      return project ? `/budgets/${budget}/projects/${project}` : `/budgets/${budget}`;
    }
    case "moderation":
      return id.startsWith("/") ? id : null;
    default:
      return null;
  }
}

export function rulesHref(scope: string, number: number): string {
  return scope === "town" ? `/rules/${number}` : `/rules/${number}?scope=${encodeURIComponent(scope)}`;
}
