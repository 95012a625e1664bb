/** A council in a list: name, territory, link to its page. */
import { Link } from "@remix-run/react";
import { Icon } from "./ui/icon";

export function CouncilCard({
  council,
  headingLevel = 3,
}: {
  council: { slug: string; name: string; territory: string };
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card council-card">
      <H className="h3">
        <Link to={`/councils/${council.slug}`} className="card-link">
          {council.name}
        </Link>
      </H>
      <p className="muted">
        <Icon name="map" size={16} /> {council.territory}
      </p>
    </article>
  );
}
