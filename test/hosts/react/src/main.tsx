// React 19 host: properties and `oncrm-*` listeners straight on the custom elements (React 19 sets a prop as a
// property when the element has one, and attaches `on<event>` props as listeners), typed by crm-lens/react.
import 'crm-lens';
import type {} from 'crm-lens/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FEED, FIELDS, SEGMENT_RULES, STAGES, type HostState } from '../../shared/scenario';

function App() {
  const [state, setState] = useState<HostState>({ locale: 'en', measure: 'revenue', picked: -1, parsedIn: '' });
  return (
    <main>
      <button id="toggle-locale" onClick={() => setState((s) => ({ ...s, locale: s.locale === 'en' ? 'zh-CN' : 'en' }))}>locale</button>
      <button id="toggle-measure" onClick={() => setState((s) => ({ ...s, measure: s.measure === 'revenue' ? 'orders' : 'revenue' }))}>measure</button>
      <output id="picked">{state.picked}</output>
      <output id="parsed">{state.parsedIn}</output>
      <crm-data
        src={FEED}
        fields={FIELDS}
        oncrm-data-load={(e) => setState((s) => ({ ...s, parsedIn: e.detail.report?.parsedIn ?? '' }))}
      >
        <crm-rfm-matrix
          locale={state.locale}
          segmentRules={SEGMENT_RULES}
          oncrm-segment-select={(e) => setState((s) => ({ ...s, picked: e.detail.customerIds.length }))}
        ></crm-rfm-matrix>
        <crm-lifecycle-funnel locale={state.locale} stageDefinitions={STAGES}></crm-lifecycle-funnel>
        <crm-regional-comparison locale={state.locale} group-by="region"></crm-regional-comparison>
        <crm-channel-mix locale={state.locale} measure={state.measure}></crm-channel-mix>
        <crm-customer-360 locale={state.locale}></crm-customer-360>
      </crm-data>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
