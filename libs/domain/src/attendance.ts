/**
 * The evening question ("reply 1 if you are coming") is no fair question with less time than this
 * to answer it: a booking asked about more recently is never released for want of a reply.
 */
export const LEAST_TIME_TO_ANSWER_MS = 60 * 60_000;
