import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { LANGS, NOTICE_KINDS, PHASES, type NoticeKind, type Phase } from '../../../notifications/catalog.js';
import type { Lang } from '../../../notifications/labels.js';
import type { PersonRef } from '../incidents/incident.model.js';

export const TEMPLATE_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** One version of a notice template. Versions are never edited once submitted; only the latest approved one is used. */
export interface TemplateVersion {
  _id: Types.ObjectId;
  kind: NoticeKind;
  lang: Lang;
  version: number;
  status: (typeof TEMPLATE_STATUSES)[number];
  subject: string;
  html: string;
  text: string;
  note: string;
  author: PersonRef;
  createdAt: Date;
  submittedAt: Date | null;
  review: { by: PersonRef; at: Date; comment: string } | null;
}

export const NOTICE_STATUSES = ['draft', 'approved', 'sent'] as const;

/** A notice rendered for an incident. Approval freezes it: content, template version, facts and SHA-256. */
export interface Notice {
  _id: Types.ObjectId;
  incidentId: string;
  kind: NoticeKind;
  lang: Lang;
  phase: Phase;
  templateVersionId: string;
  templateVersion: number;
  status: (typeof NOTICE_STATUSES)[number];
  subject: string;
  html: string;
  text: string;
  delayReasons: string;
  adviceToSubjects: string;
  /** A first or partial notice to Datatilsynet: when it says the follow-up will be sent (the owed follow-up's due time once filed). */
  followUpDueAt?: Date | null;
  /** The incident as it was when rendered. */
  facts: Record<string, unknown>;
  contentHash: string;
  createdBy: PersonRef;
  createdAt: Date;
  approvedBy: PersonRef | null;
  approvedAt: Date | null;
  sent: { at: Date; channel: string; reference: string; audience: string; recordedBy: PersonRef } | null;
}

const person = new Schema({ id: String, name: String }, { _id: false });

const templateSchema = new Schema<TemplateVersion>(
  {
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    lang: { type: String, enum: LANGS, required: true },
    version: { type: Number, required: true },
    status: { type: String, enum: TEMPLATE_STATUSES, required: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    note: { type: String, default: '' },
    author: { type: person, required: true },
    createdAt: { type: Date, required: true },
    submittedAt: { type: Date, default: null },
    review: { type: new Schema({ by: person, at: Date, comment: String }, { _id: false }), default: null },
  },
  { versionKey: false },
);
// One number per version of a kind and language; serves "latest approved".
templateSchema.index({ kind: 1, lang: 1, version: 1 }, { unique: true });

const noticeSchema = new Schema<Notice>(
  {
    incidentId: { type: String, required: true },
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    lang: { type: String, enum: LANGS, required: true },
    phase: { type: String, enum: PHASES, required: true },
    templateVersionId: { type: String, required: true },
    templateVersion: { type: Number, required: true },
    status: { type: String, enum: NOTICE_STATUSES, required: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    delayReasons: { type: String, default: '' },
    adviceToSubjects: { type: String, default: '' },
    followUpDueAt: { type: Date, default: null },
    facts: { type: Schema.Types.Mixed, required: true },
    contentHash: { type: String, required: true },
    createdBy: { type: person, required: true },
    createdAt: { type: Date, required: true },
    approvedBy: { type: person, default: null },
    approvedAt: { type: Date, default: null },
    sent: { type: new Schema({ at: Date, channel: String, reference: String, audience: String, recordedBy: person }, { _id: false }), default: null },
  },
  { versionKey: false, minimize: false },
);
// Serves an incident's notices.
noticeSchema.index({ incidentId: 1, createdAt: 1 });

export function noticeModels(connection: Connection): { Templates: Model<TemplateVersion>; Notices: Model<Notice> } {
  return {
    Templates: connection.models.TemplateVersion ?? connection.model<TemplateVersion>('TemplateVersion', templateSchema, 'template_versions'),
    Notices: connection.models.Notice ?? connection.model<Notice>('Notice', noticeSchema),
  };
}
