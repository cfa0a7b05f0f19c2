import { z } from 'zod';
import { LANGS, NOTICE_KINDS, PHASES } from '../../../notifications/catalog.js';
import { ObjectIdString } from '../../lib/ids.js';
import { problemCode } from '../../http/refusal.js';

export const NoticeRequest = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  lang: z.enum(LANGS).default('nb'),
  phase: z.enum(PHASES).default('complete'),
  delayReasons: z.string().trim().max(5_000).optional(),
  adviceToSubjects: z.string().trim().max(5_000).optional(),
});

/** `namesChecked`: whoever approves has checked what looks like people's names in the notice, and they may stay. */
export const ApproveNotice = z.strictObject({ namesChecked: z.boolean().default(false) });

export const MarkSent = z.strictObject({
  sentAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  channel: z.string().trim().min(1).max(40),
  reference: z.string().trim().max(200).default(''),
  /** Subject and public notices: who was told and how (e-mail batch, letters, SMS, public page). */
  audience: z.string().trim().max(2_000).default(''),
});

export const TemplateDraftBody = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  lang: z.enum(LANGS),
  subject: z.string().min(1).max(500),
  html: z.string().min(1).max(100_000),
  text: z.string().min(1).max(100_000),
  note: z.string().trim().max(2_000).default(''),
});

export const ReviewBody = z.strictObject({ comment: z.string().trim().min(2, problemCode('field.say-why')).max(2_000) });
export const TemplateQuery = z.strictObject({ kind: z.enum(NOTICE_KINDS).optional(), lang: z.enum(LANGS).optional() });
export const DiffQuery = z.strictObject({ from: ObjectIdString(), to: ObjectIdString() });
export const NoticeIdParams = z.object({ id: ObjectIdString() });
