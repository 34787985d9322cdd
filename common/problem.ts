/** One bad value in a request, as problem+json lists it (RFC 9457 extension `errors`). */
export interface FieldError {
  /** Where the bad value was: body, querystring, params or headers. */
  in: string;
  /** JSON Pointer (RFC 6901) to the value inside that part, e.g. /members/0/budget. */
  pointer: string;
  code: string;
  message: string;
}
