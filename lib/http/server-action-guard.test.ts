import { describe, expect, it } from "vitest";
import { refuseMalformedServerAction, replyProblem } from "./server-action-guard";

const ID = "7f" + "a".repeat(40);
const settings = { trustProxy: false, appUrl: "http://localhost:3000" };
const post = (body: BodyInit, headers: Record<string, string> = {}, path = "/scenes") =>
  new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body,
    headers: { host: "localhost:3000", "next-action": ID, "content-type": "text/plain;charset=UTF-8", ...headers },
  });
const status = async (req: Request) => (await refuseMalformedServerAction(req, settings))?.status ?? "passed";

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

describe("server-action guard", () => {
  it("lets what the app's client sends through", async () => {
    expect(await status(post('[{"id":"scn_1","name":"New"}]'))).toBe("passed");
    expect(await status(post('["$undefined","$D2024-01-01T00:00:00.000Z","$n12","$$dollar","$T",null,1.5]'))).toBe(
      "passed",
    );
    // A FormData argument: React puts the arguments in part "0" and the form's entries under "_1_".
    const multipart = new Request("http://localhost:3000/sign-up", {
      method: "POST",
      body: form({ "0": '["$K1"]', _1_email: "a@b.com", _1_name: "A" }),
      headers: { host: "localhost:3000", "next-action": ID },
    });
    expect(await status(multipart)).toBe("passed");
    // Not an action at all: API routes and GETs are none of its business.
    expect(await status(post("garbage", {}, "/api/products"))).toBe("passed");
    expect(await status(new Request("http://localhost:3000/scenes"))).toBe("passed");
  });

  it("refuses bodies React cannot decode with a 400 (Next.js answered 500)", async () => {
    for (const body of ["garbage", '["$1"]', '["$nabc"]', '["$@0"]', '["$Q1"]', '{"id":"x"}', ""])
      expect(await status(post(body)), body).toBe(400);
    const broken = post("nonsense", { "content-type": "multipart/form-data; boundary=xyz" });
    expect(await status(broken)).toBe(400);
    const noRoot = new Request("http://localhost:3000/scenes", {
      method: "POST",
      body: form({ _1_name: "x" }),
      headers: { "next-action": ID },
    });
    expect(await status(noRoot)).toBe(400);
    const strayPart = new Request("http://localhost:3000/scenes", {
      method: "POST",
      body: form({ "0": '["$1"]', "1": "{}" }),
      headers: { "next-action": ID },
    });
    expect(await status(strayPart)).toBe(400);
  });

  it("refuses form posts naming actions, junk ids, foreign origins and oversized bodies", async () => {
    const mpa = new Request("http://localhost:3000/sign-up", { method: "POST", body: form({ $ACTION_ID_junk: "" }) });
    expect(await status(mpa)).toBe(400);
    expect(await status(post("[]", { "next-action": "junk" }))).toBe(404);
    expect(await status(post("[]", { origin: "http://evil.example" }))).toBe(403);
    expect(await status(post("[]", { origin: "http://localhost:3000" }))).toBe("passed");
    expect(await status(post(`["${"x".repeat(1024 * 1024)}"]`))).toBe(413);
  });

  it("names the problem", () => {
    expect(replyProblem("[1")).toMatch(/not valid JSON/);
    expect(replyProblem("{}")).toMatch(/not a list/);
    expect(replyProblem('[{"a":["$W2"]}]')).toMatch(/does not accept/);
    expect(replyProblem('["fine", {"nested": ["$$x"]}]')).toBeNull();
  });
});
