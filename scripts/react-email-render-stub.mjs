// The resend SDK imports @react-email/render lazily, only to render a `react:` email. We never
// pass one (emails/ render to html and text), so the Workers bundle gets this stub instead of
// an import the runtime could not resolve.
export async function render() {
  throw new Error('@react-email/render is not part of the Workers build');
}
