import { defineElement } from '../define.js';
import { CrmLifecycleFunnel } from './lifecycle-funnel.js';

export { CrmLifecycleFunnel, type LifecycleFunnelView } from './lifecycle-funnel.js';
export { funnelMessages, localizeReason } from './messages.js';

defineElement('crm-lifecycle-funnel', CrmLifecycleFunnel);

declare global {
  interface HTMLElementTagNameMap {
    'crm-lifecycle-funnel': CrmLifecycleFunnel;
  }
}
