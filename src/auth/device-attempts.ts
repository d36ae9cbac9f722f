import type { RequestContext } from '../context.ts';
import { addOne, forget, latestSince, sumSince, takeBackOne } from './counters.ts';

/**
 * Failures of a client that presents a valid device cookie for the user (decision record 0018),
 * counted per (user, device) in `rate_limits`, apart from the user's own counter: 10 within 30
 * minutes lock that device, and only it, for 30 minutes from the 10th. Each failure is one row
 * at its moment (`login:device:<user>:<device>`); a lock is one row at the moment it started
 * (`login:device-lock:<user>:<device>`). As for the user's counter, an attempt is counted before
 * it is checked, one during a lock is refused uncounted, and after a lock counting starts again
 * from one.
 */

/** Where this device's count stands after claiming an attempt, and the moment it was counted at. */
export type DeviceSlot = { device: string; count: number; at: Date };

const failures = (userId: string, device: string) => `login:device:${userId}:${device}`;
const lock = (userId: string, device: string) => `login:device-lock:${userId}:${device}`;

/**
 * Counts an attempt from `device` for the user before it is checked. Null while the device is
 * locked, or when parallel attempts have already taken the `max` places of the stretch (that
 * attempt is not checked). The claim that takes place `max` starts the lock.
 */
export async function claimDeviceAttempt(
  ctx: Pick<RequestContext, 'db' | 'clock'>,
  userId: string,
  device: string,
  limits: { max: number; windowMs: number },
): Promise<DeviceSlot | null> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - limits.windowMs);
  if (await latestSince(ctx.db, lock(userId, device), since)) return null;
  await addOne(ctx.db, failures(userId, device), now);
  // Every attempt committed before this one is in the sum: at most `max` claims see `max` or less.
  const count = await sumSince(ctx.db, failures(userId, device), since);
  if (count > limits.max) return null;
  if (count === limits.max) await addOne(ctx.db, lock(userId, device), now);
  return { device, count, at: now };
}

/** A right attempt gives its place back, and the lock it may have started. */
export async function releaseDeviceAttempt(
  ctx: Pick<RequestContext, 'db'>,
  userId: string,
  slot: DeviceSlot,
  limits: { max: number },
): Promise<void> {
  await takeBackOne(ctx.db, failures(userId, slot.device), slot.at);
  if (slot.count === limits.max) await takeBackOne(ctx.db, lock(userId, slot.device), slot.at);
}

/** A completed login from the device: its count starts again. */
export async function clearDevice(ctx: Pick<RequestContext, 'db'>, userId: string, device: string): Promise<void> {
  await forget(ctx.db, failures(userId, device), lock(userId, device));
}
