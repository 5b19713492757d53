// `ng serve` forwards /planviewer to a local planviewer-rx/proxy (here: `node server.mjs` on port 4300,
// started with PORT=4300 and your key and secret in its environment). The dev server never sees the
// secret, and the browser talks to its own origin, so no CORS is needed.
export default {
  '/planviewer': {
    target: 'http://127.0.0.1:4300',
    secure: false,
    changeOrigin: false,
  },
};
