/** Rule and template ids: lower-case letters, digits and dashes. */
export const RULE_ID = /^[a-z][a-z0-9-]*$/;
