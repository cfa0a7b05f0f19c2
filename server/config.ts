import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const csvNumbers = z
  .string()
  .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, 'a comma-separated list of numbers, e.g. "24,48,60"')
  .transform((s) => s.split(',').map((h) => Number(h.trim())));

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable the service reads, with its default. `.env.example` documents the same list. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),

  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only').default('breachclock'),
  DATA_DIR: z.string().min(1).default('./data'),
  FERRETDB_PORT: z.coerce.number().int().min(0).max(65535).default(27117),

  PROCESS_ROLES: z
    .string()
    .default('web,worker')
    .transform((s) => s.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(['web', 'worker'])).min(1)),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default('breach-clock'),
  JWT_AUDIENCE: z.string().min(1).default('breach-clock-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  TRUST_PROXY: booleanFlag.default(false),

  MILESTONE_HOURS: csvNumbers.default([24, 48, 60, 66, 70, 71]),
  OVERDUE_REPEAT_HOURS: z.coerce.number().positive().default(6),
  TRIAGE_LIMIT_HOURS: z.coerce.number().positive().default(24),
  CONTROLLER_NOTICE_TARGET_HOURS: z.coerce.number().positive().default(24),
  CLOCK_HORIZON_SECONDS: z.coerce.number().int().min(10).max(86_400).default(30),
  CLOCK_PLANNER_EVERY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),

  AGENDA_PROCESS_EVERY_MS: z.coerce.number().int().min(100).default(1000),
  AGENDA_LOCK_LIFETIME_MS: z.coerce.number().int().min(1000).default(10_000),
  AGENDA_LOCK_LIMIT: z.coerce.number().int().min(0).default(200),
  AGENDA_MAX_CONCURRENCY: z.coerce.number().int().min(1).default(50),

  ORGANISATION_NAME: z.string().trim().max(200).default(''),
  ORGANISATION_NUMBER: z.string().trim().regex(/^((\d ?){9})?$/, 'nine digits, e.g. 922 078 734').optional(),
  DPO_NAME: z.string().trim().max(200).optional(),
  DPO_EMAIL: z.email().optional(),
  DPO_PHONE: z.string().trim().max(40).optional(),

  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Breach Clock <breach-clock@localhost>'),
  WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_WEBHOOK_URL: z.url().optional(),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'host names or addresses, comma-separated (no scheme, no port)'))),
  ESCALATION_MINUTES: csvNumbers.default([15, 30]),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  STALL_AFTER_SECONDS: z.coerce.number().int().min(2).max(86_400).default(120),

  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'the uncompressed P-256 public key, base64url (87 characters)').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the P-256 private key, base64url (43 characters)').optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, 'a mailto: address or an https: URL').optional(),

  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly http: { readonly host: string; readonly port: number; readonly trustProxy: boolean; readonly publicUrl?: string };
  readonly logLevel: string;
  readonly database: {
    readonly uri?: string;
    readonly name: string;
    readonly dataDir: string;
    readonly ferretdbPort: number;
  };
  readonly roles: { readonly web: boolean; readonly worker: boolean };
  readonly auth: {
    readonly jwtSecret: string;
    readonly jwtSecretGenerated: boolean;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly adminEmail?: string;
    readonly adminPassword?: string;
  };
  readonly clock: {
    readonly milestoneHours: readonly number[];
    readonly overdueRepeatHours: number;
    readonly triageLimitHours: number;
    readonly controllerNoticeTargetHours: number;
    /** Milestones due within this window are Agenda jobs; later ones wait in the clock plan. */
    readonly horizonMs: number;
    readonly plannerEveryMs: number;
  };
  readonly scheduler: {
    readonly processEveryMs: number;
    readonly lockLifetimeMs: number;
    readonly lockLimit: number;
    readonly maxConcurrency: number;
  };
  readonly alerting: {
    readonly smtpUrl?: string;
    readonly mailFrom: string;
    readonly webhookSecret: string;
    readonly adminWebhookUrl?: string;
    /** Hosts a webhook may reach although they are on a private or local network. */
    readonly webhookAllowedHosts: readonly string[];
    /** Minutes after the alert at which it escalates to the second line, then to managers and the DPO. */
    readonly escalationMinutes: readonly number[];
    readonly deliveryMaxAttempts: number;
    readonly heartbeatMs: number;
    readonly stallAfterMs: number;
  };
  /** Web Push: keys from the environment, or (unset) generated once and kept in the database. */
  readonly push: { readonly vapid?: { readonly publicKey: string; readonly privateKey: string }; readonly subject: string };
  readonly organisation: { readonly name: string; readonly number?: string; readonly dpo?: { readonly name: string; readonly email: string; readonly phone: string }; readonly dpoPhone?: string };
  readonly redisUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once, validates it, and returns a frozen config; throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const milestones = [...new Set(e.MILESTONE_HOURS)].sort((a, b) => a - b);
  const problems: string[] = [];
  if (milestones.some((h) => h <= 0 || h >= 72)) problems.push('MILESTONE_HOURS: each milestone must be between 0 and 72 hours');
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) problems.push('JWT_SECRET: required in production');
  if (e.CLOCK_PLANNER_EVERY_SECONDS * 2 > e.CLOCK_HORIZON_SECONDS) {
    problems.push('CLOCK_PLANNER_EVERY_SECONDS: must be at most half of CLOCK_HORIZON_SECONDS, so every milestone is planned before it is due');
  }
  if (e.NODE_ENV === 'production' && !e.WEBHOOK_SECRET) problems.push('WEBHOOK_SECRET: required in production (receivers verify the signature with it)');
  if (e.STALL_AFTER_SECONDS <= e.HEARTBEAT_SECONDS) problems.push('STALL_AFTER_SECONDS: must be longer than HEARTBEAT_SECONDS');
  if (e.AGENDA_LOCK_LIFETIME_MS <= e.AGENDA_PROCESS_EVERY_MS) {
    problems.push('AGENDA_LOCK_LIFETIME_MS: must be longer than AGENDA_PROCESS_EVERY_MS');
  }
  if (!e.VAPID_PUBLIC_KEY !== !e.VAPID_PRIVATE_KEY) problems.push('VAPID_PUBLIC_KEY: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither');
  if (problems.length) throw new ConfigError(problems);

  const config: Config = {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, trustProxy: e.TRUST_PROXY, ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}) },
    logLevel: e.LOG_LEVEL,
    database: {
      ...(e.MONGODB_URI ? { uri: e.MONGODB_URI } : {}),
      name: e.MONGODB_DB,
      dataDir: e.DATA_DIR,
      ferretdbPort: e.FERRETDB_PORT,
    },
    roles: { web: e.PROCESS_ROLES.includes('web'), worker: e.PROCESS_ROLES.includes('worker') },
    auth: {
      jwtSecret: e.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      jwtSecretGenerated: !e.JWT_SECRET,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      ...(e.ADMIN_EMAIL ? { adminEmail: e.ADMIN_EMAIL } : {}),
      ...(e.ADMIN_PASSWORD ? { adminPassword: e.ADMIN_PASSWORD } : {}),
    },
    clock: {
      milestoneHours: milestones,
      overdueRepeatHours: e.OVERDUE_REPEAT_HOURS,
      triageLimitHours: e.TRIAGE_LIMIT_HOURS,
      controllerNoticeTargetHours: e.CONTROLLER_NOTICE_TARGET_HOURS,
      horizonMs: e.CLOCK_HORIZON_SECONDS * 1000,
      plannerEveryMs: e.CLOCK_PLANNER_EVERY_SECONDS * 1000,
    },
    scheduler: {
      processEveryMs: e.AGENDA_PROCESS_EVERY_MS,
      lockLifetimeMs: e.AGENDA_LOCK_LIFETIME_MS,
      lockLimit: e.AGENDA_LOCK_LIMIT,
      maxConcurrency: e.AGENDA_MAX_CONCURRENCY,
    },
    alerting: {
      ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
      mailFrom: e.MAIL_FROM,
      webhookSecret: e.WEBHOOK_SECRET ?? randomBytes(32).toString('base64url'),
      ...(e.ADMIN_WEBHOOK_URL ? { adminWebhookUrl: e.ADMIN_WEBHOOK_URL } : {}),
      webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
      escalationMinutes: e.ESCALATION_MINUTES,
      deliveryMaxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      heartbeatMs: e.HEARTBEAT_SECONDS * 1000,
      stallAfterMs: e.STALL_AFTER_SECONDS * 1000,
    },
    push: {
      ...(e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { vapid: { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY } } : {}),
      subject: e.VAPID_SUBJECT ?? (e.PUBLIC_URL?.startsWith('https://') ? e.PUBLIC_URL : 'mailto:breach-clock@localhost'),
    },
    organisation: {
      name: e.ORGANISATION_NAME,
      ...(e.ORGANISATION_NUMBER ? { number: e.ORGANISATION_NUMBER.replace(/ /g, '') } : {}),
      ...(e.DPO_NAME ? { dpo: { name: e.DPO_NAME, email: e.DPO_EMAIL ?? '', phone: e.DPO_PHONE ?? '' } } : {}),
      ...(e.DPO_PHONE ? { dpoPhone: e.DPO_PHONE } : {}),
    },
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
