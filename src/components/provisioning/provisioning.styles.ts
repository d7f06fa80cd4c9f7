import { css } from 'lit';

/** Layout of `<lc-provisioning>`: one column that fits 320 px, logical properties only (RTL). */
export const provisioningStyles = css`
  :host {
    display: block;
    /* Domains, ids and user names are long unbroken values: they wrap rather than widen the step. */
    overflow-wrap: anywhere;
  }
  section {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  .step-heading {
    margin: 0;
  }
  p {
    margin: 0;
  }
  /* Task labels, details and the outcome come from the backend: long unbroken text wraps
     rather than widening the page (buttons keep their own rules). */
  p,
  li,
  dd,
  .task-detail {
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .order-id {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .icon {
    display: inline-flex;
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .icon svg {
    inline-size: 100%;
    block-size: 100%;
  }
  .connection,
  .notice {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .connection .icon {
    color: var(--_warning);
  }
  .progress-block {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .progress-head,
  .timing {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .progress-head label {
    font-weight: 600;
  }
  .timing {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    appearance: none;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_surface-alt);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .tasks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .task {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: var(--_space) calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }
  .task[data-status='pending'] .icon {
    color: var(--_muted);
  }
  .task[data-status='running'] {
    border-color: var(--_accent);
  }
  .task[data-status='running'] .icon {
    color: var(--_accent);
  }
  .task[data-status='succeeded'] .icon {
    color: var(--_success);
  }
  .task[data-status='failed'] {
    border-color: var(--_danger);
  }
  .task[data-status='failed'] .icon,
  .task[data-status='failed'] .task-status {
    color: var(--_danger);
  }
  .task[data-status='waiting'] .icon,
  .task[data-status='action-required'] .icon {
    color: var(--_warning);
  }
  .task[data-status='action-required'] {
    border-color: var(--_warning);
  }
  .task-body {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    min-inline-size: 0;
    flex: 1;
  }
  .task-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .task-status {
    font-size: 0.875em;
  }
  .task-detail {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .action {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .action-label {
    font-weight: 600;
    font-size: 0.875em;
    inline-size: 100%;
  }
  .action a {
    color: var(--_accent);
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .copy {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .copied {
    color: var(--_success);
    font-size: 0.875em;
  }
  .spinner {
    transform-origin: 50% 50%;
    animation: lc-spin 1s linear infinite;
  }
  @keyframes lc-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    /* A still arc: the "In progress" text says it runs. */
    .spinner {
      animation: none;
    }
  }
  .outcome {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .outcome[data-outcome='completed'] {
    border-inline-start-color: var(--_success);
  }
  .outcome[data-outcome='failed'] {
    border-inline-start-color: var(--_danger);
  }
  .outcome[data-outcome='waiting'] {
    border-inline-start-color: var(--_warning);
  }
  .outcome h3,
  .credentials h3 {
    font-size: 1em;
    margin: 0;
  }
  .pairs {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  .pairs dt {
    font-weight: 600;
    font-size: 0.875em;
  }
  .pairs dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    min-inline-size: 0;
  }
  .plain {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .credentials {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .warning {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .warning .icon {
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
