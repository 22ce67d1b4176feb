export const ROLES = ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
