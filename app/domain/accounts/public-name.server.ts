/**
 * A person's name as shown next to their public contributions: NULL once they deleted their
 * account (the page then says "former participant"). Every read of another person's name
 * goes through this expression.
 */
import { sql } from "drizzle-orm";
import { users } from "#db/schema";

export const publicName = sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`;
