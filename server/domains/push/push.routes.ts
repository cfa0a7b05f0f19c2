import { can, publicAccess, route, signedIn, type AnyRoute } from '../../http/route.js';
import type { Clock } from '../../lib/clock.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { AlertService } from '../alerts/alert.service.js';
import { actorOf, type Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import { langOf } from '../../http/lang.js';
import { hasPermission } from '../access/permissions.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { UserService } from '../users/user.service.js';
import { verifyPushAckToken, type AckTokenSettings } from './push-ack.js';
import { RenewBody, AckBody, AckView, CreatedSubscriptionView, IdParams, KeyView, ReachabilityView, RotaReachabilityView, SubscribeBody, SubscriptionView, TestAlertView, TestResultView } from './push.schemas.js';
import { z } from 'zod';
import { presentSubscription, type PushService } from './push.service.js';

export interface PushRouteDeps {
  push: PushService;
  alerts: AlertService;
  incidents: IncidentService;
  users: UserService;
  ack: AckTokenSettings;
  clock: Clock;
}

export function pushRoutes({ push, alerts, incidents, users, ack, clock }: PushRouteDeps): AnyRoute[] {
  return [
    route<Actor>({
      method: 'get', path: '/push/key', summary: 'The VAPID public key a browser subscribes with', tag: 'push', access: signedIn, response: KeyView,
      handle: async () => ({ publicKey: (await push.keys()).publicKey }),
    }),
    route<Actor, typeof SubscribeBody>({
      method: 'post', path: '/push/subscriptions', summary: "Turn push on for this device (the browser's subscription and a device name)", tag: 'push',
      access: signedIn, body: SubscribeBody, status: 201, response: CreatedSubscriptionView,
      handle: async ({ body, actor, req }) => {
        const saved = await push.subscribe(auditContext(req, actor), actor, body, langOf(req));
        return { id: String(saved._id), deviceName: saved.deviceName, createdAt: saved.createdAt.toISOString() };
      },
    }),
    route<undefined, typeof RenewBody>({
      method: 'post', path: '/push/subscriptions/renew', summary: "The service worker hands over the browser's new subscription, proving the old one with its auth secret", tag: 'push',
      access: publicAccess, body: RenewBody, response: CreatedSubscriptionView,
      handle: async ({ body, req }) => {
        const saved = await push.renew(body, langOf(req));
        return { id: String(saved._id), deviceName: saved.deviceName, createdAt: saved.createdAt.toISOString() };
      },
    }),
    route<Actor>({
      method: 'get', path: '/push/subscriptions', summary: "The caller's devices with push turned on", tag: 'push', access: signedIn, response: z.array(SubscriptionView),
      handle: async ({ actor }) => (await push.list(actor.id)).map(presentSubscription),
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'delete', path: '/push/subscriptions/:id', summary: 'Turn push off for one of your devices', tag: 'push', access: signedIn, params: IdParams,
      handle: async ({ params, actor, req }) => {
        await push.remove(auditContext(req, actor), actor, params.id);
        return undefined;
      },
    }),
    route<Actor>({
      method: 'get', path: '/me/reachability', summary: 'The channels that will reach you, and which of them reach you with no dashboard open', tag: 'push', access: signedIn, response: ReachabilityView,
      handle: async ({ actor, req }) => push.reachability(actor, langOf(req)),
    }),
    route<Actor>({
      method: 'post', path: '/me/test-alert', summary: 'Send yourself a test alert on your own channels (not escalated; one a minute)', tag: 'push', access: signedIn, status: 202, response: TestAlertView,
      handle: async ({ actor, req }) => push.testAlert(auditContext(req, actor), actor, langOf(req)),
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/me/test-alert/:id', summary: 'How your test alert went on each channel (sent, pending, failed)', tag: 'push', access: signedIn,
      params: IdParams, response: TestResultView,
      handle: async ({ params, actor, req }) => push.testResult(actor, params.id, langOf(req)),
    }),
    route<Actor>({
      method: 'get', path: '/oncall/reachability', summary: 'Per rota: who is on call now and whether an alert reaches them with no dashboard open', tag: 'push',
      access: can('rota:manage'), response: z.array(RotaReachabilityView),
      handle: async ({ req }) => push.onCallReachability(langOf(req)),
    }),
    route<undefined, typeof AckBody, undefined, typeof IdParams>({
      method: 'post', path: '/alerts/:id/push-ack', summary: "Acknowledge an alert with the signed token from its push notification (the notification's button)", tag: 'alerts',
      access: publicAccess, params: IdParams, body: AckBody, response: AckView,
      handle: async ({ params, body, req }) => {
        const userId = verifyPushAckToken(ack, body.token, params.id, clock.now());
        const user = userId ? await users.findActive(userId) : undefined;
        if (!user) throw notFound('Alert');
        const actor = actorOf(user);
        const alert = await alerts.get(params.id);
        if (alert.kind === 'test') {
          const acked = await alerts.acknowledgeTest(actor, params.id);
          return { id: params.id, acknowledgedAt: acked.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: acked.acknowledgedBy };
        }
        // Need-to-know is checked now: someone taken off a restricted incident since the push cannot acknowledge it.
        const incident = await incidents.get(actor, alert.incidentId).catch(() => undefined);
        if (!incident) throw notFound('Alert');
        if (!hasPermission(actor.roles, 'alert:ack')) throw forbidden('Your roles do not allow alert:ack');
        const acked = await alerts.acknowledge(auditContext(req, actor), actor, params.id, incident);
        return { id: params.id, acknowledgedAt: acked.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: acked.acknowledgedBy };
      },
    }),
  ];
}
