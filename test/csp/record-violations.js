// Loaded first by the strict-CSP test page (test/server/csp-pages.mjs): records every Content-Security-Policy
// violation of the page, and of the widgets' shadow roots (the events bubble to the document), for the test.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({
    directive: e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '',
  });
});
