// @ts-check
/**
 * An ESLint rule that keeps the server's dependencies pointing one way:
 *
 *   lib, notifications (words and rendering)  ←  db, jobs, http  ←  domains  ←  realtime  ←  server/*.ts
 *
 * and, among the domains, in the order of DOMAIN_ORDER: a domain may use those before it, never those
 * after it. A pure module (rules, `*.rules.ts`, or a view contract, `*.view.ts`) may be used by any domain;
 * it may itself use only `access` and other pure modules of another domain. `server/domains/*.ts` (the event map) sits above every domain. lib does not use
 * notifications. Files outside server/ and notifications/ (client, tests, scripts) are not checked.
 */
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Lowest first. A domain folder not listed here counts as above all of them. */
export const DOMAIN_ORDER = [
  'access', 'audit', 'users', 'auth', 'oncall', 'incidents', 'alerts', 'clock', 'assessment', 'notices', 'obligations', 'register', 'casefile', 'push',
];

const TIER = { base: 0, adapters: 1, domains: 2, realtime: 3, root: 4 };

/**
 * Where a repository-relative path sits, or undefined when it is not checked.
 * @param {string} path
 * @returns {{ tier: number, area: string, domain?: number, rules?: boolean } | undefined}
 */
export function placeOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'notifications') return { tier: TIER.base, area: 'notifications' };
  if (parts[0] !== 'server') return undefined;
  if (parts.length === 2) return { tier: TIER.root, area: 'server' };
  const area = parts[1] ?? '';
  if (area === 'lib') return { tier: TIER.base, area };
  if (area === 'db' || area === 'jobs' || area === 'http') return { tier: TIER.adapters, area };
  if (area === 'realtime') return { tier: TIER.realtime, area };
  if (area === 'domains') {
    if (parts.length === 3) return { tier: TIER.domains, area: 'domains', domain: Number.POSITIVE_INFINITY };
    const name = parts[2] ?? '';
    const index = DOMAIN_ORDER.indexOf(name);
    return { tier: TIER.domains, area: `domains/${name}`, domain: index === -1 ? DOMAIN_ORDER.length : index, rules: /\.(rules|view)\.ts$/.test(path) };
  }
  return undefined;
}

/**
 * Why `from` may not import `to` (repository-relative paths), or undefined when it may.
 * @param {string} from
 * @param {string} to
 * @returns {string | undefined}
 */
export function wrongWay(from, to) {
  const a = placeOf(from);
  const b = placeOf(to);
  if (!a || !b) return undefined;
  if (a.area === 'lib' && b.area === 'notifications') return 'server/lib is below notifications/';
  if (b.tier > a.tier) return `${a.area} is below ${b.area}`;
  if (a.tier !== TIER.domains || b.tier !== TIER.domains || a.area === b.area) return undefined;
  const pureTarget = b.rules || b.area === 'domains/access';
  if (a.rules) return pureTarget ? undefined : `a pure module uses only access and pure modules of another domain (${b.area})`;
  if (pureTarget) return undefined;
  if ((b.domain ?? 0) > (a.domain ?? 0)) return `${a.area} comes before ${b.area} in the order of domains`;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Dependencies point one way: lib and notifications ← db, jobs, http ← domains (in their order) ← realtime ← the container' },
    schema: [],
    messages: { wrongWay: 'Import runs the wrong way: {{from}} may not import {{to}} ({{why}}).' },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    if (!placeOf(file)) return {};
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = normalize(join(dirname(file), source.value)).split(sep).join('/').replace(/\.js$/, '.ts');
      const why = wrongWay(file, target);
      if (why) context.report({ node: source, messageId: 'wrongWay', data: { from: file, to: target, why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'import-direction': importDirection } };
