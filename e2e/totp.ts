import { Secret, TOTP } from 'otpauth';

const PERIOD_S = 30;
const stepAt = (ms: number) => Math.floor(ms / 1000 / PERIOD_S);

/**
 * Computes codes like an authenticator app, and knows that the server accepts each time step
 * once (±1 step): a code for a step after the last one used, waiting for the clock if needed.
 */
export class Authenticator {
  private lastStep = -1;
  private readonly totp: TOTP;

  constructor(secretBase32: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: PERIOD_S });
  }

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      // The server accepts the current step and the one after it.
      const step = Math.max(stepAt(now), this.lastStep + 1);
      if (step <= stepAt(now) + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * PERIOD_S * 1000 });
      }
      await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_S * 1000 - now + 200));
    }
  }
}
