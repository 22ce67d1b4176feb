import type { EntityManager } from 'typeorm';

/**
 * SQL that is true when the organisations in the two column expressions may see each other's
 * candidates: the same organisation, or a live agreement approved by both admins. One definition,
 * used by blocking, the queue, the side-by-side view and the workflow, so that withdrawing an
 * agreement hides everything at once.
 */
export function mayMatchAcrossSql(orgX: string, orgY: string): string {
  return `(${orgX} = ${orgY} OR EXISTS (
    SELECT 1 FROM sharing_agreement sa
    WHERE sa.organisation_a_id = LEAST(${orgX}, ${orgY}) AND sa.organisation_b_id = GREATEST(${orgX}, ${orgY})
      AND sa.withdrawn_at IS NULL AND sa.approved_at_a IS NOT NULL AND sa.approved_at_b IS NOT NULL))`;
}

/** The organisations whose records this organisation's records are matched against: itself and its live partners. */
export async function matchingOrganisations(manager: EntityManager, organisationId: string): Promise<string[]> {
  const rows: { partner: string }[] = await manager.query(
    `SELECT CASE WHEN organisation_a_id = $1 THEN organisation_b_id ELSE organisation_a_id END AS partner
     FROM sharing_agreement
     WHERE (organisation_a_id = $1 OR organisation_b_id = $1)
       AND withdrawn_at IS NULL AND approved_at_a IS NOT NULL AND approved_at_b IS NOT NULL`,
    [organisationId],
  );
  return [organisationId, ...rows.map((r) => r.partner)];
}

/** Whether two organisations may see each other's candidates now. */
export async function mayMatchAcross(manager: EntityManager, orgX: string, orgY: string): Promise<boolean> {
  const [row]: { allowed: boolean }[] = await manager.query(`SELECT ${mayMatchAcrossSql('$1::uuid', '$2::uuid')} AS allowed`, [orgX, orgY]);
  return row.allowed;
}
