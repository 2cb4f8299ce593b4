/** The errors of the results phase: listing, download. */

/** The walk stopped at one of its limits; the results tree is larger (or deeper) than the action lists. */
export class ListingLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ListingLimitError'
  }
}

/** The store sent more bytes than the file can hold; retrying will not help. */
export class OversizeError extends Error {}

/** A download that failed in a way another try with a fresh URL may fix. */
export class TransientDownloadError extends Error {}

/** The store refused the link (403): how S3 says a signed URL expired, so a fresh one may do. */
export class ExpiredLinkError extends TransientDownloadError {}

/**
 * A transfer was not begun: its link grew too old to use while it waited for a slot
 * (see transfer-queue.ts). Not a failed try: the file is asked for again with a fresh link.
 */
export class StaleLinkError extends Error {}

/**
 * The store was not asked: where a link leads, or how it would be reached, is refused.
 * Final: a fresh link from the same server would meet the same refusal.
 */
export class StoreRefusal extends Error {}

/** A download link or a redirect to an address results are never fetched from (see store-address.ts). */
export class StoreAddressError extends StoreRefusal {
  override name = 'StoreAddressError'
  readonly code = 'ERR_STORE_ADDRESS'
}

/** The store cannot be reached the way this runner is set up (a proxy the download cannot use): another try will not help. */
export class StoreRouteError extends StoreRefusal {
  override name = 'StoreRouteError'
}
