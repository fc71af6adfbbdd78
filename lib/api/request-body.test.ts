import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { HttpProblem } from "./problem";
import { readJsonBodyUpTo } from "./request-body";

const post = (body: BodyInit | null, type = "application/json") =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);

describe("readJsonBodyUpTo", () => {
  it("parses a JSON body under the cap", async () => {
    await expect(readJsonBodyUpTo(post('{"a":1}'), 100)).resolves.toEqual({ a: 1 });
  });

  it("refuses another media type (415) and a body past the cap while it arrives (413)", async () => {
    await expect(readJsonBodyUpTo(post("a=1", "application/x-www-form-urlencoded"), 100)).rejects.toMatchObject({ status: 415 });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(50)));
        c.close();
      },
    });
    const error = await readJsonBodyUpTo(post(stream), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).status).toBe(413);
  });

  it("a client that goes away mid-body is a bad request, not an unexpected error to log", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"a":'));
        c.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await readJsonBodyUpTo(post(stream), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
