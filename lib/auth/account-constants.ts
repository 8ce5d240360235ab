/** The name shown for contributions whose author deleted their account but kept them. */
export const DELETED_ACCOUNT_NAME = "[deleted account]";
