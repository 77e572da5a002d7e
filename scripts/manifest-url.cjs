// Rewrites the manifest's development URLs (https://localhost:3000/…, and the bare origin in
// AppDomains) to where the production build is hosted. Used by webpack and by the manifest test.
const DEV_URL = "https://localhost:3000/";

function rewriteManifest(xml, productionUrl) {
  if (!productionUrl) return xml;
  const base = productionUrl.endsWith("/") ? productionUrl : `${productionUrl}/`;
  const origin = new URL(base).origin;
  return xml.replaceAll(DEV_URL, base).replaceAll(DEV_URL.slice(0, -1), origin);
}

module.exports = { DEV_URL, rewriteManifest };
