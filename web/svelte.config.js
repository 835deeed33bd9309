import adapter from "@sveltejs/adapter-static";

/**
 * Content-Security-Policy for the HTML shell. The same policy is sent as a header from
 * static/_headers; SvelteKit additionally writes it into index.html as a <meta> tag with the
 * SHA-256 hash of its inline bootstrap script, so inline scripts other than that one are blocked
 * even though the header has to allow 'unsafe-inline' (the hash changes with every build).
 * frame-ancestors cannot live in a <meta> tag; the header carries it.
 */
const csp = {
  mode: /** @type {const} */ ("hash"),
  directives: {
    "default-src": ["self"],
    "script-src": ["self"],
    "style-src": ["self", "unsafe-inline"],
    "img-src": ["self", "data:"],
    "base-uri": ["self"],
    "form-action": ["self"],
    "object-src": ["none"],
  },
};

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // A single-page app served by the Worker as static assets (wrangler.toml [assets]).
    adapter: adapter({ pages: "../build", assets: "../build", fallback: "index.html", strict: false }),
    alias: { $shared: "../shared" },
    csp,
  },
};
