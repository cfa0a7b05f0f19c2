import assert from 'node:assert/strict';
import { ActorCache } from '../../../server/domains/auth/actor-cache.js';
import type { Actor } from '../../../server/domains/access/actor.js';

const actor = (id: string, sessionId: string): Actor => ({ id, email: `${id}@example.test`, name: id, roles: ['analyst'], sessionId });

describe('auth: the actors an instance remembers', () => {
  let now = 0;
  const cache = (options: { maxAgeMs?: number; maxEntries?: number } = {}) => new ActorCache({ ...options, monotonicMs: () => now });
  beforeEach(() => {
    now = 1_000;
  });

  it('answers for the session, user and epoch it was validated at, and nothing else', () => {
    const actors = cache();
    actors.remember('s1', 'u1', 7, actors.now(), actor('u1', 's1'));
    assert.equal(actors.get('s1', 'u1', 7)?.id, 'u1');
    assert.equal(actors.get('s1', 'u1', 8), undefined, 'the epoch moved');
    assert.equal(actors.get('s1', 'u2', 7), undefined, 'another user named with the session');
    assert.equal(actors.get('s2', 'u1', 7), undefined, 'another session');
  });

  it('validates again once the safety maximum has passed since validation began, even at the same epoch', () => {
    const actors = cache({ maxAgeMs: 30_000 });
    const since = actors.now();
    now += 5;
    actors.remember('s1', 'u1', 7, since, actor('u1', 's1'));
    now = since + 30_000;
    assert.ok(actors.get('s1', 'u1', 7));
    now += 1;
    assert.equal(actors.get('s1', 'u1', 7), undefined);
  });

  it('keeps no more than its bound, letting the oldest go', () => {
    const actors = cache({ maxEntries: 2 });
    for (const s of ['s1', 's2', 's3']) actors.remember(s, 'u1', 1, actors.now(), actor('u1', s));
    assert.equal(actors.size, 2);
    assert.equal(actors.get('s1', 'u1', 1), undefined);
    assert.ok(actors.get('s3', 'u1', 1));
  });

  it('does not let a slower validation of an earlier epoch replace a later one', () => {
    const actors = cache();
    actors.remember('s1', 'u1', 9, actors.now(), { ...actor('u1', 's1'), roles: ['manager'] });
    actors.remember('s1', 'u1', 8, actors.now(), actor('u1', 's1'));
    assert.deepEqual(actors.get('s1', 'u1', 9)?.roles, ['manager']);
  });

  it('hands out copies, so a caller changing its actor changes nothing remembered', () => {
    const actors = cache();
    actors.remember('s1', 'u1', 1, actors.now(), actor('u1', 's1'));
    actors.get('s1', 'u1', 1)!.roles.push('admin');
    assert.deepEqual(actors.get('s1', 'u1', 1)?.roles, ['analyst']);
  });
});
