/**
 * Links to one comment. Long discussions are paginated (?page=N), so a comment's address
 * names it in the query as well as in the fragment: /ideas/7?comment=42#comment-42 opens the
 * page that holds comment 42. Register entries and other stored records keep the older form
 * /ideas/7#comment-42 (hashed, never rewritten): `commentLink` upgrades it where it is shown.
 * Pure: safe in the browser.
 */
export function commentHref(ideaId: number, commentId: number, query = "") {
  return `/ideas/${ideaId}?${query}comment=${commentId}#comment-${commentId}`;
}

/** "/ideas/7#comment-42" → "/ideas/7?comment=42#comment-42"; any other address unchanged. */
export function commentLink(url: string) {
  const m = /^\/ideas\/(\d+)#comment-(\d+)$/.exec(url);
  return m ? commentHref(Number(m[1]), Number(m[2])) : url;
}
