export interface AuthEvents {
  /** A session ended by itself (sign-out, refresh-token reuse). */
  'session.ended': { sessionId: string };
}
