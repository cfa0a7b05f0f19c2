import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * One browser on one device that asked for push: the push service's endpoint (unique: a browser
 * profile has one per application server key) and the keys the payload is encrypted to.
 */
export interface PushSubscription {
  _id: Types.ObjectId;
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  deviceName: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
  /** When the push service said the subscription no longer exists (404/410): nothing is sent to it, and the device is told to turn push on again. */
  goneAt: Date | null;
}

const subscriptionSchema = new Schema<PushSubscription>(
  {
    userId: { type: String, required: true },
    endpoint: { type: String, required: true },
    keys: { type: new Schema({ p256dh: { type: String, required: true }, auth: { type: String, required: true } }, { _id: false }), required: true },
    deviceName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSuccessAt: { type: Date, default: null },
    goneAt: { type: Date, default: null },
  },
  { versionKey: false },
);
subscriptionSchema.index({ endpoint: 1 }, { unique: true });
// Serves a person's devices (their list, the dispatcher, reachability).
subscriptionSchema.index({ userId: 1, createdAt: 1 });

/** The install's VAPID key pair when the environment gives none; one document under a fixed id, so every instance uses the same. */
export interface StoredVapidKeys {
  _id: string;
  publicKey: string;
  privateKey: string;
  createdAt: Date;
}

const vapidSchema = new Schema<StoredVapidKeys>({ _id: String, publicKey: String, privateKey: String, createdAt: Date }, { versionKey: false });

export function pushModels(connection: Connection) {
  return {
    PushSubscriptions: (connection.models.PushSubscription as Model<PushSubscription> | undefined)
      ?? connection.model<PushSubscription>('PushSubscription', subscriptionSchema, 'push_subscriptions'),
    // Its own collection: a secret, read by nothing that lists or exports records.
    VapidKeys: (connection.models.VapidKeys as Model<StoredVapidKeys> | undefined) ?? connection.model<StoredVapidKeys>('VapidKeys', vapidSchema, 'vapid_keys'),
  };
}
