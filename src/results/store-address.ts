/**
 * Where result files may be fetched from. A download link, and any redirect the store
 * sends, comes from outside: left unchecked, it could point the runner at itself
 * (loopback) or at a cloud metadata service (link-local, 169.254.169.254), and the
 * answer would be written into the results folder. Private ranges (10/8, 172.16/12,
 * 192.168/16) stay allowed: Code Ocean and its store may live in a VPC.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns'
import { isIP } from 'node:net'
import { StoreAddressError } from './errors.js'

/** What an address reaches, for the rules below; `other` is anything routable (public or private). */
export type AddressKind = 'loopback' | 'link-local' | 'other'

/** What the step allows, from where Code Ocean itself is. */
export interface StoreRules {
  /**
   * The Code Ocean domain is on this machine (tests, a local demo): its store may be
   * too, and plain http then never leaves the machine either.
   */
  loopbackDomain: boolean
}

function ipv4Kind(octets: readonly number[]): AddressKind {
  // 0.0.0.0/8 ("this network") reaches the machine itself when connected to.
  if (octets[0] === 127 || octets[0] === 0) return 'loopback'
  if (octets[0] === 169 && octets[1] === 254) return 'link-local'
  return 'other'
}

/** The eight 16-bit groups of an IPv6 address (checked by isIP first), a dotted IPv4 tail included. */
function ipv6Groups(text: string): number[] {
  let address = text
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number)
    address = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = address.split('::')
  const parse = (part: string | undefined): number[] =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : []
  const front = parse(head)
  const back = parse(tail)
  const zeros = tail === undefined ? [] : new Array<number>(8 - front.length - back.length).fill(0)
  return [...front, ...zeros, ...back]
}

function ipv6Kind(text: string): AddressKind {
  const g = ipv6Groups(text.split('%')[0])
  const leadingZeros = (n: number): boolean => g.slice(0, n).every((x) => x === 0)
  if (leadingZeros(7) && (g[7] === 1 || g[7] === 0)) return 'loopback' // ::1, and :: (unspecified)
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local' // fe80::/10
  // An IPv4 address inside: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d).
  const mapped = leadingZeros(5) && (g[5] === 0xffff || g[5] === 0)
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)
  if (mapped || nat64) return ipv4Kind([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff])
  return 'other'
}

/** What an IP address literal reaches (brackets allowed); undefined for a host name. */
export function addressKind(address: string): AddressKind | undefined {
  const text = address.replace(/^\[|\]$/g, '')
  switch (isIP(text.split('%')[0])) {
    case 4:
      return ipv4Kind(text.split('.').map(Number))
    case 6:
      return ipv6Kind(text)
    default:
      return undefined
  }
}

/** What a URL's host reaches by its name alone: an address literal, or a name for this machine. */
function hostKind(hostname: string): AddressKind | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  return addressKind(host)
}

/** The rules for a step whose Code Ocean API is at `apiBase`. */
export function storeRulesFor(apiBase: string): StoreRules {
  try {
    return { loopbackDomain: hostKind(new URL(apiBase).hostname) === 'loopback' }
  } catch {
    return { loopbackDomain: false }
  }
}

/** Why `kind` of address is refused under `rules`, or undefined when it is allowed. */
function refusedKind(kind: AddressKind | undefined, rules: StoreRules): string | undefined {
  if (kind === 'link-local') return 'a link-local address (where cloud metadata services answer)'
  if (kind === 'loopback' && !rules.loopbackDomain) return 'an address of the runner itself (loopback)'
  return undefined
}

/**
 * Why a download link or a redirect must not be followed, or undefined when it may.
 * Says only the link's scheme and host: the rest of a signed URL is its signature.
 */
export function refusedLink(link: string, rules: StoreRules): string | undefined {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return 'it is not a URL'
  }
  const origin = `${url.protocol}//${url.host}`
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.loopbackDomain)) {
    return `${origin} is not https`
  }
  const why = refusedKind(hostKind(url.hostname), rules)
  return why === undefined ? undefined : `${origin} is ${why}`
}

type LookupCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void

/**
 * A DNS lookup for the store's connections that refuses a name resolving to an address
 * the rules forbid (a name anyone can point at 127.0.0.1 or 169.254.169.254), before
 * any connection is made. Node calls it for host names only; literals are checked by
 * refusedLink.
 */
export function guardedLookup(
  rules: StoreRules,
  resolve: (hostname: string, options: LookupAllOptions, callback: LookupCallback) => void = dnsLookup
): (hostname: string, options: object, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, [])
        return
      }
      for (const { address } of addresses) {
        const why = refusedKind(addressKind(address), rules)
        if (why !== undefined) {
          callback(new StoreAddressError(`${hostname} resolves to ${address}, ${why}`), [])
          return
        }
      }
      callback(null, addresses)
    })
  }
}
