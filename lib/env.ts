import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once, on first use; `assertEnv()` runs at
 * start-up (instrumentation.ts and the CLI) so a bad variable stops the app with its name.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const ON = ["1", "true", "on", "yes"];
const OFF = ["0", "false", "off", "no"];
/** A switch: 1/true/on/yes or 0/false/off/no (any case); unset = off. "0" is off, not a non-empty string. */
const flag = optional.pipe(
  z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v) => ON.includes(v) || OFF.includes(v), "must be 1 or 0 (or true/false, on/off)")
    .transform((v) => ON.includes(v))
    .optional(),
).transform((v) => v ?? false);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// or postgresql:// URL");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional.pipe(postgresUrl.optional()),
    PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
    /** Where the SQL migrations live; only tests point it elsewhere. */
    CAIRN_MIGRATIONS_DIR: optional,
    APP_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).default("http://localhost:3000"),
    AUTH_SECRET: optional.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    /**
     * Encrypts secrets the app must read back (authenticator secrets). Unset = a key derived from
     * AUTH_SECRET. Set it to rotate AUTH_SECRET on its own: values sealed before stay readable
     * as long as AUTH_SECRET is unchanged (lib/auth/secret-box.ts tries both keys).
     */
    CAIRN_ENCRYPTION_KEY: optional.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    SMTP_URL: optional.pipe(z.url({ message: "must be a URL such as smtp://user:pass@host:587" }).optional()),
    MAIL_FROM: z.string().trim().default("Cairn <no-reply@cairn.local>"),
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_PRICE_TEAM: optional,
    STRIPE_PRICE_BUSINESS: optional,
    /** Points the Stripe SDK at another host (a local fake in tests), e.g. http://127.0.0.1:12111. */
    STRIPE_API_BASE: optional.pipe(z.url().optional()),
    /** Days a team keeps working after a failed payment before it turns read-only. */
    BILLING_GRACE_DAYS: optional.pipe(
      z.coerce.number<string | undefined>({ error: "must be a whole number of days" }).int("must be a whole number of days").min(0, "must be 0 or more").max(90, "must be at most 90").default(7),
    ),
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,
    AUTH_OIDC_ISSUER: optional.pipe(z.url().optional()),
    AUTH_OIDC_ID: optional,
    AUTH_OIDC_SECRET: optional,
    AUTH_OIDC_NAME: z.string().trim().default("Single sign-on"),
    /** Requests per minute one API key may make (the window is shared by every instance). */
    API_RATE_LIMIT_PER_MINUTE: optional.pipe(
      z.coerce.number<string | undefined>({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").default(600),
    ),
    /**
     * How many reverse proxies (load balancers) in front of the app append to X-Forwarded-For.
     * 0 = none: the client is the socket's address and X-Forwarded-For is ignored (a client can
     * write anything there). N = the address the N-th proxy from us saw. The sign-in and sign-up
     * limits key on that address.
     */
    TRUSTED_PROXY_HOPS: optional.pipe(
      z.coerce.number<string | undefined>({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
    ),
    /**
     * "off" keeps this instance from running the job loop (reminders, digests, housekeeping).
     * Leave it on in at least one instance.
     */
    CAIRN_JOBS: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
    /**
     * Starts this process's clock at an ISO instant (lib/clock.ts), e.g. 2026-12-07T10:00:00Z:
     * the e2e server and its seed run at a fixed date. Unset = the machine's time.
     */
    CAIRN_CLOCK: optional.pipe(z.iso.datetime({ offset: true, message: "must be an ISO instant such as 2026-12-07T10:00:00Z" }).optional()),
    /**
     * A JSON file of DNS TXT records (`{ "_cairn.example.com": ["cairn-verification=…"] }`) read
     * instead of DNS when single sign-on verifies a domain: for e2e runs, honoured only with the
     * dev tools on (lib/sso/dns.ts). Never set in production.
     */
    CAIRN_DNS_TXT_FILE: optional,
    /** Development mailbox page and other dev-only surfaces outside `npm run dev` (e2e runs). Never on in production. */
    CAIRN_DEV_TOOLS: flag,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (try: openssl rand -base64 32)" });
    }
    const pairs: Array<[keyof typeof env, keyof typeof env]> = [
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
      ["AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        const missing = env[a] ? b : a;
        ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${missing === a ? b : a} is set` });
      }
    }
    if (env.AUTH_OIDC_ID && !env.AUTH_OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["AUTH_OIDC_ISSUER"], message: "is required when AUTH_OIDC_ID is set" });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
}

/**
 * CAIRN_CLOCK as set, without parsing the rest: the clock is read before some tests have set
 * their environment, and must not fix it early. `env()` validates it with everything else.
 */
export function clockStartSetting(): string | undefined {
  return process.env.CAIRN_CLOCK?.trim() || undefined;
}

/** Whether development-only pages (the mailbox, which shows live links) may open. */
export function devToolsEnabled(e: Env = env()): boolean {
  return e.NODE_ENV === "development" || e.CAIRN_DEV_TOOLS;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Validate at start-up: print one line naming each bad variable and exit non-zero. */
export function assertEnv(): Env {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}. See .env.example.`);
      process.exit(1);
    }
    throw error;
  }
}
