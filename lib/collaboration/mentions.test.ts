import { describe, expect, it } from "vitest";
import { activeMentionQuery, displayName, findMentions, splitMentions, suggestMembers } from "./mentions";

const members = [
  { userId: "ada", name: "Ada" },
  { userId: "ada-l", name: "Ada Lovelace" },
  { userId: "eli", name: "Eli Novak" },
  { userId: "zoe", name: "Zoë Ångström" },
];

describe("findMentions", () => {
  it("finds members by their @name, case-insensitively, once each, in order", () => {
    expect(findMentions("@eli novak and @Ada, look; thanks @Eli Novak!", members)).toEqual(["eli", "ada"]);
  });

  it("prefers the longest name: @Ada Lovelace is not also @Ada", () => {
    expect(findMentions("Ping @Ada Lovelace", members)).toEqual(["ada-l"]);
    expect(findMentions("Ping @Ada Lovelace and @Ada", members)).toEqual(["ada-l", "ada"]);
  });

  it("needs a whole mention: not inside a word, an e-mail address, or a longer name", () => {
    expect(findMentions("mail ada@example.com or x@Ada", members)).toEqual([]);
    expect(findMentions("@Adam is not Ada", members)).toEqual([]);
    expect(findMentions("(@Ada)", members)).toEqual(["ada"]);
  });

  it("handles letters beyond ASCII", () => {
    expect(findMentions("merci @zoë ångström.", members)).toEqual(["zoe"]);
  });

  it("finds nothing in text without mentions", () => {
    expect(findMentions("", members)).toEqual([]);
    expect(findMentions("no one here @", members)).toEqual([]);
  });
});

describe("splitMentions", () => {
  it("cuts the body into text and mentions that join back to the body", () => {
    const body = "Hi @Eli Novak, see @ada.";
    const parts = splitMentions(body, members);
    expect(parts.map((p) => p.text).join("")).toBe(body);
    expect(parts.filter((p) => p.mention).map((p) => [p.text, p.mention])).toEqual([
      ["@Eli Novak", "eli"],
      ["@ada", "ada"],
    ]);
  });
});

describe("autocomplete", () => {
  it("reads the mention being typed before the caret", () => {
    expect(activeMentionQuery("Hello @El", 9)).toEqual({ query: "El", start: 6 });
    expect(activeMentionQuery("@", 1)).toEqual({ query: "", start: 0 });
    expect(activeMentionQuery("Hello @Eli No", 13)).toEqual({ query: "Eli No", start: 6 });
    expect(activeMentionQuery("mail me@home", 12)).toBeNull();
    expect(activeMentionQuery("@Eli\nnext", 9)).toBeNull();
    expect(activeMentionQuery("no at sign", 5)).toBeNull();
  });

  it("suggests names that start with the query first, then word starts, then anywhere", () => {
    expect(suggestMembers("ada", members).map((m) => m.userId)).toEqual(["ada", "ada-l"]);
    expect(suggestMembers("nov", members).map((m) => m.userId)).toEqual(["eli"]);
    expect(suggestMembers("", members)).toHaveLength(4);
    expect(suggestMembers("xyz", members)).toEqual([]);
  });

  it("names people by their name, else their e-mail's local part", () => {
    expect(displayName({ name: " Dana ", email: "d@x.test" })).toBe("Dana");
    expect(displayName({ name: null, email: "dana@x.test" })).toBe("dana");
    expect(displayName({ name: null })).toBe("Someone");
  });
});
