import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z} from 'zod';
import { type ZodType } from 'zod';
import { AppError } from '../lib/errors.js';
import { zodDetails } from './error-handler.js';

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

function parsePart(schema: ZodType | undefined, value: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError(400, 'invalid_input', 'The request is not valid', zodDetails(result.error, prefix));
  return result.data;
}

/** Builds the Express router from the route table: authenticate → authorise → validate → handler → JSON. */
export function buildRouter(routes: AnyRoute[], guard: Guard): Router {
  const router = Router();
  for (const spec of routes) {
    const handler: RequestHandler = async (req, res) => {
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
