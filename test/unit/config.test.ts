import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('config', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.http.host, '127.0.0.1');
    assert.equal(config.http.port, 3000);
    assert.equal(config.database.uri, undefined);
    assert.equal(config.database.dataDir, './data');
    assert.deepEqual(config.clock.milestoneHours, [24, 48, 60, 66, 70, 71]);
    assert.equal(config.auth.jwtSecretGenerated, true);
    assert.ok(Object.isFrozen(config.clock.milestoneHours));
  });

  it('names each bad variable and why', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', MILESTONE_HOURS: '24,abc' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const joined = err.problems.join('\n');
        assert.match(joined, /^PORT: /m);
        assert.match(joined, /^MONGODB_URI: must start with mongodb/m);
        assert.match(joined, /^MILESTONE_HOURS: /m);
        return true;
      },
    );
  });

  it('refuses production without a JWT secret', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /JWT_SECRET: required in production/);
  });

  it('refuses a milestone at or past the deadline', () => {
    assert.throws(() => loadConfig({ MILESTONE_HOURS: '24,72' }), /MILESTONE_HOURS: each milestone must be between 0 and 72/);
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ MONGODB_URI: '', PORT: '' }).http.port, 3000);
  });
});
