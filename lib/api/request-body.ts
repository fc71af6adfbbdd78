// Reads a JSON request body with a size cap, counting bytes as they arrive (Content-Length
// can be absent or wrong), and says precisely what is wrong: not JSON (415), too large
// (413), empty or malformed (400).
import { AppError } from "@/lib/errors";
import { HttpProblem } from "./problem";

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

export async function readJsonBody(request: Request, maxMegabytes: number): Promise<unknown> {
  return readJsonBodyUpTo(request, maxMegabytes * 1024 * 1024, `${maxMegabytes} MB`);
}

/** The same with the cap in bytes, for small bodies (a presence heartbeat is a few hundred bytes). */
export async function readJsonBodyUpTo(request: Request, max: number, label = `${max} bytes`): Promise<unknown> {
  const type = request.headers.get("content-type");
  // No Content-Type is tolerated (curl -d sends a form type, many clients send none); another type is refused.
  if (type && !JSON_TYPE.test(type)) {
    throw new HttpProblem(415, "Unsupported media type", `The body must be JSON sent with Content-Type: application/json (got ${type.split(";")[0]}).`);
  }
  const tooLarge = () => new HttpProblem(413, "Request too large", `The body must be at most ${label}.`);
  if (Number(request.headers.get("content-length")) > max) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The client went away mid-body (a tab closed during a heartbeat): nothing to answer, nothing to log.
        throw new AppError("bad_request", "The request was closed before its body arrived.");
      });
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty: send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it could not be parsed";
    throw new AppError("bad_request", `The request body is not valid JSON: ${reason}.`);
  }
}
