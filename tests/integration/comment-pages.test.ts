/**
 * Long discussions are paginated (issue #13): threads oldest first, a page at a time, with
 * exact counts over every page, and a link to one comment opening the page that holds it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { addComment, COMMENT_THREADS_PER_PAGE, commentPage, withdrawComment } from "~/domain/ideas/comments.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import * as ideaRoute from "~/routes/ideas.$id";
import { demoTown, makeUser } from "../support/fixtures";
import { getRequest, run } from "../support/http";

let ideaId: number;
const tops: { id: number; stance: "for" | "against" | "neutral" }[] = [];
const replies: { id: number; parentId: number }[] = [];
const STANCES = ["for", "against", "neutral", "neutral"] as const;
const THREADS = 2 * COMMENT_THREADS_PER_PAGE + 7;

beforeAll(async () => {
  await demoTown();
  const centre = getCouncilBySlug("centre-ville")!.id;
  const people: Actor[] = [];
  for (let i = 0; i < 4; i++) people.push(await makeUser({ name: `Voix ${i}` }));
  ideaId = submitIdea(people[0]!, { title: "Une longue discussion", body: "Des bancs partout dans le quartier, et de l'ombre l'été.", theme: "public_space", councilId: centre, place: "" }).id;
  for (let i = 0; i < THREADS; i++) {
    const stance = STANCES[i % STANCES.length]!;
    const c = addComment(people[i % 4]!, ideaId, { stance, body: `Fil **${i}**`, parentId: null });
    tops.push({ id: c.id, stance });
    if (i % 10 === 3) replies.push({ id: addComment(people[(i + 1) % 4]!, ideaId, { stance: "neutral", body: `Réponse au fil ${i}`, parentId: c.id }).id, parentId: c.id });
  }
  withdrawComment(people[1]!, tops[1]!.id);
});

describe("commentPage", () => {
  it("counts every top-level comment per stance, whichever page is shown", () => {
    const expected = { for: tops.filter((c) => c.stance === "for").length, against: tops.filter((c) => c.stance === "against").length, neutral: tops.filter((c) => c.stance === "neutral").length };
    for (const page of [1, 2, 3]) {
      const p = commentPage(ideaId, { page });
      expect(p.counts).toEqual(expected);
      expect(p.threads).toBe(THREADS);
      expect(p.pages).toBe(3);
    }
  });

  it("shows the threads of one page, oldest first, each with all its replies", () => {
    const p2 = commentPage(ideaId, { page: 2 });
    const shownTops = p2.comments.filter((c) => c.parentId === null).map((c) => c.id);
    expect(shownTops).toEqual(tops.slice(COMMENT_THREADS_PER_PAGE, 2 * COMMENT_THREADS_PER_PAGE).map((c) => c.id));
    const shownReplies = p2.comments.filter((c) => c.parentId !== null).map((c) => c.id);
    expect(shownReplies).toEqual(replies.filter((r) => shownTops.includes(r.parentId)).map((r) => r.id));
    expect(commentPage(ideaId, { page: 3 }).comments.filter((c) => c.parentId === null)).toHaveLength(THREADS - 2 * COMMENT_THREADS_PER_PAGE);
  });

  it("clamps pages out of range", () => {
    expect(commentPage(ideaId, { page: 99 }).page).toBe(3);
    expect(commentPage(ideaId, { page: -4 }).page).toBe(1);
    expect(commentPage(ideaId, { page: Number.NaN }).page).toBe(1);
  });

  it("opens the page holding a comment, or a reply's thread", () => {
    const last = tops.at(-1)!;
    expect(commentPage(ideaId, { commentId: last.id }).page).toBe(3);
    expect(commentPage(ideaId, { commentId: tops[COMMENT_THREADS_PER_PAGE]!.id }).page).toBe(2);
    expect(commentPage(ideaId, { commentId: tops[COMMENT_THREADS_PER_PAGE - 1]!.id }).page).toBe(1);
    const reply = replies.find((r) => tops.findIndex((c) => c.id === r.parentId) >= COMMENT_THREADS_PER_PAGE)!;
    const p = commentPage(ideaId, { commentId: reply.id });
    expect(p.comments.map((c) => c.id)).toContain(reply.id);
    // a comment of another idea does not move the page
    expect(commentPage(ideaId, { commentId: 1, page: 2 }).page).toBe(2);
  });
});

describe("the idea page", () => {
  const load = (query: string) => run(ideaRoute.loader, getRequest(`/ideas/${ideaId}${query}`), { id: String(ideaId) });

  it("renders the markdown of the shown page only, with the exact totals", async () => {
    const res = await load("");
    expect(res.status).toBe(200);
    expect(res.data.discussion).toMatchObject({ page: 1, pages: 3, threads: THREADS });
    const shown = res.data.comments as { id: number; bodyHtml: string; parentId: number | null }[];
    expect(shown.filter((c) => c.parentId === null)).toHaveLength(COMMENT_THREADS_PER_PAGE);
    expect(shown.find((c) => c.id === tops[0]!.id)!.bodyHtml).toContain("<strong>0</strong>");
    expect(shown.map((c) => c.id)).not.toContain(tops.at(-1)!.id);
  });

  it("?comment=N lands on the page that holds N; ?page=N on that page", async () => {
    const last = tops.at(-1)!.id;
    const byComment = await load(`?comment=${last}`);
    expect(byComment.data.discussion.page).toBe(3);
    expect((byComment.data.comments as { id: number }[]).map((c) => c.id)).toContain(last);
    const byPage = await load("?page=2");
    expect(byPage.data.discussion.page).toBe(2);
    expect((byPage.data.comments as { id: number }[]).map((c) => c.id)).toContain(tops[COMMENT_THREADS_PER_PAGE]!.id);
  });
});
