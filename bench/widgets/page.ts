// The five widgets under one linked <crm-data>, as a host page puts them (see README). ?feed= the feed URL,
// ?format= its format when the URL does not tell. Built for production by the suite, as a host app would be.
import { probe } from './probe.js'; // first: it must see every drawing and long task
import '../../src/index.js';

probe.pageScriptAt = performance.now();
const params = new URLSearchParams(location.search);
const data = document.createElement('crm-data');
data.setAttribute('src', params.get('feed') ?? '/.cache/bench/orders-100k.json');
const format = params.get('format');
if (format) data.setAttribute('format', format);
for (const tag of ['crm-rfm-matrix', 'crm-regional-comparison', 'crm-lifecycle-funnel', 'crm-channel-mix', 'crm-customer-360']) {
  data.append(document.createElement(tag));
}
document.getElementById('widgets')!.append(data);
