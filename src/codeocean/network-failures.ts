/**
 * What went wrong when a request got no answer at all, and what to tell the user about
 * it. Pure functions: the HTTP transport hands them the error code and where the request
 * went, and shows what they return. Self-hosted runners meet these first: a mistyped
 * `domain`, a firewall, a company proxy, a company certificate authority.
 */
import { Input } from '../names.js'

/** The kinds of network failure that call for different advice. */
export type NetworkProblem =
  /** The host name does not exist (NXDOMAIN): a typo, or a name only an internal DNS knows. */
  | 'dns-missing'
  /** The DNS server did not answer for now. */
  | 'dns-temporary'
  | 'refused'
  /** No route to the host or its network. */
  | 'unreachable'
  | 'timeout'
  | 'tls-unknown-ca'
  | 'tls-self-signed'
  | 'tls-expired'
  | 'tls-hostname'
  /** Anything else: a reset, a closed socket, an unexpected code. */
  | 'other'

const PROBLEM_OF_CODE: ReadonlyMap<string, NetworkProblem> = new Map(
  Object.entries({
    ENOTFOUND: 'dns-missing',
    EAI_AGAIN: 'dns-temporary',
    ECONNREFUSED: 'refused',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    ETIMEDOUT: 'timeout',
    ECONNABORTED: 'timeout',
    // The server's certificate chain leads to no authority the runner trusts.
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-unknown-ca',
    UNABLE_TO_GET_ISSUER_CERT: 'tls-unknown-ca',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-unknown-ca',
    // The server's own certificate, or the root its chain ends in, signed itself.
    DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'tls-self-signed',
    CERT_HAS_EXPIRED: 'tls-expired',
    CERT_NOT_YET_VALID: 'tls-expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname'
  } satisfies Record<string, NetworkProblem>)
)

/** The kind of failure a Node or axios error code stands for. */
export function classifyNetworkError(code: string | undefined): NetworkProblem {
  return (code !== undefined && PROBLEM_OF_CODE.get(code)) || 'other'
}

/**
 * Whether trying again could help. A name that does not exist, or a certificate the
 * runner refuses, will be the same in a second; retrying would only delay the message
 * that says how to fix it. A DNS server that did not answer may answer next time.
 */
export function isRetryableNetworkProblem(problem: NetworkProblem): boolean {
  return problem !== 'dns-missing' && !problem.startsWith('tls-')
}

/** Whether the failure proves the request never reached the server (so nothing can have happened there). */
export function provesNothingSent(problem: NetworkProblem): boolean {
  return (
    problem === 'dns-missing' ||
    problem === 'dns-temporary' ||
    problem === 'refused' ||
    problem === 'unreachable' ||
    problem.startsWith('tls-')
  )
}

export interface NetworkFailure {
  /** What the action was doing, e.g. "start the run". */
  operation: string
  /** The Node or axios error code, if any. */
  code?: string
  /** The error's own message, e.g. "getaddrinfo ENOTFOUND codeocean.invalid". */
  text: string
  /** Where the request went: Code Ocean's API base. */
  url: string
  /** The request's time limit, for timeouts. */
  timeoutMs: number
  /** The proxy the request went through, without credentials, if one applied. */
  proxy?: string
  /** The host name a failed DNS lookup was for, when the error says. */
  lookedUp?: string
}

const CA_ADVICE =
  'If your deployment (or a proxy that inspects https) uses a private certificate authority, put that ' +
  "authority's certificate (PEM) on the runner and set NODE_EXTRA_CA_CERTS to its path in the job's `env`:\n" +
  '  env:\n    NODE_EXTRA_CA_CERTS: /etc/ssl/certs/company-ca.pem'

/** `host:port` of a URL, with the scheme's default port filled in. */
export function hostAndPort(url: string): { host: string; port: string } {
  const parsed = new URL(url)
  const port = parsed.port || (parsed.protocol === 'http:' ? '80' : '443')
  return { host: parsed.hostname, port }
}

function reachabilityQuestion(where: string, proxy: string | undefined): string {
  const question = `Is the \`${Input.Domain}\` input right, and is ${where} reachable from this runner?`
  return proxy === undefined
    ? `${question} A self-hosted runner behind a firewall may need HTTPS_PROXY (see docs/self-hosted.md in the action's repository).`
    : `${question} The request went through the proxy ${proxy}: check that the proxy is up and lets the runner through to ${where}.`
}

/** What happened and what to do about it, in words. */
interface Explanation {
  what: string
  advice?: string
}

/** A host name that did not resolve: Code Ocean's, or the proxy's. */
function dnsExplanation(failure: NetworkFailure, problem: 'dns-missing' | 'dns-temporary', host: string): Explanation {
  if (problem === 'dns-temporary') {
    return {
      what: `looking up ${host} failed (EAI_AGAIN) on every try`,
      advice: "The runner's DNS server did not answer; this is usually temporary. Try again later."
    }
  }
  if (failure.lookedUp !== undefined && failure.lookedUp !== host) {
    return {
      what: `the proxy host ${failure.lookedUp} was not found (ENOTFOUND)`,
      advice: "Check HTTPS_PROXY and HTTP_PROXY in the job's environment."
    }
  }
  return {
    what: `the host ${host} was not found (ENOTFOUND)`,
    advice:
      `Check the \`${Input.Domain}\` input: ${host} does not resolve from this runner. It should be your Code Ocean ` +
      `deployment's address, as in your browser, e.g. \`${Input.Domain}: codeocean.example.com\`. A name only your ` +
      "company's DNS knows needs a runner inside that network."
  }
}

type CertificateProblem = Extract<NetworkProblem, `tls-${string}`>

function isCertificateProblem(problem: NetworkProblem): problem is CertificateProblem {
  return problem.startsWith('tls-')
}

/** A certificate the runner refused. */
function certificateExplanation(
  failure: NetworkFailure,
  problem: CertificateProblem,
  where: string,
  host: string
): Explanation {
  const code = failure.code ?? 'network error'
  switch (problem) {
    case 'tls-unknown-ca':
      return {
        what: `the certificate of ${where} is not signed by a certificate authority this runner trusts (${code}: ${failure.text})`,
        advice: CA_ADVICE
      }
    case 'tls-self-signed':
      return {
        what: `the certificate of ${where} is self-signed, or its chain ends in a root this runner does not trust (${code}: ${failure.text})`,
        advice: CA_ADVICE
      }
    case 'tls-expired':
      return failure.code === 'CERT_NOT_YET_VALID'
        ? {
            what: `the certificate of ${where} is not valid yet (CERT_NOT_YET_VALID)`,
            advice: "Check the runner's clock."
          }
        : {
            what: `the certificate of ${where} has expired (CERT_HAS_EXPIRED)`,
            advice: "The deployment's administrators must renew it; if they have, check the runner's clock."
          }
    case 'tls-hostname':
      return {
        what: `the certificate of ${where} is not issued for the name ${host} (ERR_TLS_CERT_ALTNAME_INVALID: ${failure.text})`,
        advice: `Set the \`${Input.Domain}\` input to a name the certificate covers, the one you use in the browser.`
      }
  }
}

/** What happened, in words, and what to do about it. */
function explanation(failure: NetworkFailure, problem: NetworkProblem): Explanation {
  const { host, port } = hostAndPort(failure.url)
  const where = `${host}:${port}`
  const code = failure.code ?? 'network error'
  if (isCertificateProblem(problem)) return certificateExplanation(failure, problem, where, host)
  switch (problem) {
    case 'dns-missing':
    case 'dns-temporary':
      return dnsExplanation(failure, problem, host)
    case 'refused':
      return {
        what: `the connection to ${where} was refused (ECONNREFUSED)`,
        advice: reachabilityQuestion(where, failure.proxy)
      }
    case 'unreachable':
      return { what: `${where} cannot be reached (${code})`, advice: reachabilityQuestion(where, failure.proxy) }
    case 'timeout':
      return {
        what: `no answer from ${where} within ${Math.round(failure.timeoutMs / 1000)} s (${code})`,
        advice: reachabilityQuestion(where, failure.proxy)
      }
    case 'other':
      return { what: `${code}: ${failure.text}` }
  }
}

/**
 * The message for a request that got no answer: what happened and where on the first
 * line, what to do on the next.
 */
export function explainNetworkFailure(failure: NetworkFailure): string {
  const { what, advice } = explanation(failure, classifyNetworkError(failure.code))
  const via = failure.proxy === undefined ? '' : `, through the proxy ${failure.proxy}`
  const first = `Could not ${failure.operation}: ${what} (Code Ocean at ${failure.url}${via})`
  return advice === undefined ? first : `${first}\n${advice}`
}

/** A failed request to the object store that signed result links point to. */
export type StoreFailure = Pick<NetworkFailure, 'code' | 'text' | 'url' | 'timeoutMs' | 'proxy'>

const STORE_REACH =
  "Result files come from the storage that Code Ocean's signed links point to, not from the Code Ocean host: " +
  "the runner must reach it too (see docs/self-hosted.md in the action's repository)."

/**
 * What to tell the user when a download from the object store got no answer, or
 * undefined to leave the error's own words (a reset, an unexpected code). Never
 * quotes the signed URL, whose query is a credential: only its host and port.
 */
export function explainStoreFailure(failure: StoreFailure): string | undefined {
  const problem = classifyNetworkError(failure.code)
  if (problem === 'other') return undefined
  const { host } = hostAndPort(failure.url)
  const general = explanation({ ...failure, operation: '' }, problem)
  const what = problem === 'dns-missing' ? `the object store host ${host} was not found (ENOTFOUND)` : general.what
  const via = failure.proxy === undefined ? '' : ` (through the proxy ${failure.proxy})`
  let advice = STORE_REACH
  if (problem === 'tls-unknown-ca' || problem === 'tls-self-signed') {
    advice =
      "If it uses a private certificate authority, set NODE_EXTRA_CA_CERTS to that authority's certificate (PEM) in the job's `env`."
  } else if (problem === 'tls-expired') {
    advice = general.advice ?? STORE_REACH
  } else if (problem === 'tls-hostname') {
    advice =
      "The object store's certificate does not cover its own address: a matter for the deployment's administrators."
  }
  // One line: download messages quote it inside their own sentences.
  return `${what}${via}. ${advice}`
}
