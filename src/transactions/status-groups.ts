/**
 * The status groups of View transactions (PRODUCT.md N1): the checkboxes of the search form, each
 * standing for the order statuses (reference §1.1) it covers. One table, read by the form, the
 * query and the Support pages alike; every status the platform stores is in exactly one group
 * (88 is only ever a querydirect answer, never an order's status).
 *
 * | group             | statuses                        | why                                                        |
 * |-------------------|---------------------------------|------------------------------------------------------------|
 * | authorised        | 5, 50, 56                       | authorised, awaiting capture (§1.1; 56 "OK with scheduled payments") |
 * | captured          | 9, 95, 96                       | payment requested, or set paid by the merchant; 96 a reversed refund leaves it paid |
 * | capture_pending   | 91                              | the data capture is processed offline                      |
 * | refunded          | 7, 74, 75, 8, 84, 85            | payment deleted or refunded (done, or handled by the merchant) |
 * | refund_pending    | 71, 81                          | deletion or refund processed offline                       |
 * | cancelled         | 1, 6, 61, 64                    | cancelled by the customer, authorisation deleted (61: deletion processed offline) |
 * | refused           | 2, 57, 63, 73, 83, 93, 94       | the acquirer refused the authorisation or a maintenance    |
 * | uncertain         | 52, 62, 72, 82, 92              | result unknown: communication problem with the acquirer (second digit 2) |
 * | invalid           | 0                               | invalid or incomplete (NCERROR explains why)               |
 * | waiting           | 4, 40, 41, 46, 51, 55, 59, 99   | stored, waiting for the customer, 3-D Secure, an offline or manual authorisation |
 *
 * The grouping follows the platform's own reading of a code (second digit 1: pending offline,
 * 2: uncertain, 3: refused) and a plugin's UI groups (reference §1.1 "UI status groups").
 */
export const STATUS_GROUPS = {
  authorised: [5, 50, 56],
  captured: [9, 95, 96],
  capture_pending: [91],
  refunded: [7, 74, 75, 8, 84, 85],
  refund_pending: [71, 81],
  cancelled: [1, 6, 61, 64],
  refused: [2, 57, 63, 73, 83, 93, 94],
  uncertain: [52, 62, 72, 82, 92],
  invalid: [0],
  waiting: [4, 40, 41, 46, 51, 55, 59, 99],
} as const satisfies Record<string, readonly number[]>;

export type StatusGroup = keyof typeof STATUS_GROUPS;

/** The groups in the order the form lists them. */
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];

export function isStatusGroup(value: string): value is StatusGroup {
  return Object.hasOwn(STATUS_GROUPS, value);
}

/** The statuses of some groups, each once, in ascending order. */
export function statusesOf(groups: readonly StatusGroup[]): number[] {
  return [...new Set(groups.flatMap((group) => STATUS_GROUPS[group]))].sort((a, b) => a - b);
}

/** The group a status belongs to; undefined for a code no order has (88). */
export function groupOf(status: number): StatusGroup | undefined {
  return STATUS_GROUP_NAMES.find((group) => (STATUS_GROUPS[group] as readonly number[]).includes(status));
}
