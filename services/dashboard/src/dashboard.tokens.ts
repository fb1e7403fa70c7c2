/** Injection token of the DashboardOptions. */
export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');
