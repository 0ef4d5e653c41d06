/**
 * `wx.openApi` requests from `wx-server-sdk` (`cloud.openapi.subscribeMessage.send` …): a multipart form whose
 * `requestData` is a protobuf `CommApiData` and whose answer is a protobuf `CommOpenApiResp`. Field numbers are
 * those of the SDK's own generated code (wx-server-sdk 4.0.2, `src/protobuf/openapi.js`), read by a minimal codec.
 */

/** `CommApiData` (apiType = 1, openapiData = 2 → pairs = 1 → { key = 1, value = 2 }, appid = 6). */
export interface OpenApiRequest {
  apiType: number
  appid: string
  /** The API's parameters, snake_case as WeChat's HTTP API takes them; values JSON-decoded. */
  payload: Record<string, unknown>
}

export function decodeOpenApiRequest(buffer: Buffer): OpenApiRequest {
  let apiType = 0
  let appid = ''
  const payload: Record<string, unknown> = {}
  for (const field of readFields(buffer)) {
    if (field.no === 1 && typeof field.value === 'number') apiType = field.value
    else if (field.no === 6 && Buffer.isBuffer(field.value)) appid = field.value.toString('utf8')
    else if (field.no === 2 && Buffer.isBuffer(field.value)) {
      for (const pair of readFields(field.value)) {
        if (pair.no !== 1 || !Buffer.isBuffer(pair.value)) continue
        let key = ''
        let value: Buffer = Buffer.alloc(0)
        for (const part of readFields(pair.value)) {
          if (part.no === 1 && Buffer.isBuffer(part.value)) key = part.value.toString('utf8')
          else if (part.no === 2 && Buffer.isBuffer(part.value)) value = part.value
        }
        payload[key] = decodePairValue(value)
      }
    }
  }
  return { apiType, appid, payload }
}

/** Pair values are JSON (the SDK stringifies each parameter); anything else is kept as text. */
function decodePairValue(value: Buffer): unknown {
  const text = value.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * A refusal by the cloud-call layer itself rather than by WeChat's API (e.g. -604101, the function has no
 * `permissions.openapi` for it): answered as `CommOpenApiResp.errorCode`, which wx-server-sdk throws as a
 * `CloudSDKError` with that `errCode`.
 */
export class OpenApiSystemError {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}

/** `CommOpenApiResp` (respData = 1, contentType = 2, errorCode = 3). */
export function encodeOpenApiResponse(result: unknown): Buffer {
  if (result instanceof OpenApiSystemError) return Buffer.concat([encodeVarint(3 * 8), encodeInt32(result.code)])
  const body = Buffer.from(JSON.stringify(result ?? {}), 'utf8')
  return Buffer.concat([lengthDelimited(1, body), lengthDelimited(2, Buffer.from('application/json; charset=utf-8', 'utf8'))])
}

/** A protobuf `int32`: negative values are sign-extended to 64 bits (ten bytes). */
function encodeInt32(n: number): Buffer {
  if (n >= 0) return encodeVarint(n)
  let rest = BigInt.asUintN(64, BigInt(n))
  const bytes: number[] = []
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80)
    rest >>= 7n
  }
  bytes.push(Number(rest))
  return Buffer.from(bytes)
}

interface Field {
  no: number
  value: number | Buffer
}

function readFields(buffer: Buffer): Field[] {
  const fields: Field[] = []
  let pos = 0
  const varint = (): number => {
    let result = 0
    let shift = 0
    for (;;) {
      if (pos >= buffer.length) throw new Error('truncated protobuf varint')
      const byte = buffer[pos++] as number
      result += (byte & 0x7f) * 2 ** shift
      if ((byte & 0x80) === 0) return result
      shift += 7
    }
  }
  while (pos < buffer.length) {
    const key = varint()
    const no = Math.floor(key / 8)
    const wireType = key & 7
    if (wireType === 0) fields.push({ no, value: varint() })
    else if (wireType === 2) {
      const length = varint()
      if (pos + length > buffer.length) throw new Error('truncated protobuf field')
      fields.push({ no, value: buffer.subarray(pos, pos + length) })
      pos += length
    } else if (wireType === 1) pos += 8
    else if (wireType === 5) pos += 4
    else throw new Error(`unsupported protobuf wire type ${wireType}`)
  }
  return fields
}

function lengthDelimited(no: number, data: Buffer): Buffer {
  return Buffer.concat([encodeVarint(no * 8 + 2), encodeVarint(data.length), data])
}

function encodeVarint(n: number): Buffer {
  const bytes: number[] = []
  let rest = n
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80)
    rest = Math.floor(rest / 0x80)
  }
  bytes.push(rest)
  return Buffer.from(bytes)
}

/** Splits a multipart/form-data body into its named fields. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const boundaryText = match?.[1] ?? match?.[2]
  if (!boundaryText) throw new Error('multipart body without boundary')
  const boundary = Buffer.from(`--${boundaryText}`)
  const fields: Record<string, Buffer> = {}
  let start = body.indexOf(boundary)
  while (start !== -1) {
    const partStart = start + boundary.length
    if (body.subarray(partStart, partStart + 2).toString() === '--') break
    const next = body.indexOf(boundary, partStart)
    if (next === -1) break
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) fields[name] = part.subarray(headerEnd + 4)
    }
    start = next
  }
  return fields
}
