import { css } from 'lit';

/** Styles of the outlook's model line, overdue note and model-check disclosure (a compact numeric table). */
export const outlookStyles = css`
  .outlook .note {
    margin: var(--crm-space-sm) 0 0;
    font-size: var(--crm-font-size-xs);
  }
  .outlook .overdue {
    color: var(--crm-color-text);
    padding-inline-start: var(--crm-space-sm);
    border-inline-start: 3px solid var(--crm-customer-360-risk-medium);
  }
  .check {
    margin-top: var(--crm-space-sm);
    font-size: var(--crm-font-size-xs);
  }
  .check summary {
    cursor: pointer;
    color: var(--crm-color-accent);
    font-weight: var(--crm-font-weight-strong);
  }
  .check summary:focus-visible {
    outline: 2px solid var(--crm-color-focus);
    outline-offset: 2px;
  }
  .check-table {
    width: 100%;
    margin-top: var(--crm-space-xs);
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .check-table caption {
    text-align: start;
    color: var(--crm-color-text-muted);
    padding-bottom: var(--crm-space-xs);
  }
  .check-table th,
  .check-table td {
    padding: 2px 4px;
    text-align: end;
    border-bottom: 1px solid var(--crm-color-grid);
  }
  .check-table th[scope='row'],
  .check-table thead th:first-child {
    text-align: start;
  }
  .check-table thead th {
    color: var(--crm-color-text-muted);
    font-weight: normal;
  }
  .check-table tfoot th,
  .check-table tfoot td {
    font-weight: var(--crm-font-weight-strong);
    border-bottom: 0;
  }
`;
