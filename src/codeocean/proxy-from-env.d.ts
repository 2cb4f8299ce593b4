// proxy-from-env ships no types; this is the one function the action uses.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY (either case), or ''. */
  export function getProxyForUrl(url: string | URL): string
}
