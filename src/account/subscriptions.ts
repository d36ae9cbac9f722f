/**
 * The subscription types an account can have, and the user limit each brings (PRODUCT.md C3, D1;
 * guide 3.2.2 "Votre abonnement : type de votre abonnement"). The guide names no types: these four
 * are Guichet's, chosen so that the column defaults (accounts.subscription 'professional',
 * accounts.user_limit 10) are one of them. Changing an account's type sets accounts.user_limit to
 * the type's limit (src/account/section-service.ts); every user counts toward it, deactivated and
 * API users too (src/users/service.ts createUser).
 */
export const SUBSCRIPTIONS = {
  starter: { userLimit: 3 },
  professional: { userLimit: 10 },
  business: { userLimit: 25 },
  enterprise: { userLimit: 100 },
} as const satisfies Record<string, { userLimit: number }>;

export type SubscriptionType = keyof typeof SUBSCRIPTIONS;

/** The types in the order the account page offers them, smallest first. */
export const SUBSCRIPTION_TYPES = Object.keys(SUBSCRIPTIONS) as SubscriptionType[];

/** True when `value` is a subscription type of this version. */
export function isSubscriptionType(value: string): value is SubscriptionType {
  return Object.hasOwn(SUBSCRIPTIONS, value);
}

/** How many users (API users and deactivated users included) a subscription type allows. */
export function userLimitOf(type: SubscriptionType): number {
  return SUBSCRIPTIONS[type].userLimit;
}
