/**
 * The page `crm-lens serve` shows: the five widgets under one `<crm-data engine="remote">` that sends their
 * query descriptors to this server. Strict CSP: scripts from this origin only, no inline style or script.
 */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self' blob:; img-src 'self' data:; connect-src 'self'";

export function demoPage(title: string, endpoint: string, lang = 'en'): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${esc(lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>${esc(title)} — crm-lens</title>
    <link rel="stylesheet" href="/serve.css" />
    <script type="module" src="/crm-lens.bundle.js"></script>
  </head>
  <body>
    <h1>${esc(title)}</h1>
    <crm-data engine="remote" endpoint="${esc(endpoint)}" lang="${esc(lang)}">
      <crm-rfm-matrix></crm-rfm-matrix>
      <crm-lifecycle-funnel></crm-lifecycle-funnel>
      <crm-regional-comparison group-by="region"></crm-regional-comparison>
      <crm-channel-mix></crm-channel-mix>
      <crm-customer-360></crm-customer-360>
    </crm-data>
  </body>
</html>
`;
}

export const DEMO_CSS = `body { font-family: system-ui, sans-serif; margin: 1.5rem; display: grid; gap: 1rem; }
crm-data { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); }
h1 { font-size: 1.25rem; margin: 0; }
`;
