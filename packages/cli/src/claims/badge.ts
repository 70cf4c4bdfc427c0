// A shields.io "endpoint" badge: https://shields.io/badges/endpoint-badge (schemaVersion 1).
import type { ClaimsReport } from "./report.js";

export interface Badge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: string;
}

export function badgeFor(report: ClaimsReport): Badge {
  const { failed, passed } = report.totals;
  const claims = report.claims.length;
  return {
    schemaVersion: 1,
    label: "claims checked",
    message:
      failed > 0
        ? `${failed} of ${passed + failed} checks fail`
        : `${claims} claim${claims === 1 ? "" : "s"}, ${passed} checks pass`,
    color: failed > 0 ? "red" : report.ok ? "brightgreen" : "yellow",
  };
}
