import { z } from 'zod';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** True for the 24-hex-digit ids the database gives documents; anything else cannot name one. */
export const isObjectId = (value: string): boolean => OBJECT_ID.test(value);

/** The same rule at a boundary, with the message a caller sees. */
export const ObjectIdString = (message = 'field.not-an-id') => z.string().regex(OBJECT_ID, message);
