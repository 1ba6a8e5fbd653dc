// Type-level checks (compiled by `npm run typecheck`, nothing runs): every tag in HTMLElementTagNameMap and
// every event in HTMLElementEventMap / DocumentEventMap with its detail type. A missing entry fails tsc.
import '../../src/index.js';
import type { CrmChannelMix, CrmCustomer360, CrmData, CrmLifecycleFunnel, CrmRegionalComparison, CrmRfmMatrix } from '../../src/index.js';
import type { CrmExportDetail, CrmFilterChangeDetail, CrmRenderDetail, CrmSelectDetail } from '../../src/components/events.js';
import type { CrmDataErrorDetail, CrmDataLoadDetail, LoadProgress } from '../../src/index.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(ok: Equals<A, B>) => ok;

same<HTMLElementTagNameMap['crm-data'], CrmData>(true);
same<HTMLElementTagNameMap['crm-customer-360'], CrmCustomer360>(true);
same<HTMLElementTagNameMap['crm-rfm-matrix'], CrmRfmMatrix>(true);
same<HTMLElementTagNameMap['crm-lifecycle-funnel'], CrmLifecycleFunnel>(true);
same<HTMLElementTagNameMap['crm-regional-comparison'], CrmRegionalComparison>(true);
same<HTMLElementTagNameMap['crm-channel-mix'], CrmChannelMix>(true);

for (const name of ['crm-segment-select', 'crm-region-select', 'crm-channel-select', 'crm-stage-select', 'crm-customer-select'] as const) {
  same<HTMLElementEventMap[typeof name], CustomEvent<CrmSelectDetail>>(true);
  same<DocumentEventMap[typeof name], CustomEvent<CrmSelectDetail>>(true);
}
same<HTMLElementEventMap['crm-filter-change'], CustomEvent<CrmFilterChangeDetail>>(true);
same<HTMLElementEventMap['crm-export'], CustomEvent<CrmExportDetail>>(true);
same<HTMLElementEventMap['crm-render'], CustomEvent<CrmRenderDetail>>(true);
same<HTMLElementEventMap['crm-data-load'], CustomEvent<CrmDataLoadDetail>>(true);
same<HTMLElementEventMap['crm-data-error'], CustomEvent<CrmDataErrorDetail>>(true);
same<HTMLElementEventMap['crm-data-progress'], CustomEvent<LoadProgress>>(true);

// What a host writes compiles: the element type from createElement, the detail from a listener.
const rfm = document.createElement('crm-rfm-matrix');
rfm.segmentRules = [{ id: 'vip', r: [4, 5], f: [4, 5] }];
rfm.addEventListener('crm-segment-select', (e) => e.detail.customerIds.length);
document.addEventListener('crm-channel-select', (e) => e.detail.selection?.value);
