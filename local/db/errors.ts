/**
 * The error codes the local database answers with, spelled as CloudBase spells them
 * (https://docs.cloudbase.net/error-code/basic, "数据库错误"). The node SDK turns a reply
 * `{ code, message, requestId }` into a thrown `TcbError` carrying the same `code`.
 */

export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'EXCEED_REQUEST_SIZE_LIMIT'
  | 'SYS_ERR'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

export function collectionNotExist(name: string): DbError {
  // The cloud's text for this case (seen as errMsg through wx-server-sdk as well).
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
  )
}

export function duplicateWrite(collection: string, id: unknown): DbError {
  return new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `[DuplicateWrite] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )
}

export function transactionConflict(detail: string): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[TransactionConflict] WriteConflict: ${detail}. The transaction has been aborted, please retry.`,
  )
}

/**
 * A transaction past its 30 s lifetime: CloudBase has dropped it, so its operations and its commit fail
 * (the cloud's code and text, docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL and as reported
 * through wx-server-sdk on developers.weixin.qq.com).
 */
export function transactionExpired(): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )
}
