import { LOCKOUT_MS, MAX_FAILED_LOGINS, MAX_OTP_FAILURES } from '../auth/attempts.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from '../auth/sessions.ts';
import { PASSWORD_MAX_AGE_MS, PASSWORD_NOTICE_MS } from '../auth/stage.ts';
import { RETENTION_DAYS } from '../db/schema/accounts.ts';
import { ERROR_LOG_DAYS } from '../error-log/window.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../lib/clock.ts';
import { RECOVERY_CODE_COUNT } from '../otp/recovery-codes.ts';
import { PENDING_SECRET_TTL_MS } from '../otp/setup-service.ts';
import { TOTP_DIGITS, TOTP_PERIOD_S } from '../otp/totp.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password/policy.ts';
import { RESET_PASSWORD_TTL_MS } from '../password/reset-service.ts';
import { PASSWORD_HISTORY_MONTHS, PASSWORD_HISTORY_SIZE } from '../password/service.ts';
import { AUDIT_KEEP_MONTHS } from '../retention/job.ts';
import { INACTIVITY_DAYS } from '../users/inactivity.ts';

/**
 * The limits the user manual and the FAQ quote, in the unit each sentence uses (the unit is in
 * the name). The Support routes pass them to the content files as a prop, so the manual can
 * never promise a limit the rules no longer enforce, and the views import no rule.
 */
export type ManualFacts = {
  /** Sessions (src/auth/sessions.ts). */
  idleMinutes: number;
  warningMinutes: number;
  absoluteHours: number;
  /** Lockout (src/auth/attempts.ts): failed logins in a row, and how long the lock lasts. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Wrong codes in a row at the login's code step before it starts over. */
  maxWrongCodes: number;
  /** Passwords (src/password/policy.ts, src/password/service.ts, src/auth/stage.ts). */
  passwordMinLength: number;
  passwordMaxLength: number;
  passwordHistory: number;
  /** Nor any password used in this many months (src/password/service.ts). */
  passwordHistoryMonths: number;
  passwordMaxAgeDays: number;
  passwordNoticeDays: number;
  /** How long a one-time password from "Password forgotten?" works (src/password/reset-service.ts). */
  resetHours: number;
  /** Two-factor authentication (src/otp/): QR code lifetime, recovery codes, the app's codes. */
  qrMinutes: number;
  recoveryCodes: number;
  codeDigits: number;
  codePeriodSeconds: number;
  /** Users without a login for this many days are deactivated (src/users/inactivity.ts, PCI DSS 8.2.6). */
  inactivityDays: number;
  /** Data retention (PRODUCT.md C6): the account setting's bounds and default, and the audit log's months (src/retention/job.ts). */
  retentionMinDays: number;
  retentionMaxDays: number;
  retentionDefaultDays: number;
  auditKeepMonths: number;
  /** The error log shows and keeps this many days (src/error-log/window.ts, PRODUCT.md J1). */
  errorLogDays: number;
};

/** The figures, read from the constants of the rules that enforce them. */
export const MANUAL_FACTS: ManualFacts = {
  idleMinutes: IDLE_TIMEOUT_MS / MINUTE_MS,
  warningMinutes: IDLE_WARNING_MS / MINUTE_MS,
  absoluteHours: ABSOLUTE_TIMEOUT_MS / HOUR_MS,
  maxFailedLogins: MAX_FAILED_LOGINS,
  lockoutMinutes: LOCKOUT_MS / MINUTE_MS,
  maxWrongCodes: MAX_OTP_FAILURES,
  passwordMinLength: PASSWORD_MIN_LENGTH,
  passwordMaxLength: PASSWORD_MAX_LENGTH,
  passwordHistory: PASSWORD_HISTORY_SIZE,
  passwordHistoryMonths: PASSWORD_HISTORY_MONTHS,
  passwordMaxAgeDays: PASSWORD_MAX_AGE_MS / DAY_MS,
  passwordNoticeDays: PASSWORD_NOTICE_MS / DAY_MS,
  resetHours: RESET_PASSWORD_TTL_MS / HOUR_MS,
  qrMinutes: PENDING_SECRET_TTL_MS / MINUTE_MS,
  recoveryCodes: RECOVERY_CODE_COUNT,
  codeDigits: TOTP_DIGITS,
  codePeriodSeconds: TOTP_PERIOD_S,
  inactivityDays: INACTIVITY_DAYS,
  retentionMinDays: RETENTION_DAYS.min,
  retentionMaxDays: RETENTION_DAYS.max,
  retentionDefaultDays: RETENTION_DAYS.default,
  auditKeepMonths: AUDIT_KEEP_MONTHS,
  errorLogDays: ERROR_LOG_DAYS,
};
