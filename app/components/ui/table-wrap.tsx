/**
 * The box around a table that may be wider than the screen (long names, small phones): the
 * table scrolls inside it, so the page never does. The box can take keyboard focus, so the
 * table can be scrolled with the arrow keys, and is named for screen readers (WCAG 2.1.1;
 * axe's scrollable-region-focusable).
 */
import type { ReactNode } from "react";

export function TableWrap({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="group" tabIndex={0} aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
