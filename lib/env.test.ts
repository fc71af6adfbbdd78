import { describe, expect, it } from "vitest";
import { devToolsEnabled, EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("runs with nothing set: embedded database, free plan, development", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PGLITE_DATA_DIR: ".data/pglite", APP_URL: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("names each bad variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", APP_URL: "not a url", AUTH_SECRET: "short" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join("\n");
      expect(problems).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
      expect(problems).toContain("APP_URL must be an absolute URL");
      expect(problems).toContain("AUTH_SECRET must be at least 32 characters");
    }
  });

  it("requires AUTH_SECRET in production and the other half of each pair", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ AUTH_GITHUB_ID: "x" })).toThrow(/AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set/);
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: "whsec" })).toThrow(/STRIPE_SECRET_KEY is required/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("reads CAIRN_DEV_TOOLS as a switch: 0 keeps the development pages closed outside development", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) };
    for (const off of ["0", "false", "OFF", "no", ""]) expect(devToolsEnabled(parseEnv({ ...production, CAIRN_DEV_TOOLS: off })), off).toBe(false);
    expect(devToolsEnabled(parseEnv(production))).toBe(false);
    for (const on of ["1", "true", "On"]) expect(devToolsEnabled(parseEnv({ ...production, CAIRN_DEV_TOOLS: on })), on).toBe(true);
    expect(devToolsEnabled(parseEnv({}))).toBe(true);
    expect(() => parseEnv({ CAIRN_DEV_TOOLS: "maybe" })).toThrow(/CAIRN_DEV_TOOLS must be 1 or 0/);
  });
});
