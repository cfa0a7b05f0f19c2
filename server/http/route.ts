import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z} from 'zod';
import { type ZodType } from 'zod';
import { zodDetails } from './error-handler.js';
import { fieldProblem, invalidInput, refused, words } from './refusal.js';

/** Who may call a route: nobody signed in, anybody signed in, or holders of a named permission. */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: string };

export const publicAccess: Access = { kind: 'public' };
export const signedIn: Access = { kind: 'signed-in' };
export const can = (permission: string): Access => ({ kind: 'permission', permission });

export interface RouteContext<B, Q, P, A> {
  body: B;
  query: Q;
  params: P;
  actor: A;
  req: Request;
  res: Response;
}

type Infer<S> = S extends ZodType ? z.infer<S> : undefined;

export interface RouteSpec<B extends ZodType | undefined, Q extends ZodType | undefined, P extends ZodType | undefined, A> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Success status; 200 unless said. */
  status?: number;
  /** The JSON schema of the success answer, for the OpenAPI document. */
  response?: ZodType;
  /** Answers something other than JSON (CSV, PDF, HTML); the handler writes the response itself. */
  raw?: boolean;
  /** The body comes from an HTML form (the acknowledgement page); every other route takes JSON only. */
  form?: boolean;
  handle: (ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, A>) => Promise<unknown>;
}

// The type parameters are erased once a route is in the table; each spec was checked where it was written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

/** Declares a route with its types checked against its own schemas. */
export function route<A, B extends ZodType | undefined = undefined, Q extends ZodType | undefined = undefined, P extends ZodType | undefined = undefined>(
  spec: RouteSpec<B, Q, P, A>,
): AnyRoute {
  return spec as AnyRoute;
}

/** What the route table needs from authentication: a guard that resolves the actor or throws 401/403. */
export type Guard = (req: Request, access: Access) => Promise<unknown>;

// In a u-mode class a surrogate pair is one code point, so this matches only a lone (unpaired) surrogate.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The paths of strings (values or keys) that are not well-formed Unicode, which the database would store altered. */
export function malformedText(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) found.push(path.join('.') || '(root)');
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) found.push([...path, '(key)'].join('.'));
      else malformedText(inner, [...path, key], found);
    }
  }
  return found;
}

function refuseMalformedText(value: unknown, prefix: string): void {
  const paths = malformedText(value, prefix ? [prefix] : []);
  if (paths.length) {
    throw invalidInput(paths.map((path) => fieldProblem(path, words('field.lone-surrogate'))));
  }
}

function parsePart(schema: ZodType | undefined, value: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  refuseMalformedText(value, prefix);
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalidInput(zodDetails(result.error, prefix));
  return result.data;
}

/** Builds the Express router from the route table: authenticate → authorise → validate → handler → JSON. */
export function buildRouter(routes: AnyRoute[], guard: Guard): Router {
  const router = Router();
  for (const spec of routes) {
    const accepted = spec.form ? 'application/x-www-form-urlencoded' : 'application/json';
    const handler: RequestHandler = async (req, res) => {
      const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (hasBody && !req.is(accepted)) {
        throw refused(415, 'unsupported_media_type', words('refused.media-type', { type: accepted }), [fieldProblem('(body)', words('field.content-type', { type: accepted }))]);
      }
      const actor = await guard(req, spec.access);
      const params = parsePart(spec.params, req.params, 'params');
      const query = parsePart(spec.query, req.query, 'query');
      const body = parsePart(spec.body, req.body, '');
      const result = await spec.handle({ body, query, params, actor, req, res });
      if (spec.raw) return;
      if (result === undefined) res.status(spec.status ?? 204).end();
      else res.status(spec.status ?? 200).json(result);
    };
    router[spec.method](spec.path, handler);
  }
  return router;
}
