import { css } from 'lit';

/**
 * Styles of the customer card's vehicles panel. It spans the whole grid row in medium and wide layouts; its
 * vehicles flow in as many columns as fit. Due states take `--crm-customer-360-due-*`, read with their defaults
 * as fallbacks (never declared on `:host`), so a page can set them on any ancestor.
 */
export const vehicleStyles = css`
  .size-medium .vehicles,
  .size-wide .vehicles {
    grid-column: 1 / -1;
  }
  .fleet-summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--crm-space-md);
    font-size: var(--crm-font-size-sm);
  }
  .fleet-count {
    font-weight: var(--crm-font-weight-strong);
  }
  .fleet-due.has-due {
    color: var(--crm-customer-360-due-soon, var(--crm-color-warning));
    font-weight: var(--crm-font-weight-strong);
  }
  .fleet-overdue {
    color: var(--crm-customer-360-due-overdue, var(--crm-color-negative));
    font-weight: var(--crm-font-weight-strong);
  }
  .vehicle-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: var(--crm-space-sm) var(--crm-space-md);
  }
  /* A car owner's one to three vehicles stretch over the row, their facts side by side. */
  .vehicles.few .vehicle-list {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
  }
  .vehicles.few .vehicle-facts {
    grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
  }
  .vehicle {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    padding: var(--crm-space-sm);
    border: 1px solid var(--crm-color-border);
    border-inline-start: 3px solid var(--crm-color-border);
    border-radius: var(--crm-radius-sm);
    background: var(--crm-color-bg);
  }
  .vehicle.due-overdue {
    border-inline-start-color: var(--crm-customer-360-due-overdue, var(--crm-color-negative));
  }
  .vehicle.due-due-soon {
    border-inline-start-color: var(--crm-customer-360-due-soon, var(--crm-color-warning));
  }
  .vehicle.due-ok {
    border-inline-start-color: var(--crm-customer-360-due-ok, var(--crm-color-positive));
  }
  .vehicle-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 2px var(--crm-space-sm);
  }
  .vehicle-name {
    font-weight: var(--crm-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .vehicle-sub,
  .fact-sub {
    font-size: var(--crm-font-size-xs);
    color: var(--crm-color-text-muted);
    overflow-wrap: anywhere;
  }
  .due-badge {
    font-size: var(--crm-font-size-xs);
    font-weight: var(--crm-font-weight-strong);
    padding: 0 var(--crm-space-xs);
    border-radius: var(--crm-radius-sm);
    border: 1px solid currentColor;
    color: var(--crm-color-text-muted);
    overflow-wrap: anywhere;
  }
  .due-badge.due-overdue {
    color: var(--crm-customer-360-due-overdue, var(--crm-color-negative));
  }
  .due-badge.due-due-soon {
    color: var(--crm-customer-360-due-soon, var(--crm-color-warning));
  }
  .due-badge.due-ok {
    color: var(--crm-customer-360-due-ok, var(--crm-color-positive));
  }
  .vehicle-facts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--crm-space-xs) var(--crm-space-md);
    margin-top: var(--crm-space-xs);
  }
  .vehicle-facts dd {
    display: flex;
    flex-direction: column;
    font-size: var(--crm-font-size-sm);
    overflow-wrap: anywhere;
  }
  .rule {
    font-size: var(--crm-font-size-xs);
  }
`;
