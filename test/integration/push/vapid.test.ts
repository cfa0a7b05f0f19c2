import assert from 'node:assert/strict';
import webpush from 'web-push';
import { loadConfig } from '../../../server/config.js';
import { pushModels } from '../../../server/domains/push/push.model.js';
import { loadVapidKeys } from '../../../server/domains/push/vapid.js';
import { ManualClock } from '../../support/clock.js';
import { openTestDatabase } from '../../support/database.js';

describe('VAPID keys', () => {
  it('are generated once for a single-machine install: instances starting together all get the same pair', async () => {
    const db = await openTestDatabase('vapid');
    try {
      const { VapidKeys } = pushModels(db.connection);
      await VapidKeys.init();
      const clock = new ManualClock();
      const pairs = await Promise.all(Array.from({ length: 5 }, () => loadVapidKeys(undefined, 'mailto:ops@example.no', VapidKeys, clock)));
      assert.equal(new Set(pairs.map((p) => `${p.publicKey}:${p.privateKey}`)).size, 1);
      assert.equal(await VapidKeys.countDocuments({}), 1);
      assert.equal(Buffer.from(pairs[0]!.publicKey, 'base64url').length, 65);
      const later = await loadVapidKeys(undefined, 'mailto:ops@example.no', VapidKeys, clock);
      assert.equal(later.publicKey, pairs[0]!.publicKey, 'and keep it across restarts');
    } finally {
      await db.close();
    }
  });

  it('come from the environment when set (both or neither), and the database is not touched', async () => {
    const keys = webpush.generateVAPIDKeys();
    const config = loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ops@example.no' });
    assert.deepEqual(config.push, { vapid: keys, subject: 'mailto:ops@example.no' });
    assert.throws(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey }), /VAPID_PUBLIC_KEY: set both/);
    assert.throws(() => loadConfig({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: keys.privateKey }), /VAPID_PUBLIC_KEY/);
    assert.throws(() => loadConfig({ VAPID_SUBJECT: 'ops@example.no' }), /VAPID_SUBJECT: a mailto: address or an https: URL/);
    const db = await openTestDatabase('vapidenv');
    try {
      const { VapidKeys } = pushModels(db.connection);
      const loaded = await loadVapidKeys(config.push.vapid, config.push.subject, VapidKeys, new ManualClock());
      assert.equal(loaded.publicKey, keys.publicKey);
      assert.equal(await VapidKeys.countDocuments({}), 0);
    } finally {
      await db.close();
    }
  });
});
