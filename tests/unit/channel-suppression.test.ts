/**
 * Per-channel tallies of a vote: a small channel is hidden, and so are enough others that it
 * cannot be recovered by subtracting the shown channels from the public total.
 */
import { describe, expect, it } from "vitest";
import { suppressedChannels } from "~/domain/ballot-box/count.server";

const hidden = (online: number, desk: number, paper: number) => [...suppressedChannels({ online, desk, paper })].sort();

describe("suppressedChannels", () => {
  it("hides nothing when every channel has 5 ballots or more, or none", () => {
    expect(hidden(33, 9, 5)).toEqual([]);
    expect(hidden(40, 0, 0)).toEqual([]);
    expect(hidden(0, 0, 0)).toEqual([]);
  });
  it("hides the next smallest channel with a small one (the reported case: 33 online, 9 desk, 4 paper)", () => {
    expect(hidden(33, 9, 4)).toEqual(["desk", "paper"]);
    expect(hidden(33, 4, 9)).toEqual(["desk", "paper"]);
  });
  it("keeps hiding until the hidden channels hold 5 ballots between them", () => {
    expect(hidden(40, 2, 1)).toEqual(["desk", "online", "paper"]);
    expect(hidden(40, 3, 2)).toEqual(["desk", "paper"]);
  });
  it("with one channel only besides an empty one, a small one hides the other too", () => {
    expect(hidden(30, 0, 3)).toEqual(["online", "paper"]);
  });
  it("never lets a hidden channel be recovered: the shown ones never leave fewer than 5 hidden ballots, in at least two channels", () => {
    for (let o = 0; o < 12; o++)
      for (let d = 0; d < 12; d++)
        for (let p = 0; p < 12; p++) {
          const by = { online: o, desk: d, paper: p };
          const h = suppressedChannels(by);
          const shown = (["online", "desk", "paper"] as const).filter((c) => !h.has(c));
          // every shown channel is big enough, or empty
          for (const c of shown) expect(by[c] === 0 || by[c] >= 5).toBe(true);
          const hiddenBallots = [...h].reduce((n, c) => n + by[c], 0);
          if (h.size) expect(h.size >= 2 && hiddenBallots >= 5 || shown.every((c) => by[c] === 0)).toBe(true);
        }
  });
});
