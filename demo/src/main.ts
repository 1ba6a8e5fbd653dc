// The demo page: registers the crm-lens tags it uses and the page's own elements.
//
// Importing the package root registers every tag (each component's index module calls `defineElement`), but
// package.json's `sideEffects` names only src/index.ts, so a bundler drops those modules when nothing uses
// their exports. Naming the classes keeps them; `defineElement` is a no-op for tags already defined.
import {
  CrmChannelMix,
  CrmCustomer360,
  CrmData,
  CrmLifecycleFunnel,
  CrmRegionalComparison,
  CrmRfmMatrix,
  defineElement,
} from '../../src/index.js';
import { DemoApp } from './app.js';
import { DemoImport } from './import-panel.js';
import { DemoShare } from './share-panel.js';

const tags: [string, CustomElementConstructor][] = [
  ['crm-data', CrmData],
  ['crm-rfm-matrix', CrmRfmMatrix],
  ['crm-customer-360', CrmCustomer360],
  ['crm-lifecycle-funnel', CrmLifecycleFunnel],
  ['crm-channel-mix', CrmChannelMix],
  ['crm-regional-comparison', CrmRegionalComparison],
  ['demo-import', DemoImport],
  ['demo-share', DemoShare],
  ['demo-app', DemoApp],
];
for (const [tag, element] of tags) defineElement(tag, element);
