import type { Context } from 'hono';
import { BadRequest } from './errors.ts';

/** The text fields of a posted form (files are ignored here). A body that cannot be read is a 400. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new BadRequest('unreadable form body');
  }
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') form[name] = value;
  }
  return form;
}
