import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { DeliveryMessage } from '../../../notifications/messages/clock.messages.js';

export const CHANNELS = ['email', 'webhook', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One alert to one recipient over one channel. The key (alert, channel, recipient) is unique, so a
 * second instance or a repeated escalation step never sends it twice; attempts and the last error
 * stay on record.
 */
export interface Delivery {
  _id: Types.ObjectId;
  key: string;
  alertId: string;
  channel: Channel;
  /** E-mail address, webhook URL, or the id of a push subscription. */
  recipient: string;
  userId: string | null;
  level: number;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** The last failure in English, for logs (deliveries from before `failure` have only this). */
  lastError: string | null;
  /** The last failure as catalogue words, worded in the reader's language when read. */
  failure?: DeliveryMessage | null;
  createdAt: Date;
  sentAt: Date | null;
}

const deliverySchema = new Schema<Delivery>(
  {
    key: { type: String, required: true },
    alertId: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    recipient: { type: String, required: true },
    userId: { type: String, default: null },
    level: { type: Number, required: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], required: true },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    failure: { type: new Schema({ code: String, params: Schema.Types.Mixed }, { _id: false }), default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false },
);
// Once per alert, channel and recipient.
deliverySchema.index({ key: 1 }, { unique: true });
// Serves an alert's delivery list.
deliverySchema.index({ alertId: 1 });

export function deliveryModel(connection: Connection): Model<Delivery> {
  return connection.models.Delivery ?? connection.model<Delivery>('Delivery', deliverySchema);
}
