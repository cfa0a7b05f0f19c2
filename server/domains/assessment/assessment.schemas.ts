import { z } from 'zod';
import { ObjectIdString } from '../../lib/ids.js';
import { problemCode } from '../../http/refusal.js';

export const RecordDecision = z
  .strictObject({
    assessmentId: ObjectIdString(),
    notifySA: z.boolean(),
    notifySubjects: z.boolean(),
    exemption: z.enum(['encrypted', 'mitigated', 'disproportionate']).nullable().default(null),
    /** Required when the decision departs from the recommendation, and for "do not notify". */
    reason: z.string().trim().max(5_000).default(''),
    evidence: z
      .strictObject({
        keyCustody: z.string().trim().max(2_000),
        measuresTaken: z.string().trim().max(5_000),
        measuresAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
        whyDisproportionate: z.string().trim().max(5_000),
      })
      .partial()
      .default({}),
  })
  .superRefine((d, ctx) => {
    if (d.exemption && d.notifySubjects) ctx.addIssue({ code: 'custom', path: ['exemption'], message: problemCode('field.exemption-means-not-told') });
    if (d.notifySubjects && !d.notifySA) ctx.addIssue({ code: 'custom', path: ['notifySA'], message: problemCode('field.told-means-notified') });
  });
export type RecordDecision = z.infer<typeof RecordDecision>;
